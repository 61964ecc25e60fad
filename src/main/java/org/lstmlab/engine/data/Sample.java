package org.lstmlab.engine.data;

import java.util.Arrays;

/**
 * One training example: a sequence of T steps and its target.
 *
 * <p>Dense input may be a window of a larger row-major array shared by many samples (a CSV series' overlapping
 * windows share one copy of the rows): the sample's values are {@code x[offset .. offset + T·D)}.
 *
 * @param steps   T
 * @param size    D, features per step (the vocabulary size for one-hot input)
 * @param x       dense input (T × D from {@code offset}), or null for one-hot input
 * @param offset  where the sample's input starts in {@code x} (0 unless the array is shared)
 * @param tokens  one-hot input as token ids (T), or null for dense input
 * @param target  target values: O for a last-step head, T × O for an every-step head; null with class targets
 * @param classes target classes: 1 for a last-step head, T for an every-step head; null with value targets
 * @param length  the real length of a sequence zero-padded after its end to T steps (1 ≤ length ≤ T; T when not
 *                padded): a last-step head reads h at this step, as PyTorch's {@code pack_padded_sequence} with
 *                {@code h_n[-1]}, or {@code out[arange(B), lengths - 1]}, does
 */
public record Sample(int steps, int size, double[] x, int offset, int[] tokens, double[] target, int[] classes,
                     int length) {
    public Sample {
        if (steps < 1 || size < 1) {
            throw new IllegalArgumentException("a sample needs T ≥ 1 and D ≥ 1, got T=" + steps + " D=" + size);
        }
        if ((x == null) == (tokens == null)) {
            throw new IllegalArgumentException("a sample has either dense or one-hot input");
        }
        long values = (long) steps * size;
        if (x != null && (offset < 0 || x.length - (long) offset < values)) {
            throw new IllegalArgumentException("input has " + x.length + " values from offset " + offset + ", T·D = "
                    + values);
        }
        if (x == null && offset != 0) {
            throw new IllegalArgumentException("one-hot input has no offset");
        }
        if (tokens != null && tokens.length != steps) {
            throw new IllegalArgumentException("input has " + tokens.length + " tokens, T = " + steps);
        }
        if ((target == null) == (classes == null)) {
            throw new IllegalArgumentException("a sample has either value or class targets");
        }
        if (length < 1 || length > steps) {
            throw new IllegalArgumentException("a padded sample's length must be 1 … T = " + steps + ", got "
                    + length);
        }
    }

    /** A sample of T real steps (not padded). */
    public Sample(int steps, int size, double[] x, int offset, int[] tokens, double[] target, int[] classes) {
        this(steps, size, x, offset, tokens, target, classes, steps);
    }

    /** A sample whose dense input is all of {@code x} (or one-hot input). */
    public Sample(int steps, int size, double[] x, int[] tokens, double[] target, int[] classes) {
        this(steps, size, x, 0, tokens, target, classes);
    }

    public static Sample dense(double[] x, int steps, int size, double... target) {
        return new Sample(steps, size, x, 0, null, target, null);
    }

    /**
     * A dense sample of {@code length} real steps zero-padded after its end to {@code steps}: {@code x} holds all
     * T × D values, zeros from step {@code length} on, and the target is that of the real last step.
     */
    public static Sample padded(double[] x, int steps, int length, int size, double... target) {
        return new Sample(steps, size, x, 0, null, target, null, length);
    }

    /** Whether the sequence is zero-padded after its real end ({@link #length} &lt; T). */
    public boolean isPadded() {
        return length < steps;
    }

    /**
     * The sequence without its padding: its {@link #length} real steps and its target, which is what the debugger
     * shows (h at the last of them is what a last-step head reads, padded or not); this sample when not padded.
     */
    public Sample unpadded() {
        if (!isPadded()) {
            return this;
        }
        return tokens != null ? new Sample(length, size, null, 0, Arrays.copyOf(tokens, length), target, classes)
                : new Sample(length, size, Arrays.copyOfRange(x, offset, offset + length * size), 0, null, target,
                        classes);
    }

    /** A dense sample that is the window {@code rows[offset .. offset + steps·size)} of a shared row-major array. */
    public static Sample window(double[] rows, int offset, int steps, int size, double... target) {
        return new Sample(steps, size, rows, offset, null, target, null);
    }

    public static Sample tokens(int[] tokens, int vocabulary, int[] classes) {
        return new Sample(tokens.length, vocabulary, null, 0, tokens, null, classes);
    }

    public static Sample tokensWithValues(int[] tokens, int vocabulary, double[] target) {
        return new Sample(tokens.length, vocabulary, null, 0, tokens, target, null);
    }

    /**
     * The dense input, T × D: the array itself when the sample owns it whole, else a copy of its window. Use
     * {@link #copyStep} to read a shared window without copying it.
     */
    @Override
    public double[] x() {
        if (x == null || offset == 0 && x.length == steps * size) {
            return x;
        }
        return Arrays.copyOfRange(x, offset, offset + steps * size);
    }

    public boolean isOneHot() {
        return tokens != null;
    }

    /** Copies x_t of dense input (D values) into {@code dst} at {@code at}. */
    public void copyStep(int t, double[] dst, int at) {
        System.arraycopy(x, offset + t * size, dst, at, size);
    }
}
