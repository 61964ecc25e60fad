package org.lstmlab.engine.optim;

import java.util.List;

import org.lstmlab.engine.nn.Param;

/** The global norm and the clipping as single serial passes: the reference the trainer's chunked update meets. */
public final class SerialClipping {
    private SerialClipping() {
    }

    /** √(Σ g²) over every gradient, in one sum in parameter order. */
    public static double globalNorm(List<Param> params) {
        double sum = 0;
        for (Param p : params) {
            for (double g : p.gradData()) {
                sum += g * g;
            }
        }
        return Math.sqrt(sum);
    }

    /** Scales every gradient by {@link GradientClipping#coefficient}; returns the norm before clipping. */
    public static double clipGlobalNorm(List<Param> params, double maxNorm) {
        double norm = globalNorm(params);
        double coef = GradientClipping.coefficient(norm, maxNorm);
        if (coef < 1) {
            for (Param p : params) {
                double[] g = p.gradData();
                for (int j = 0; j < g.length; j++) {
                    g[j] *= coef;
                }
            }
        }
        return norm;
    }
}
