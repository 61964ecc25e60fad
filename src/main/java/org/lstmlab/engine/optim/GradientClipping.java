package org.lstmlab.engine.optim;

/**
 * Clipping by the global gradient norm, as PyTorch's {@code clip_grad_norm_} (Pascanu, Mikolov &amp; Bengio 2013):
 * every gradient is multiplied by {@link #coefficient}. The trainer computes the norm, √(Σ g²) over all
 * parameters as if they were one vector, and applies the factor in chunks that its threads share.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * The factor the gradients are multiplied by: {@code maxNorm / (norm + 1e-6)} when that is below 1, as PyTorch
     * computes it; 1 when it is not, when {@code maxNorm} is 0 (no clipping) or when the norm is not finite.
     */
    public static double coefficient(double norm, double maxNorm) {
        if (maxNorm <= 0 || !Double.isFinite(norm)) {
            return 1.0;
        }
        double coef = maxNorm / (norm + 1e-6);
        return coef < 1 ? coef : 1.0;
    }
}
