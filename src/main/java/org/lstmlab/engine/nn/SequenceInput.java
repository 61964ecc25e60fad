package org.lstmlab.engine.nn;

/**
 * The input of a recurrent layer for one batch: T steps of B sequences of size D, time-major. Either dense values
 * {@code (T, B, D)} read from {@code offset}, or one-hot token ids {@code (T, B)} with values in {@code [0, D)},
 * for which the input projection is a row gather instead of a matrix product.
 */
public record SequenceInput(int steps, int batch, int size, double[] dense, int offset, int[] tokens) {

    public SequenceInput {
        if (steps < 1 || batch < 1 || size < 1) {
            throw new IllegalArgumentException("an input needs at least one step, one sequence and one feature, got T="
                    + steps + " B=" + batch + " D=" + size);
        }
        if ((dense == null) == (tokens == null)) {
            throw new IllegalArgumentException("an input is either dense or one-hot");
        }
        if (dense != null && dense.length - offset < steps * batch * size) {
            throw new IllegalArgumentException("input holds " + (dense.length - offset) + " values, T·B·D = "
                    + steps * batch * size);
        }
        if (tokens != null && tokens.length < steps * batch) {
            throw new IllegalArgumentException("token input holds " + tokens.length + " ids, T·B = " + steps * batch);
        }
    }

    public static SequenceInput dense(double[] x, int steps, int batch, int size) {
        return new SequenceInput(steps, batch, size, x, 0, null);
    }

    public static SequenceInput dense(double[] x, int offset, int steps, int batch, int size) {
        return new SequenceInput(steps, batch, size, x, offset, null);
    }

    /** One-hot input: {@code tokens[t·B + b]} is the index of the 1 in x_t of sequence b. */
    public static SequenceInput oneHot(int[] tokens, int steps, int batch, int vocabulary) {
        for (int i = 0; i < steps * batch; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabulary) {
                throw new IllegalArgumentException("token " + tokens[i] + " at position " + i
                        + " is outside the vocabulary of " + vocabulary);
            }
        }
        return new SequenceInput(steps, batch, vocabulary, null, 0, tokens);
    }

    public boolean isOneHot() {
        return tokens != null;
    }

    /** x_t of sequence b as a dense vector (for display; training never expands one-hot input). */
    public double[] vector(int t, int b) {
        double[] v = new double[size];
        if (tokens != null) {
            v[tokens[t * batch + b]] = 1.0;
        } else {
            System.arraycopy(dense, offset + (t * batch + b) * size, v, 0, size);
        }
        return v;
    }
}
