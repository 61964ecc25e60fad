package org.lstmlab.engine.loss;

import java.util.Locale;

import org.lstmlab.engine.text.Refusal;

/**
 * The losses of the Dense head, each paired with the output activation it is computed with, and each computed
 * from the logits for numerical stability. Losses are means over rows (and, for BCE and MSE, over outputs), as
 * PyTorch's and Keras' defaults.
 */
public enum Loss {
    /** Binary cross-entropy on sigmoid outputs, from the logits: {@code max(z,0) − z·y + log(1 + e^(−|z|))}. */
    BINARY_CROSS_ENTROPY("binary_crossentropy", OutputActivation.SIGMOID),
    /** Cross-entropy of softmax outputs against class indices: {@code −log softmax(z)_y}. */
    SOFTMAX_CROSS_ENTROPY("categorical_crossentropy", OutputActivation.SOFTMAX),
    /** Mean squared error of identity outputs. */
    MEAN_SQUARED_ERROR("mse", OutputActivation.IDENTITY);

    private final String kerasName;
    private final OutputActivation activation;

    Loss(String kerasName, OutputActivation activation) {
        this.kerasName = kerasName;
        this.activation = activation;
    }

    /** Keras' name: {@code binary_crossentropy}, {@code categorical_crossentropy}, {@code mse}. */
    public String kerasName() {
        return kerasName;
    }

    /** The output activation of the Dense head this loss is computed with. */
    public OutputActivation activation() {
        return activation;
    }

    /** True when targets are class indices rather than values. */
    public boolean usesClassTargets() {
        return this == SOFTMAX_CROSS_ENTROPY;
    }

    /**
     * The loss of {@code rows × cols} logits and its gradient with respect to them.
     *
     * @param values  targets (rows × cols) for BCE and MSE, else ignored
     * @param classes class index per row for softmax cross-entropy, else ignored
     * @param dLogits receives dLoss/dLogits (rows × cols)
     * @return the mean loss
     */
    public double lossAndGradient(double[] logits, int rows, int cols, double[] values, int[] classes,
                                  double[] dLogits) {
        return switch (this) {
            case BINARY_CROSS_ENTROPY -> bce(logits, rows * cols, values, dLogits);
            case SOFTMAX_CROSS_ENTROPY -> softmaxCe(logits, rows, cols, classes, dLogits, dLogits);
            case MEAN_SQUARED_ERROR -> mse(logits, rows * cols, values, dLogits);
        };
    }

    /**
     * {@link #lossAndGradient} and, in {@code predictions}, {@link OutputActivation#apply} of the same logits: the
     * same values, with the softmax computed once for both (training's forward pass needs both).
     */
    public double lossGradientAndPredictions(double[] logits, int rows, int cols, double[] values, int[] classes,
                                             double[] dLogits, double[] predictions) {
        if (this == SOFTMAX_CROSS_ENTROPY) {
            return softmaxCe(logits, rows, cols, classes, predictions, dLogits);
        }
        activation.apply(logits, rows, cols, predictions);
        return lossAndGradient(logits, rows, cols, values, classes, dLogits);
    }

    private static double bce(double[] z, int n, double[] y, double[] dz) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double zi = z[i];
            sum += Math.max(zi, 0) - zi * y[i] + Math.log1p(Math.exp(-Math.abs(zi)));
            dz[i] = (OutputActivation.sigmoid(zi) - y[i]) / n;
        }
        return sum / n;
    }

    /**
     * Softmax cross-entropy: the probabilities into {@code p} (which may be {@code dz} itself), then
     * dz = (p − 1_y)/rows.
     */
    private static double softmaxCe(double[] z, int rows, int cols, int[] classes, double[] p, double[] dz) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int target = classes[r];
            if (target < 0 || target >= cols) {
                throw new IllegalArgumentException("class " + target + " at row " + r + " is outside 0.." + (cols - 1));
            }
            sum += OutputActivation.softmaxRow(z, o, cols, p) - z[o + target];
            for (int j = 0; j < cols; j++) {
                dz[o + j] = (p[o + j] - (j == target ? 1.0 : 0.0)) / rows;
            }
        }
        return sum / rows;
    }

    private static double mse(double[] z, int n, double[] y, double[] dz) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = z[i] - y[i];
            sum += e * e;
            dz[i] = 2 * e / n;
        }
        return sum / n;
    }

    /** Parses Keras names and short forms: {@code bce}, {@code binary_crossentropy}, {@code ce}, {@code mse}. */
    public static Loss parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "bce", "binary_crossentropy", "binary_cross_entropy" -> BINARY_CROSS_ENTROPY;
            case "ce", "categorical_crossentropy", "sparse_categorical_crossentropy", "cross_entropy",
                 "softmax_cross_entropy" -> SOFTMAX_CROSS_ENTROPY;
            case "mse", "mean_squared_error" -> MEAN_SQUARED_ERROR;
            default -> throw Refusal.of("engine.loss.unknown", s);
        };
    }
}
