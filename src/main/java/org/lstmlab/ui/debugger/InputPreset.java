package org.lstmlab.ui.debugger;

import java.util.List;

import org.lstmlab.engine.presets.InputSignals;

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
        InputSignals.Data d = switch (this) {
            case WORD -> InputSignals.oneHot(word);
            case SINE -> InputSignals.sine(steps, size);
            case COUNTING -> InputSignals.counting(steps, size);
            default -> InputSignals.zeros(steps, size);
        };
        List<String> symbols = this == WORD ? word.strip().codePoints().distinct().sorted()
                .mapToObj(Character::toString).toList() : List.of();
        return new Data(d.steps(), d.size(), d.values(), d.features(), symbols);
    }
}
