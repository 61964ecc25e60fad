package org.lstmlab.engine.optim;

import java.util.List;

import org.lstmlab.engine.nn.Param;

/**
 * Adam (Kingma &amp; Ba 2015) with either framework's exact update. Both keep {@code m = β1·m + (1−β1)·g} and
 * {@code v = β2·v + (1−β2)·g²}; they differ in where epsilon goes:
 * <ul>
 *   <li>PyTorch ({@code torch.optim.Adam}, eps 1e-8): {@code p −= lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε)}</li>
 *   <li>Keras ({@code keras.optimizers.Adam}, epsilon 1e-7): {@code α = lr·√(1−β2ᵗ)/(1−β1ᵗ)},
 *       {@code p −= α · m / (√v + ε)}, so ε is added to the uncorrected √v.</li>
 * </ul>
 */
public final class Adam extends BaseOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Flavour flavour;
    private double bc1;  // 1 − β1^t and 1 − β2^t of the step begun last
    private double bc2;

    public Adam(double lr, double beta1, double beta2, double eps, Flavour flavour) {
        super(lr, "exp_avg", "exp_avg_sq");
        if (!BaseOptimizer.positiveFinite(lr) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                || !(eps >= 0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Adam needs a finite lr > 0, 0 ≤ β < 1 and a finite ε ≥ 0, got lr=" + lr
                    + " β1=" + beta1 + " β2=" + beta2 + " ε=" + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.flavour = flavour;
    }

    /** {@code torch.optim.Adam(params, lr)}: betas (0.9, 0.999), eps 1e-8. */
    public static Adam torch(double lr) {
        return new Adam(lr, 0.9, 0.999, 1e-8, Flavour.TORCH);
    }

    /** {@code keras.optimizers.Adam(learning_rate)}: beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
    public static Adam keras(double lr) {
        return new Adam(lr, 0.9, 0.999, 1e-7, Flavour.KERAS);
    }

    @Override
    public void beginStep(List<Param> params) {
        long t = countStep(params, true);
        bc1 = 1 - Math.pow(beta1, t);
        bc2 = 1 - Math.pow(beta2, t);
    }

    @Override
    public void update(List<Param> params, int i, int from, int to) {
        double[] p = params.get(i).data();
        double[] g = params.get(i).gradData();
        double[][] s = state.of(params, i);
        double[] m = s[0];
        double[] v = s[1];
        if (flavour == Flavour.TORCH) {
            double stepSize = lr / bc1;
            double bc2Sqrt = Math.sqrt(bc2);
            for (int j = from; j < to; j++) {
                m[j] = beta1 * m[j] + (1 - beta1) * g[j];
                v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
                p[j] -= stepSize * m[j] / (Math.sqrt(v[j]) / bc2Sqrt + eps);
            }
        } else {
            double alpha = lr * Math.sqrt(bc2) / bc1;
            for (int j = from; j < to; j++) {
                m[j] += (g[j] - m[j]) * (1 - beta1);
                v[j] += (g[j] * g[j] - v[j]) * (1 - beta2);
                p[j] -= alpha * m[j] / (Math.sqrt(v[j]) + eps);
            }
        }
    }

    @Override
    public String describe() {
        return "Adam(lr=" + lr + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ", "
                + flavour.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    protected java.util.Set<String> nonNegativeSlots() {
        return java.util.Set.of("exp_avg_sq");
    }
}
