package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Where the input sequence comes from. */
public enum InputPreset {
    /** x_t = sin(2π t / 20), each further feature shifted by π/4. */
    SINE,
    /** The one-hot characters of a word: D is the number of distinct letters, T the length of the word. */
    WORD,
    /** Pulses to count: 1 1 0 1 1 0 ... on feature 0. */
    COUNTING,
    /** The table as edited (kept when the sizes change, padded with zeros). */
    TABLE,
    /** A sample opened from the Train tab. */
    SAMPLE;

    /**
     * A generated input: T × D values, time-major, a label per feature and, for a one-hot input, the symbol of each
     * feature (else empty).
     */
    public record Data(int steps, int size, double[] values, List<String> features, List<String> vocabulary) {
    }

    /** The label of a one-hot feature: its index and its symbol, e.g. {@code x[3] 'good'}. */
    public static String featureName(int k, String symbol) {
        return "x[" + k + "] '" + symbol + "'";
    }

    /** Generates the input; {@code word} is used by {@link #WORD} only. */
    public Data generate(int steps, int size, String word) {
        if (this == WORD) {
            return oneHot(word);
        }
        double[] x = new double[steps * size];
        for (int t = 0; t < steps; t++) {
            for (int d = 0; d < size; d++) {
                x[t * size + d] = switch (this) {
                    case SINE -> Math.sin(2 * Math.PI * (t + 1) / 20.0 + d * Math.PI / 4);
                    case COUNTING -> d == 0 && t % 3 != 2 ? 1 : 0;
                    default -> 0;
                };
            }
        }
        List<String> names = new ArrayList<>();
        for (int d = 0; d < size; d++) {
            names.add("x[" + d + "]");
        }
        return new Data(steps, size, x, names, List.of());
    }

    private static Data oneHot(String word) {
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
        List<String> symbols = new ArrayList<>();
        for (int d = 0; d < alphabet.size(); d++) {
            symbols.add(new String(Character.toChars(alphabet.get(d))));
            names.add(featureName(d, symbols.get(d)));
        }
        return new Data(cps.length, alphabet.size(), x, names, symbols);
    }
}
