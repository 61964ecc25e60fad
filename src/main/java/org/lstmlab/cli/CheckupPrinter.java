package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.LearningProgress;
import org.lstmlab.engine.text.Message;

/** Prints a run's checkup after {@code train}'s verdict: each warning sign, what to try, and its lesson. */
final class CheckupPrinter {
    private CheckupPrinter() {
    }

    /** The signs' names for a JSON line's {@code warnings}: not_finite, vanishing, ... */
    static List<String> names(List<Checkup.Finding> signs) {
        return signs.stream().map(f -> f.sign().id()).toList();
    }

    /** A JSON line's {@code progress} (learning, levelled, stuck, one_epoch), left out when there is none. */
    static void putProgress(Map<String, Object> json, LearningProgress.Kind kind) {
        if (kind != null) {
            json.put("progress", kind.id());
        }
    }

    /**
     * The signs, then what the score did ({@code progress}: still learning, levelling off or stuck, from
     * {@code LearningProgress.forCheckup}); nothing for a run that solved its task.
     */
    static void print(PrintWriter out, List<Checkup.Finding> signs, Message progress) {
        if (signs.isEmpty()) {
            if (progress != null) {
                out.println("checkup: " + progress.english());
            }
            return;
        }
        out.println(signs.size() == 1 ? "checkup: 1 warning sign" : "checkup: " + signs.size() + " warning signs");
        for (Checkup.Finding f : signs) {
            out.println("- " + f.text().english());
            out.println("  " + f.advice().english());
            if (f.lesson() != null) {
                out.println("  lesson: lstm-lab lessons --show --lesson " + f.lesson() + " (or the app's Learn tab)");
            }
        }
        if (progress != null) {
            out.println(progress.english());
        }
    }
}
