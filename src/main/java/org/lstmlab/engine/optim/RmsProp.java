package org.lstmlab.engine.optim;

import java.util.List;

import org.lstmlab.engine.nn.Param;

/**
 * RMSprop (Tieleman &amp; Hinton 2012): {@code v = ρ·v + (1−ρ)·g²}, {@code p −= lr·g / (√v + ε)}. PyTorch's defaults
 * are ρ ("alpha") 0.99, ε 1e-8; Keras' are ρ 0.9, ε 1e-7.
 */
public final class RmsProp extends BaseOptimizer {
    private final double rho;
    private final double eps;

    public RmsProp(double lr, double rho, double eps) {
        super(lr, "square_avg");
        if (!BaseOptimizer.positiveFinite(lr) || !(rho >= 0 && rho < 1)
                || !(eps >= 0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("RMSprop needs a finite lr > 0, 0 ≤ ρ < 1 and a finite ε ≥ 0, got lr="
                    + lr + " ρ=" + rho + " ε=" + eps);
        }
        this.rho = rho;
        this.eps = eps;
    }

    public static RmsProp torch(double lr) {
        return new RmsProp(lr, 0.99, 1e-8);
    }

    public static RmsProp keras(double lr) {
        return new RmsProp(lr, 0.9, 1e-7);
    }

    @Override
    public void beginStep(List<Param> params) {
        countStep(params, true);
    }

    @Override
    public void update(List<Param> params, int i, int from, int to) {
        double[] p = params.get(i).data();
        double[] g = params.get(i).gradData();
        double[] v = state.of(params, i)[0];
        for (int j = from; j < to; j++) {
            v[j] = rho * v[j] + (1 - rho) * g[j] * g[j];
            p[j] -= lr * g[j] / (Math.sqrt(v[j]) + eps);
        }
    }

    @Override
    public String describe() {
        return "RMSprop(lr=" + lr + ", rho=" + rho + ", eps=" + eps + ")";
    }

    @Override
    protected java.util.Set<String> nonNegativeSlots() {
        return java.util.Set.of("square_avg");
    }
}
