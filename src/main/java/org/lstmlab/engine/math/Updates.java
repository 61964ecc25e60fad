package org.lstmlab.engine.math;

/**
 * The optimizer's element-wise loops: Adam's update and the sum of the shards' gradients. They run between the
 * shards' work, on one thread while the others wait, so on small models (W1: ten thousand parameters, a step of a
 * third of a millisecond) Adam's two divisions and square root per parameter were a fifth of the step. The vector
 * kernel does the same operations on whole vectors; {@link PlainUpdates} is its twin, equal bit for bit. Chosen
 * like {@link Pointwise}: the plain loops until {@link KernelWarmup} has the vector kernel compiled.
 */
public final class Updates {
    static final UpdateKernel PLAIN = new PlainUpdates();
    static final UpdateKernel FAST = Simd.updateKernel();

    private static volatile UpdateKernel kernel = PLAIN;

    static {
        KernelWarmup.float64InUse();
    }

    private Updates() {
    }

    static void useFastKernel() {
        kernel = FAST;
    }

    /** Back to the plain loops: for tests that compare whole computations on both kernels. */
    static void usePlainKernel() {
        kernel = PLAIN;
    }

    /** See {@link UpdateKernel#adamTorch}. */
    public static void adamTorch(double[] p, double[] g, double[] m, double[] v, double beta1, double beta2,
                                 double stepSize, double bc2Sqrt, double eps) {
        kernel.adamTorch(p, g, m, v, p.length, beta1, beta2, stepSize, bc2Sqrt, eps);
    }

    /** See {@link UpdateKernel#adamKeras}. */
    public static void adamKeras(double[] p, double[] g, double[] m, double[] v, double beta1, double beta2,
                                 double alpha, double eps) {
        kernel.adamKeras(p, g, m, v, p.length, beta1, beta2, alpha, eps);
    }

    /** {@code sum[i] += w·g[i]} over the whole of {@code sum}. */
    public static void addScaled(double[] sum, double[] g, double w) {
        kernel.addScaled(sum, g, w, sum.length);
    }

    /** The kernel in use right now. */
    public static String activeKernelName() {
        return kernel.name();
    }
}
