package org.lstmlab.engine.math;

/** The scalar twin of the vector updates: {@link UpdateKernel}'s operations one element at a time. */
public final class PlainUpdates implements UpdateKernel {
    @Override
    public void adamTorch(double[] p, double[] g, double[] m, double[] v, int n, double beta1, double beta2,
                          double stepSize, double bc2Sqrt, double eps) {
        for (int j = 0; j < n; j++) {
            m[j] = beta1 * m[j] + (1 - beta1) * g[j];
            v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
            p[j] -= stepSize * m[j] / (Math.sqrt(v[j]) / bc2Sqrt + eps);
        }
    }

    @Override
    public void adamKeras(double[] p, double[] g, double[] m, double[] v, int n, double beta1, double beta2,
                          double alpha, double eps) {
        for (int j = 0; j < n; j++) {
            m[j] += (g[j] - m[j]) * (1 - beta1);
            v[j] += (g[j] * g[j] - v[j]) * (1 - beta2);
            p[j] -= alpha * m[j] / (Math.sqrt(v[j]) + eps);
        }
    }

    @Override
    public void addScaled(double[] sum, double[] g, double w, int n) {
        for (int j = 0; j < n; j++) {
            sum[j] += w * g[j];
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
