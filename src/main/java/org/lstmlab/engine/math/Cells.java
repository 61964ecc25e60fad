package org.lstmlab.engine.math;

/**
 * Which {@link CellKernel} the layers use: none (their scalar loops) until {@link KernelWarmup} has the float64
 * vector kernels compiled, then the Vector API one, switched together with {@link Pointwise}. Both give the same
 * bits, so the switch changes no result.
 */
public final class Cells {
    static final CellKernel FAST = Simd.cellKernel();

    private static volatile CellKernel kernel;

    private Cells() {
    }

    static void useFastKernel() {
        kernel = FAST;
    }

    static void usePlainKernel() {
        kernel = null;
    }

    /** The vector kernel for hidden size {@code hs}, or null where the layer's own loops run. */
    public static CellKernel forHidden(int hs) {
        CellKernel k = kernel;
        return k != null && hs >= k.lanes() ? k : null;
    }

    /**
     * For tests: makes {@code k} (null: the layers' loops) the kernel until the returned handle is closed, which
     * restores the previous one.
     */
    public static Override override(CellKernel k) {
        CellKernel before = kernel;
        kernel = k;
        return () -> kernel = before;
    }

    /** Restores the kernel that was in use before {@link #override}. */
    public interface Override extends AutoCloseable {
        @java.lang.Override
        void close();
    }
}
