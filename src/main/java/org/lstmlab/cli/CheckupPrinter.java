package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.List;

import org.lstmlab.engine.session.Checkup;

/** Prints a run's checkup after {@code train}'s verdict: each warning sign, what to try, and its lesson. */
final class CheckupPrinter {
    private CheckupPrinter() {
    }

    /** The signs' names for a JSON line's {@code warnings}: not_finite, vanishing, ... */
    static List<String> names(List<Checkup.Finding> signs) {
        return signs.stream().map(f -> f.sign().id()).toList();
    }

    /** Nothing when the run shows no warning sign. */
    static void print(PrintWriter out, List<Checkup.Finding> signs) {
        if (signs.isEmpty()) {
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
    }
}
