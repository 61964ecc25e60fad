package org.lstmlab.engine.presets;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The generated inputs the debugger and the lessons start from: a sine, pulses to count, a word one-hot. */
public final class InputSignals {
    private InputSignals() {
    }

    /** A generated input: T × D values, time-major, and a label per feature. */
    public record Data(int steps, int size, double[] values, List<String> features) {
    }

    /** x_t = sin(2π t / 20) for t = 1..T, each further feature shifted by π/4. */
    public static Data sine(int steps, int size) {
        double[] x = new double[steps * size];
        for (int t = 0; t < steps; t++) {
            for (int d = 0; d < size; d++) {
                x[t * size + d] = Math.sin(2 * Math.PI * (t + 1) / 20.0 + d * Math.PI / 4);
            }
        }
        return new Data(steps, size, x, names(size));
    }

    /** Pulses to count: 1 1 0 1 1 0 ... on feature 0, zeros elsewhere. */
    public static Data counting(int steps, int size) {
        double[] x = new double[steps * size];
        for (int t = 0; t < steps; t++) {
            x[t * size] = t % 3 != 2 ? 1 : 0;
        }
        return new Data(steps, size, x, names(size));
    }

    /** Zeros (a table to fill in). */
    public static Data zeros(int steps, int size) {
        return new Data(steps, size, new double[steps * size], names(size));
    }

    /** The one-hot characters of a word: D is the number of distinct letters, T the length of the word. */
    public static Data oneHot(String word) {
        String w = word == null ? "" : word.strip();
        if (w.isEmpty()) {
            throw new IllegalArgumentException("empty word");
        }
        int[] cps = w.codePoints().toArray();
        List<Integer> alphabet = new ArrayList<>(new TreeSet<>(w.codePoints().boxed().toList()));
        double[] x = new double[cps.length * alphabet.size()];
        for (int t = 0; t < cps.length; t++) {
            x[t * alphabet.size() + alphabet.indexOf(cps[t])] = 1;
        }
        List<String> names = new ArrayList<>();
        for (int d = 0; d < alphabet.size(); d++) {
            names.add("x[" + d + "] '" + new String(Character.toChars(alphabet.get(d))) + "'");
        }
        return new Data(cps.length, alphabet.size(), x, names);
    }

    private static List<String> names(int size) {
        List<String> names = new ArrayList<>();
        for (int d = 0; d < size; d++) {
            names.add("x[" + d + "]");
        }
        return names;
    }
}
