package org.lstmlab.engine.data;

/**
 * One training example: a sequence of T steps and its target.
 *
 * @param steps   T
 * @param size    D, features per step (the vocabulary size for one-hot input)
 * @param x       dense input (T × D), or null for one-hot input
 * @param tokens  one-hot input as token ids (T), or null for dense input
 * @param target  target values: O for a last-step head, T × O for an every-step head; null with class targets
 * @param classes target classes: 1 for a last-step head, T for an every-step head; null with value targets
 */
public record Sample(int steps, int size, double[] x, int[] tokens, double[] target, int[] classes) {
    public Sample {
        if (steps < 1 || size < 1) {
            throw new IllegalArgumentException("a sample needs T ≥ 1 and D ≥ 1, got T=" + steps + " D=" + size);
        }
        if ((x == null) == (tokens == null)) {
            throw new IllegalArgumentException("a sample has either dense or one-hot input");
        }
        if (x != null && x.length != steps * size) {
            throw new IllegalArgumentException("input has " + x.length + " values, T·D = " + steps * size);
        }
        if (tokens != null && tokens.length != steps) {
            throw new IllegalArgumentException("input has " + tokens.length + " tokens, T = " + steps);
        }
        if ((target == null) == (classes == null)) {
            throw new IllegalArgumentException("a sample has either value or class targets");
        }
    }

    public static Sample dense(double[] x, int steps, int size, double... target) {
        return new Sample(steps, size, x, null, target, null);
    }

    public static Sample denseClasses(double[] x, int steps, int size, int... classes) {
        return new Sample(steps, size, x, null, null, classes);
    }

    public static Sample tokens(int[] tokens, int vocabulary, int[] classes) {
        return new Sample(tokens.length, vocabulary, null, tokens, null, classes);
    }

    public static Sample tokensWithValues(int[] tokens, int vocabulary, double[] target) {
        return new Sample(tokens.length, vocabulary, null, tokens, target, null);
    }

    public boolean isOneHot() {
        return tokens != null;
    }

    /** x_t as a dense vector. */
    public double[] step(int t) {
        double[] v = new double[size];
        if (tokens != null) {
            v[tokens[t]] = 1;
        } else {
            System.arraycopy(x, t * size, v, 0, size);
        }
        return v;
    }
}
