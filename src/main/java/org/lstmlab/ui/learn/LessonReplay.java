package org.lstmlab.ui.learn;

import java.util.List;

import org.lstmlab.engine.lessons.Action;
import org.lstmlab.engine.lessons.Highlight;
import org.lstmlab.engine.lessons.LessonRun;

/**
 * What a lesson does on the debugger, through the {@link LessonHost}: points at the step's highlight, repeats the
 * actions performed so far ("Show me"), and shows what an answered exercise unveiled. The debugger is rebuilt from
 * every earlier step, but a Train tab set-up is done again by its own step's actions only. While it is quiet (an
 * answer given before View ▸ Language is done again), an answer unveils nothing: the debugger shows it already.
 */
final class LessonReplay {
    private LessonHost host = LessonHost.NONE;
    private Highlight highlight;
    private boolean quiet;

    void setHost(LessonHost host) {
        this.host = host == null ? LessonHost.NONE : host;
    }

    /** Points the debugger at the step's highlight (null: at nothing), and keeps it for what is shown later. */
    void point(Highlight h) {
        highlight = h;
        host.highlight(h);
    }

    void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** "Show me" on step {@code index} of {@code r}: its actions {@code all} again, and the debugger in front. */
    void showMe(LessonRun r, int index, List<LessonRun.Applied> all) {
        apply(r, index, all);
        host.highlight(highlight);
        host.showDebugger();
    }

    /**
     * What answering the exercise of step {@code index} unveiled: {@code applied}, and with {@code again} (the whole
     * step done again) the debugger in front; nothing while quiet.
     */
    void unveiled(LessonRun r, int index, List<LessonRun.Applied> applied, boolean again) {
        if (quiet) {
            return;
        }
        apply(r, index, applied);
        if (again) {
            host.highlight(highlight);
            host.showDebugger();
        }
    }

    private void apply(LessonRun r, int index, List<LessonRun.Applied> applied) {
        for (LessonRun.Applied a : applied) {
            if (replays(r, index, a)) {
                host.apply(a, r);
            }
        }
    }

    /** The debugger is rebuilt from every earlier step; a Train tab set-up is done by its own step's only. */
    private static boolean replays(LessonRun r, int index, LessonRun.Applied a) {
        return !(a.action() instanceof Action.TrainTab)
                || index >= 0 && r.lesson().steps().get(index).actions().contains(a.action());
    }
}
