package org.lstmlab.engine.nn;

/**
 * One batch of training data: the input sequences and their targets. Targets are values (rows × O) for binary
 * cross-entropy and MSE, or class indices (one per row) for softmax cross-entropy. Rows are the B sequences for a
 * last-step head, or the T·B steps, time-major ({@code row = t·B + b}), for an every-step head.
 */
public record Batch(SequenceInput input, double[] targets, int[] classes) {
    public static Batch ofValues(SequenceInput input, double[] targets) {
        return new Batch(input, targets, null);
    }

    public static Batch ofClasses(SequenceInput input, int[] classes) {
        return new Batch(input, null, classes);
    }
}
