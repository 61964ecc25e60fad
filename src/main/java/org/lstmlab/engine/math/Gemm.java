package org.lstmlab.engine.math;

/**
 * The two matrix products every recurrent layer is made of, over flat row-major {@code double[]} with offsets.
 * Shapes use the letters of the call: {@code A (M×K)}, {@code B (K×N)}, {@code C (M×N)}, each contiguous (row
 * stride = column count).
 *
 * <p>Where they are used: the input projection of all timesteps {@code X·W_ihᵀ} and the recurrent step
 * {@code h·W_hhᵀ} (with pre-transposed weights) are {@link #mm}; the weight gradients {@code dGᵀ·X} summed over
 * all timesteps are {@link #mtm}. The implementation is chosen once: the Vector API kernels when the
 * {@code jdk.incubator.vector} module is enabled, otherwise plain loops. {@link GemmReference} is the plain
 * triple-loop twin the tests compare both against.
 */
public final class Gemm {
    private static final GemmKernel KERNEL = Simd.gemmKernel();

    private Gemm() {
    }

    /** {@code C = A·B}, or {@code C += A·B} when {@code accumulate}. A (M×K), B (K×N), C (M×N). */
    public static void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                          int m, int k, int n, boolean accumulate) {
        KERNEL.mm(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
    }

    /** {@code C += Aᵀ·B}. A (K×M), B (K×N), C (M×N): sums outer products of the K rows. */
    public static void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        KERNEL.mtm(a, aOff, b, bOff, c, cOff, m, k, n);
    }

    /**
     * Prepares B (K×N, contiguous from {@code bOff}) for several {@link #mmPacked} products, reusing
     * {@code reuse}'s buffers when given. B must not change while the packed form is in use.
     */
    public static PackedMatrix pack(double[] b, int bOff, int k, int n, PackedMatrix reuse) {
        PackedMatrix p = reuse != null ? reuse : new PackedMatrix();
        p.set(b, bOff, k, n);
        KERNEL.pack(p);
        return p;
    }

    /** {@code C = A·B} or {@code C += A·B} (A M×K, C M×N) with a packed B: the same result as {@link #mm}. */
    public static void mmPacked(double[] a, int aOff, PackedMatrix b, double[] c, int cOff, int m,
                                boolean accumulate) {
        KERNEL.mmPacked(a, aOff, b, c, cOff, m, accumulate);
    }

    /** The kernel in use, for benchmarks and reports: e.g. {@code "vector-api (4 lanes)"}, or {@code "plain"}. */
    public static String kernelName() {
        return KERNEL.name();
    }
}
