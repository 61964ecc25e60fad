package org.lstmlab.engine.math;

/**
 * Which {@link FloatCellKernel} the float32 training precision uses: the plain loops ({@link PlainFloatCells}) until
 * {@link KernelWarmup} has the float32 vector kernels compiled, then the Vector API one, switched together with the
 * float32 products. Both give the same bits, so the switch changes no result.
 */
public final class FloatCells {
    static final FloatCellKernel PLAIN = new PlainFloatCells();
    static final FloatCellKernel FAST = Simd.floatCellKernel();

    private static volatile FloatCellKernel kernel = PLAIN;

    private FloatCells() {
    }

    static void useFastKernel() {
        kernel = FAST;
    }

    static void usePlainKernel() {
        kernel = PLAIN;
    }

    /** The kernel in use now: never null. */
    public static FloatCellKernel kernel() {
        return kernel;
    }

    /** The kernel in use right now: the plain loops until the vector kernel is warm. */
    public static String activeKernelName() {
        return kernel.name();
    }

    /**
     * For tests: makes {@code k} the kernel until the returned handle is closed, which restores the previous one.
     */
    public static Cells.Override override(FloatCellKernel k) {
        FloatCellKernel before = kernel;
        kernel = k;
        return () -> kernel = before;
    }
}
