package org.lstmlab.engine.math;

/**
 * One implementation of {@link Updates}: the optimizer's loops over every parameter, element by element. Each
 * method names its operations in their order, and every implementation performs exactly those (IEEE additions,
 * multiplications, divisions and square roots, no fused multiply-add), so all give the same bits.
 */
public interface UpdateKernel {
    /**
     * PyTorch's Adam on [0, n): {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + ((1−β2)·g)·g},
     * {@code p = p − (stepSize·m) / (√v / bc2Sqrt + ε)}, with the new m and v.
     */
    void adamTorch(double[] p, double[] g, double[] m, double[] v, int n, double beta1, double beta2, double stepSize,
                   double bc2Sqrt, double eps);

    /**
     * Keras's Adam on [0, n): {@code m = m + (g − m)·(1−β1)}, {@code v = v + (g·g − v)·(1−β2)},
     * {@code p = p − (α·m) / (√v + ε)}, with the new m and v.
     */
    void adamKeras(double[] p, double[] g, double[] m, double[] v, int n, double beta1, double beta2, double alpha,
                   double eps);

    /** {@code sum[i] = sum[i] + w·g[i]} for i in [0, n): one shard's share of the batch gradient. */
    void addScaled(double[] sum, double[] g, double w, int n);

    String name();
}
