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

    /**
     * C1 (M×N1) += Aᵀ·B1 and C2 (M×N2) += Aᵀ·B2 with one A (K×M), and, with {@code aSums} (else null), A's column
     * sums added into it in order of rows: the same bits as two {@link #mtm}s and those sums.
     */
    default void mtmPair(float[] a, int aOff, int m, int k, float[] b1, int b1Off, float[] c1, int c1Off, int n1,
                         float[] b2, int b2Off, float[] c2, int c2Off, int n2, float[] aSums) {
        mtm(a, aOff, b1, b1Off, c1, c1Off, m, k, n1);
        mtm(a, aOff, b2, b2Off, c2, c2Off, m, k, n2);
        addColumnSums(a, aOff, m, k, aSums);
    }

    /** sums[i] += Σ_p A(p, i) for A (K×M) from {@code aOff}, in order of p; nothing when {@code sums} is null. */
    static void addColumnSums(float[] a, int aOff, int m, int k, float[] sums) {
        if (sums == null) {
            return;
        }
        for (int p = 0; p < k; p++) {
            int row = aOff + p * m;
            for (int i = 0; i < m; i++) {
                sums[i] += a[row + i];
            }
        }
    }

    String name();

    /** Prepares B for {@link #mmPacked}; by default the products read B itself. */
    default void pack(PackedFloatMatrix packed) {
    }

    /** {@code C = A·B} or {@code C += A·B} with a B prepared by {@link #pack}; equal to {@link #mm} bit for bit. */
    default void mmPacked(float[] a, int aOff, PackedFloatMatrix b, float[] c, int cOff, int m, boolean accumulate) {
        mm(a, aOff, b.source(), b.offset(), c, cOff, m, b.rows(), b.columns(), accumulate);
    }
}
