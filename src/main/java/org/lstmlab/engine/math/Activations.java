package org.lstmlab.engine.math;

/** The cell non-linearities and the derivatives backward needs, written in terms of the activation's output. */
public final class Activations {
    private Activations() {
    }

    /** σ(x) = 1 / (1 + e^(−x)). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    public static double tanh(double x) {
        return Math.tanh(x);
    }

    public static double relu(double x) {
        return x > 0 ? x : 0.0;
    }

    /** σ'(x) from y = σ(x): y (1 − y). */
    public static double sigmoidGradFromOutput(double y) {
        return y * (1.0 - y);
    }

    /** tanh'(x) from y = tanh(x): 1 − y². */
    public static double tanhGradFromOutput(double y) {
        return 1.0 - y * y;
    }
}
