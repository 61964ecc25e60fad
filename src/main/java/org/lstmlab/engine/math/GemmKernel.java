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

    /**
     * C1 (M×N1) += Aᵀ·B1 and C2 (M×N2) += Aᵀ·B2 with one A (K×M): two {@link #mtm}s, which a kernel may run
     * together to prepare A once; with {@code aSums} not null, also aSums[i] += Σ_p A(p, i) (a bias gradient), the
     * terms added in order of p. Each element gets the same sums as from {@code mtm} and the plain loop.
     */
    default void mtmPair(double[] a, int aOff, int m, int k, double[] b1, int b1Off, double[] c1, int c1Off, int n1,
                         double[] b2, int b2Off, double[] c2, int c2Off, int n2, double[] aSums) {
        mtm(a, aOff, b1, b1Off, c1, c1Off, m, k, n1);
        mtm(a, aOff, b2, b2Off, c2, c2Off, m, k, n2);
        addColumnSums(a, aOff, m, k, aSums);
    }

    /** sums[i] += Σ_p A(p, i) for A (K×M) from {@code aOff}, in order of p; nothing when {@code sums} is null. */
    static void addColumnSums(double[] a, int aOff, int m, int k, double[] sums) {
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
}
