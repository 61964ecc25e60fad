package org.lstmlab.engine.nn;

/**
 * One batch of training data: the input sequences and their targets. Targets are values (rows × O) for binary
 * cross-entropy and MSE, or class indices (one per row) for softmax cross-entropy. Rows are the B sequences for a
 * last-step head, or the T·B steps, time-major ({@code row = t·B + b}), for an every-step head.
 *
 * <p>{@code lengths} (B, or null when every sequence has all T steps) are the real lengths of sequences zero-padded
 * after their ends: a last-step head then reads sequence b's h at step {@code lengths[b]}, and the padding reaches
 * neither the prediction nor any gradient, as with PyTorch's {@code pack_padded_sequence} and {@code h_n[-1]}.
 */
public record Batch(SequenceInput input, double[] targets, int[] classes, int[] lengths) {
    public Batch {
        if (lengths != null) {
            if (lengths.length < input.batch()) {
                throw new IllegalArgumentException("a padded batch of " + input.batch() + " sequences has "
                        + lengths.length + " lengths");
            }
            for (int s = 0; s < input.batch(); s++) {
                if (lengths[s] < 1 || lengths[s] > input.steps()) {
                    throw new IllegalArgumentException("sequence " + s + " has length " + lengths[s]
                            + ", outside 1 … T = " + input.steps());
                }
            }
        }
    }

    /** A batch whose sequences all have T real steps. */
    public Batch(SequenceInput input, double[] targets, int[] classes) {
        this(input, targets, classes, null);
    }

    public static Batch ofValues(SequenceInput input, double[] targets) {
        return new Batch(input, targets, null);
    }

    public static Batch ofClasses(SequenceInput input, int[] classes) {
        return new Batch(input, null, classes);
    }
}
