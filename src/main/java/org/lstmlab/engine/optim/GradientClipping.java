package org.lstmlab.engine.optim;

import java.util.List;

import org.lstmlab.engine.nn.Param;

/** Gradient-norm tools: the global L2 norm over all parameters and clipping to a maximum, as PyTorch's
 * {@code clip_grad_norm_} (Pascanu, Mikolov &amp; Bengio 2013). */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** √(Σ g²) over every gradient, as if all were one vector. */
    public static double globalNorm(List<Param> params) {
        double sum = 0;
        for (int k = 0; k < params.size(); k++) {  // indexed: no iterator per training step
            for (double g : params.get(k).gradData()) {
                sum += g * g;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales all gradients by {@code maxNorm / (norm + 1e-6)} when that is below 1, as PyTorch does.
     *
     * @return the norm before clipping (NaN or infinite when a gradient is)
     */
    public static double clipGlobalNorm(List<Param> params, double maxNorm) {
        double norm = globalNorm(params);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1 && Double.isFinite(norm)) {
            for (int k = 0; k < params.size(); k++) {
                double[] g = params.get(k).gradData();
                for (int j = 0; j < g.length; j++) {
                    g[j] *= coef;
                }
            }
        }
        return norm;
    }
}
