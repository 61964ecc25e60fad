package org.lstmlab.engine.math;

/**
 * The gate activations over runs of values, the other hot loop of a recurrent step besides the products: every
 * LSTM step takes three sigmoids and two tanh per unit. {@code Math.tanh} costs about 28 ns on JDK 17 here, as much
 * as the recurrent product itself at B = 32, H = 256. The vector kernel computes them with {@link GateMath}'s own
 * additions, multiplications and FMAs on whole vectors (not the Vector API's lane-wise EXP and TANH, whose
 * interpreted and compiled forms differ). The implementation is chosen like {@link Gemm}'s, plain loops until
 * {@link KernelWarmup} has the vector kernel compiled; {@link PlainPointwise} is the plain twin, equal bit for bit.
 */
public final class Pointwise {
    static final PointwiseKernel PLAIN = new PlainPointwise();
    static final PointwiseKernel FAST = Simd.pointwiseKernel();

    private static volatile PointwiseKernel kernel = PLAIN;

    static {
        KernelWarmup.float64InUse();
    }

    private Pointwise() {
    }

    static void useFastKernel() {
        kernel = FAST;
    }

    /** Back to the plain loop: for tests that compare whole computations on both kernels. */
    static void usePlainKernel() {
        kernel = PLAIN;
    }

    /** out[outOff + i] = σ(in[inOff + i]) = 1 / (1 + e^(−x)) for i in [0, n). */
    public static void sigmoid(double[] in, int inOff, double[] out, int outOff, int n) {
        kernel.sigmoid(in, inOff, out, outOff, n);
    }

    /** out[outOff + i] = tanh(in[inOff + i]) for i in [0, n). */
    public static void tanh(double[] in, int inOff, double[] out, int outOff, int n) {
        kernel.tanh(in, inOff, out, outOff, n);
    }

    /** The kernel in use right now: the plain loops until the vector kernel is warm. */
    public static String activeKernelName() {
        return kernel.name();
    }

    /** The kernel used once warm. */
    public static String kernelName() {
        return FAST.name();
    }
}
