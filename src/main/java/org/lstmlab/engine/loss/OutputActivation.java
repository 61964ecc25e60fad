package org.lstmlab.engine.loss;

/** The activation that turns the Dense head's logits into predictions. */
public enum OutputActivation {
    SIGMOID("sigmoid"),
    SOFTMAX("softmax"),
    IDENTITY("linear");

    private final String kerasName;

    OutputActivation(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }

    /** σ(z), computed without overflow for large |z|. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** predictions = activation(logits), row by row for softmax. */
    public void apply(double[] logits, int rows, int cols, double[] out) {
        switch (this) {
            case SIGMOID -> {
                for (int i = 0; i < rows * cols; i++) {
                    out[i] = sigmoid(logits[i]);
                }
            }
            case IDENTITY -> System.arraycopy(logits, 0, out, 0, rows * cols);
            case SOFTMAX -> {
                for (int r = 0; r < rows; r++) {
                    softmaxRow(logits, r * cols, cols, out);
                }
            }
        }
    }

    /**
     * One row of the softmax: {@code out[o + j] = e^(z_j − max) / Σ e^(z_k − max)} for j < cols, one exp per value.
     *
     * @return the row's log-sum-exp {@code max + log Σ e^(z_k − max)}, which cross-entropy subtracts z_y from
     */
    static double softmaxRow(double[] z, int o, int cols, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, z[o + j]);
        }
        double norm = 0;
        for (int j = 0; j < cols; j++) {
            double e = Math.exp(z[o + j] - max);
            out[o + j] = e;
            norm += e;
        }
        for (int j = 0; j < cols; j++) {
            out[o + j] /= norm;
        }
        return max + Math.log(norm);
    }
}
