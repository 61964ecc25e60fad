package org.lstmlab.cli;

import java.io.PrintWriter;

import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.Step;
import org.lstmlab.engine.lessons.Text;

/**
 * {@code lessons --show}: a lesson as a student reads it, with the engine's numbers filled in, then the works it cites
 * (its {@code references:}, under "## Sources", as the file writes them; none, no heading).
 */
final class LessonPrinter {
    private LessonPrinter() {
    }

    static void print(Lesson l, String lang, PrintWriter out) {
        LessonRun run = new LessonRun(l);
        out.println("# " + l.title().in(lang) + "  (" + l.id() + ")");
        out.println();
        for (int i = 0; i < l.steps().size(); i++) {
            Step s = l.steps().get(i);
            run.performThrough(i);
            out.println("## " + (i + 1) + "/" + l.steps().size());
            out.println(run.fill(s.text(), lang).strip());
            Exercise ex = s.exercise();
            if (ex != null) {
                out.println();
                out.println("? " + run.fill(ex.prompt(), lang).strip());
                for (int c = 0; c < ex.choices().size(); c++) {
                    out.println("  " + (c + 1) + ". " + run.fill(ex.choices().get(c), lang).strip()
                            + (c == ex.correct() ? "   <- key" : ""));
                }
                if (ex.kind() == Exercise.Kind.NUMERIC) {
                    out.println("  key: " + run.answer(ex) + " ± " + ex.tolerance());
                }
                for (Text h : ex.hints()) {
                    out.println("  hint: " + run.fill(h, lang).strip());
                }
                if (ex.kind() == Exercise.Kind.PREDICT) {
                    run.runPrediction(ex);
                }
                for (int c = 0; c < ex.choices().size(); c++) {   // a prediction's may quote its run
                    if (!ex.feedback(c).equals(Text.EMPTY)) {
                        out.println("  not " + (c + 1) + ": " + run.fill(ex.feedback(c), lang).strip());
                    }
                }
                out.println("  => " + run.fill(ex.explanation(), lang).strip());
            }
            out.println();
        }
        if (!l.references().isEmpty()) {
            out.println("## Sources");
            for (int k = 0; k < l.references().size(); k++) {
                out.println((k + 1) + ". " + l.references().get(k));
            }
            out.println();
        }
        out.flush();
    }
}
