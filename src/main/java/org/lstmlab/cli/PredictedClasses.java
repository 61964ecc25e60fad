package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The classes {@code predict} names for a model trained on a CSV file's class labels: for each sequence (each
 * window) the most probable class and its probability, printed for the first {@link #LISTED} and counted for all;
 * the prediction file keeps every probability.
 */
final class PredictedClasses {
    static final int LISTED = 20;

    private final List<String> names;
    private final long[] counts;
    private final StringBuilder first = new StringBuilder();
    private long seen;

    PredictedClasses(List<String> names) {
        this.names = List.copyOf(names);
        this.counts = new long[names.size()];
    }

    List<String> names() {
        return names;
    }

    /** A batch of probabilities, one row of {@code names().size()} per sequence (or step). */
    void accept(double[] p) {
        int c = names.size();
        for (int off = 0; off + c <= p.length; off += c) {
            int best = 0;
            for (int k = 1; k < c; k++) {
                best = p[off + k] > p[off + best] ? k : best;
            }
            counts[best]++;
            seen++;
            if (seen <= LISTED) {
                first.append(String.format(Locale.ROOT, "window %d: %s (%.1f %%)%n", seen, names.get(best),
                        100 * p[off + best]));
            }
        }
    }

    /** The classes, the first predictions, and how many of each class there are in all. */
    void print(PrintWriter w) {
        w.println("classes (the prediction's columns, in order): " + String.join(", ", names));
        w.print(first);
        if (seen > LISTED) {
            w.println("... (" + seen + " in all)");
        }
        StringBuilder all = new StringBuilder("predicted: ");
        for (int k = 0; k < names.size(); k++) {
            all.append(k == 0 ? "" : ", ").append(names.get(k)).append(' ').append(counts[k]);
        }
        w.println(all);
    }
}
