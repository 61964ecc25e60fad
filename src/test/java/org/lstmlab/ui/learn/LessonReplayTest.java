package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.lessons.Action;
import org.lstmlab.engine.lessons.Highlight;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.Lessons;

/** What a lesson does on the debugger, through a host that writes down what it is asked to do. */
class LessonReplayTest {
    /** The calls the replay made, in order. */
    private final List<String> calls = new ArrayList<>();
    private final LessonReplay replay = new LessonReplay();

    LessonReplayTest() {
        replay.setHost(new LessonHost() {
            @Override
            public void apply(LessonRun.Applied action, LessonRun run) {
                calls.add("apply " + action.action().getClass().getSimpleName());
            }

            @Override
            public void showDebugger() {
                calls.add("show");
            }

            @Override
            public void highlight(Highlight h) {
                calls.add("point " + (h == null ? "nothing" : h.target()));
            }
        });
    }

    /** The checkup lesson, whose step with a Train tab set-up is {@code trainStep} (the only one with it). */
    private final Lesson checkup = load();
    private final LessonRun run = new LessonRun(checkup);
    private final int trainStep = indexOf(checkup);
    private final LessonRun.Applied trainTab = new LessonRun.Applied(
            checkup.steps().get(trainStep).actions().stream().filter(a -> a instanceof Action.TrainTab)
                    .findFirst().orElseThrow(), null);
    private final LessonRun.Applied jump = new LessonRun.Applied(new Action.Jump(0, 1), null);

    private static Lesson load() {
        try {
            return Lessons.load("checkup");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int indexOf(Lesson l) {
        for (int k = 0; k < l.steps().size(); k++) {
            if (l.steps().get(k).actions().stream().anyMatch(a -> a instanceof Action.TrainTab)) {
                return k;
            }
        }
        throw new AssertionError("the checkup lesson sets up the Train tab");
    }

    @Test
    void showMeRebuildsTheDebuggerButSetsUpTheTrainTabOnlyOnItsOwnStep() {
        replay.point(new Highlight(Highlight.Kind.EQUATION, "lstm.f"));
        replay.showMe(run, trainStep, List.of(jump, trainTab));
        assertEquals(List.of("point lstm.f", "apply Jump", "apply TrainTab", "point lstm.f", "show"), calls);
        calls.clear();
        assertTrue(trainStep + 1 < checkup.steps().size());
        replay.point(null);
        replay.showMe(run, trainStep + 1, List.of(jump, trainTab));
        assertEquals(List.of("point nothing", "apply Jump", "point nothing", "show"), calls,
                "a later step does not set up the Train tab again");
    }

    @Test
    void anAnswerUnveilsOnlyWhenNotQuietAndBringsTheDebuggerForwardOnlyForTheWholeStep() {
        replay.unveiled(run, trainStep, List.of(jump), false);
        assertEquals(List.of("apply Jump"), calls, "a prediction's run: no need to bring the debugger forward");
        calls.clear();
        replay.unveiled(run, trainStep, List.of(jump, trainTab), true);
        assertEquals(List.of("apply Jump", "apply TrainTab", "point nothing", "show"), calls);
        calls.clear();
        replay.setQuiet(true);
        replay.unveiled(run, trainStep, List.of(jump, trainTab), true);
        assertEquals(List.of(), calls, "an answer done again after View ▸ Language leaves the debugger as it is");
        replay.showMe(run, trainStep, List.of(jump));
        assertEquals(List.of("apply Jump", "point nothing", "show"), calls, "Show me is never quiet");
    }
}
