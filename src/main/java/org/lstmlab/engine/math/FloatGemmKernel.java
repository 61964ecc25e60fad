package org.lstmlab.engine.math;

/**
 * One implementation of {@link Gemm}'s float32 products (the {@code --dtype float32} training precision); shapes as
 * for {@link GemmKernel}. Every implementation sums each element of C from its start value (C, or 0) through the
 * terms in order of k with one fused multiply-add each, so all of them agree bit for bit.
 */
public interface FloatGemmKernel {
    /** {@code C = A·B}, or {@code C += A·B} when {@code accumulate}. A (M×K), B (K×N), C (M×N). */
    void mm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate);

    /** {@code C += Aᵀ·B}. A (K×M), B (K×N), C (M×N). */
    void mtm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n);

    String name();

    /** Prepares B for {@link #mmPacked}; by default the products read B itself. */
    default void pack(PackedFloatMatrix packed) {
    }

    /** {@code C = A·B} or {@code C += A·B} with a B prepared by {@link #pack}; equal to {@link #mm} bit for bit. */
    default void mmPacked(float[] a, int aOff, PackedFloatMatrix b, float[] c, int cOff, int m, boolean accumulate) {
        mm(a, aOff, b.source(), b.offset(), c, cOff, m, b.rows(), b.columns(), accumulate);
    }
}
