package org.lstmlab.engine.math;

/**
 * The gate activations over runs of values, the other hot loop of a recurrent step besides the products: every
 * LSTM step takes three sigmoids and two tanh per unit. {@code Math.tanh} costs about 28 ns on JDK 17 here, as much
 * as the recurrent product itself at B = 32, H = 256; the Vector API's lane-wise EXP and TANH cost 1 to 3 ns. The
 * implementation is chosen once, like {@link Gemm}'s; {@link PlainPointwise} is the plain twin.
 */
public final class Pointwise {
    private static final PointwiseKernel KERNEL = Simd.pointwiseKernel();

    private Pointwise() {
    }

    /** out[outOff + i] = σ(in[inOff + i]) = 1 / (1 + e^(−x)) for i in [0, n). */
    public static void sigmoid(double[] in, int inOff, double[] out, int outOff, int n) {
        KERNEL.sigmoid(in, inOff, out, outOff, n);
    }

    /** out[outOff + i] = tanh(in[inOff + i]) for i in [0, n). */
    public static void tanh(double[] in, int inOff, double[] out, int outOff, int n) {
        KERNEL.tanh(in, inOff, out, outOff, n);
    }

    public static String kernelName() {
        return KERNEL.name();
    }
}
