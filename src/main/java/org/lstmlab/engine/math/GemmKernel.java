package org.lstmlab.engine.math;

/** One implementation of {@link Gemm}'s two products; see there for the shapes. */
public interface GemmKernel {
    void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n, boolean accumulate);

    void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n);

    String name();

    /**
     * Prepares B (K×N) for {@link #mmPacked}; by default nothing is copied and the products read B itself.
     * {@code packed} has already been given B, K and N.
     */
    default void pack(PackedMatrix packed) {
    }

    /** {@code C = A·B} or {@code C += A·B} with a B prepared by {@link #pack}; equal to {@link #mm} bit for bit. */
    default void mmPacked(double[] a, int aOff, PackedMatrix b, double[] c, int cOff, int m, boolean accumulate) {
        mm(a, aOff, b.source(), b.offset(), c, cOff, m, b.rows(), b.columns(), accumulate);
    }
}
