package org.lstmlab.engine.math;

/**
 * The matrix products every recurrent layer is made of, over flat row-major arrays with offsets, in float64 and
 * (for the {@code float32} training precision) float32. Shapes use the letters of the call: {@code A (M×K)},
 * {@code B (K×N)}, {@code C (M×N)}, each contiguous (row stride = column count).
 *
 * <p>Where they are used: the input projection of all timesteps {@code X·W_ihᵀ} and the recurrent step
 * {@code h·W_hhᵀ} (with pre-transposed weights) are {@link #mm}; the weight gradients {@code dGᵀ·X} summed over
 * all timesteps are {@link #mtm}.
 *
 * <p>Which kernel runs: the Vector API kernels when the {@code jdk.incubator.vector} module is enabled, otherwise
 * plain loops. Until the JIT has compiled them, Vector API kernels run 10 to 100 times slower than plain loops, so
 * the facade starts on the plain loops and moves to the vector kernels when {@link KernelWarmup} has found them
 * compiled and faster. Every kernel sums each element of C in the same order with fused multiply-adds, so they
 * agree bit for bit and the move changes no result. {@link GemmReference} is the textbook twin the tests compare
 * all of them against.
 *
 * <p>A product {@code mm} of one column ({@code h·Wᵀ} of a head with one output), and a small product of one row
 * ({@code dzᵀ·h} of that head at B = H = 32) or one column ({@link #thin}) always run on the plain loops. Such a
 * product is called once a training step and runs few loop iterations a call, so its vector path reaches C2 only
 * after some 600 steps, and until then runs C1's code, which boxes every vector: 21 KB a step of the adding task's
 * float32 LSTM for 40 to 60 epochs when the fast kernels were switched on cold. The one-column {@code mm} stays on
 * the plain loops at every size because they are as fast: the vector kernels compute it with the vectors along M
 * ({@code simd.Columns}, which needs A's rows transposed first), 0.65 to 1.2 times the plain loops' speed
 * (docs/notes/one-column-2026-12-01.md); the tile one vector wide they used before was faster but boxed its
 * vectors after a trap. Larger one-row products (a batch of one at H = 64 and more, the bias gradients as column
 * sums) and {@code mtm} with one column ({@code dW_ih} of a one-dimensional input, which the vector kernels compute
 * without the one-column tile) run on the vector kernels, 1.5 to 4 times faster than on the plain loops
 * (docs/notes/thin-products-2026-12-01.md); {@link KernelWarmup} compiles their paths before the switch.
 */
public final class Gemm {
    static final GemmKernel PLAIN = new PlainGemm();
    static final GemmKernel FAST = Simd.gemmKernel();
    static final FloatGemmKernel PLAIN_FLOAT = new PlainFloatGemm();
    static final FloatGemmKernel FAST_FLOAT = Simd.floatGemmKernel();

    /**
     * One-row products with fewer multiply-adds than this run on the plain loops: about a microsecond a call at most
     * (the vector kernels are faster still, but cold they allocate; see the class comment).
     */
    static final long ROW_WORK = 4096;
    /**
     * {@code mtm} with one column and fewer multiply-adds than this runs on the plain loops ({@code mm} with one
     * column always runs on the plain loops: see the class comment).
     */
    static final long COLUMN_WORK = 16384;

    private static volatile GemmKernel kernel = PLAIN;
    private static volatile FloatGemmKernel floatKernel = PLAIN_FLOAT;

    private static volatile boolean floatsUsed;

    private Gemm() {
    }

    static {
        KernelWarmup.float64InUse();
    }

    /** Moves the float64 products to the fast kernel (called by {@link KernelWarmup} once it is compiled). */
    static void useFastKernels() {
        kernel = FAST;
    }

    /** Moves the float32 products to the fast kernel. */
    static void useFastFloatKernels() {
        floatKernel = FAST_FLOAT;
    }

    /** Back to the plain loops: for tests that compare whole computations on both kernels. */
    static void usePlainKernels() {
        kernel = PLAIN;
        floatKernel = PLAIN_FLOAT;
    }

    /** The float32 kernel, starting its warm-up the first time float32 products are asked for. */
    private static FloatGemmKernel floats() {
        if (!floatsUsed) {
            floatsUsed = true;
            KernelWarmup.float32InUse();
        }
        return floatKernel;
    }

    /** {@code C = A·B}, or {@code C += A·B} when {@code accumulate}. A (M×K), B (K×N), C (M×N). */
    public static void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                          int m, int k, int n, boolean accumulate) {
        (thin(true, m, k, n) ? PLAIN : kernel).mm(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
    }

    /** {@code C += Aᵀ·B}. A (K×M), B (K×N), C (M×N): sums outer products of the K rows. */
    public static void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        (thin(false, m, k, n) ? PLAIN : kernel).mtm(a, aOff, b, bOff, c, cOff, m, k, n);
    }

    /**
     * Whether a product runs on the plain loops whatever the kernel (see the class comment): {@code mm} with one
     * column, {@code mtm} with one column and fewer than {@link #COLUMN_WORK} multiply-adds, either with one row and
     * fewer than {@link #ROW_WORK}.
     */
    static boolean thin(boolean mm, int m, int k, int n) {
        long work = (long) m * k * n;
        return n == 1 && (mm || work < COLUMN_WORK) || m == 1 && work < ROW_WORK;
    }

    /**
     * C1 (M×N1) += Aᵀ·B1 and C2 (M×N2) += Aᵀ·B2 with one A (K×M): {@link #mtm} twice, A prepared once; with
     * {@code aSums}, also the sums of A's columns added into it (in order of rows).
     */
    public static void mtmPair(double[] a, int aOff, int m, int k, double[] b1, int b1Off, double[] c1, int c1Off,
                               int n1, double[] b2, int b2Off, double[] c2, int c2Off, int n2, double[] aSums) {
        kernel.mtmPair(a, aOff, m, k, b1, b1Off, c1, c1Off, n1, b2, b2Off, c2, c2Off, n2, aSums);
    }

    /**
     * Prepares B (K×N, contiguous from {@code bOff}) for several {@link #mmPacked} products, reusing
     * {@code reuse}'s buffers when given. B must not change while the packed form is in use. Only the fast kernel
     * copies B into panels; the plain loops read B itself, and a matrix prepared while the plain loops were in use
     * serves the fast kernel too (which then copies B at each product, as {@link #mm} does).
     */
    public static PackedMatrix pack(double[] b, int bOff, int k, int n, PackedMatrix reuse) {
        PackedMatrix p = reuse != null ? reuse : new PackedMatrix();
        p.set(b, bOff, k, n);
        if (kernel == FAST) {
            FAST.pack(p);  // the plain loops read B itself; a matrix packed before the switch is packed per product
        }
        return p;
    }

    /** {@code C = A·B} or {@code C += A·B} (A M×K, C M×N) with a packed B: the same result as {@link #mm}. */
    public static void mmPacked(double[] a, int aOff, PackedMatrix b, double[] c, int cOff, int m,
                                boolean accumulate) {
        GemmKernel k = kernel;
        if (k == FAST) {
            k.mmPacked(a, aOff, b, c, cOff, m, accumulate);
        } else {
            k.mm(a, aOff, b.source(), b.offset(), c, cOff, m, b.rows(), b.columns(), accumulate);
        }
    }

    /** float32 {@code C = A·B} or {@code C += A·B}. */
    public static void mm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                          int m, int k, int n, boolean accumulate) {
        FloatGemmKernel kf = floats();
        (thin(true, m, k, n) ? PLAIN_FLOAT : kf).mm(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
    }

    /** float32 {@code C += Aᵀ·B}. */
    public static void mtm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        FloatGemmKernel kf = floats();
        (thin(false, m, k, n) ? PLAIN_FLOAT : kf).mtm(a, aOff, b, bOff, c, cOff, m, k, n);
    }

    /**
     * float32 {@link #mtmPair(double[], int, int, int, double[], int, double[], int, int, double[], int, double[],
     * int, int, double[])}.
     */
    public static void mtmPair(float[] a, int aOff, int m, int k, float[] b1, int b1Off, float[] c1, int c1Off,
                               int n1, float[] b2, int b2Off, float[] c2, int c2Off, int n2, float[] aSums) {
        floats().mtmPair(a, aOff, m, k, b1, b1Off, c1, c1Off, n1, b2, b2Off, c2, c2Off, n2, aSums);
    }

    /** float32 {@link #pack(double[], int, int, int, PackedMatrix)}. */
    public static PackedFloatMatrix pack(float[] b, int bOff, int k, int n, PackedFloatMatrix reuse) {
        PackedFloatMatrix p = reuse != null ? reuse : new PackedFloatMatrix();
        p.set(b, bOff, k, n);
        if (floats() == FAST_FLOAT) {
            FAST_FLOAT.pack(p);
        }
        return p;
    }

    /** float32 {@link #mmPacked(double[], int, PackedMatrix, double[], int, int, boolean)}. */
    public static void mmPacked(float[] a, int aOff, PackedFloatMatrix b, float[] c, int cOff, int m,
                                boolean accumulate) {
        FloatGemmKernel k = floats();
        if (k == FAST_FLOAT) {
            k.mmPacked(a, aOff, b, c, cOff, m, accumulate);
        } else {
            k.mm(a, aOff, b.source(), b.offset(), c, cOff, m, b.rows(), b.columns(), accumulate);
        }
    }

    /**
     * The kernel the engine computes with once warm, for benchmarks and reports: e.g.
     * {@code "vector-api (8 lanes)"}, or {@code "plain"}.
     */
    public static String kernelName() {
        return FAST.name();
    }

    /** The float32 kernel the engine computes with once warm. */
    public static String floatKernelName() {
        return FAST_FLOAT.name();
    }

    /** The kernel in use right now: the plain loops until the fast ones are warm. */
    public static String activeKernelName() {
        return kernel.name();
    }

    /** The float32 kernel in use right now. */
    public static String activeFloatKernelName() {
        return floatKernel.name();
    }
}
