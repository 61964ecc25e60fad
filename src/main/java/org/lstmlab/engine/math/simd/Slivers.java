package org.lstmlab.engine.math.simd;

import static org.lstmlab.engine.math.simd.VectorTiles.L;

/**
 * The copies {@link VectorGemm} makes of its operands' edges and of {@code mtm}'s A: the zero-padded tail panel of
 * B, A's columns in slivers one vector wide, and the layout rules behind them (docs/kernels.md, "Packing A").
 */
final class Slivers {
    private Slivers() {
    }

    /** Copies the last {@code tail} (< L) columns of kc rows of B into a panel at {@code at}, zero-padded to L. */
    static void packTail(double[] b, int bi, int ldb, int tail, int kc, double[] s, int at) {
        for (int p = 0; p < kc; p++) {
            int d = at + p * L;
            int src = bi + p * ldb;
            for (int j = 0; j < tail; j++) {
                s[d + j] = b[src + j];
            }
            for (int j = tail; j < L; j++) {
                s[d + j] = 0.0;
            }
        }
    }

    /**
     * For {@code mtm}: copies columns i..i+cols of kc rows of A (row stride m; cols a multiple of 4) into slivers
     * of L columns (one vector), each kc × L contiguous, reading every row of A contiguously: one vector load and
     * store per sliver and row (a last sliver narrower than L is copied element by element). A tile of 4 rows
     * reads its 4 columns at offset {@code i mod L} of its sliver, one cache line per k. (Slivers of 4 columns,
     * which needed 4 scalar copies each, made the copy 6 % of a W2 or W3 step.) With {@code sums} (not null, at
     * least {@code cols} long), also adds each row of those columns into it: A's column sums, from the same reads.
     */
    static void packColumns(double[] a, int ai, int m, int cols, int kc, double[] s, int base, double[] sums) {
        int stride = sliverStride(kc);
        int full = cols / L * L;
        for (int p = 0; p < kc; p++) {
            int src = ai + p * m;
            int d = base + L * p;
            for (int t = 0; t < full; t += L) {
                VectorTiles.copyVectors(a, src + t, s, d, L);
                d += stride;
            }
            for (int t = full; t < cols; t++) {
                s[d + t - full] = a[src + t];
            }
            if (sums != null) {  // sums[t] += A(p, t), row after row: the order of the plain column sums
                VectorTiles.addVectors(a, src, sums, 0, full);
                for (int t = full; t < cols; t++) {
                    sums[t] += a[src + t];
                }
            }
        }
    }

    /** sums[i] += Σ_p A(p, i) for A (K×M), row after row in vectors: the bits of the plain loop. */
    static void addColumnSums(double[] a, int aOff, int m, int k, double[] sums) {
        if (sums == null) {
            return;
        }
        int full = m / L * L;
        for (int p = 0; p < k; p++) {
            int row = aOff + p * m;
            VectorTiles.addVectors(a, row, sums, 0, full);
            for (int i = full; i < m; i++) {
                sums[i] += a[row + i];
            }
        }
    }

    /**
     * Whether rows of this many doubles are a multiple of 2 KiB apart, so that walking down a column touches only a
     * few cache sets (L1 and L2 index by address bits below 4 KiB and 64 KiB).
     */
    static boolean aliases(int rowLength) {
        return (rowLength & 255) == 0;
    }

    /**
     * Distance between two slivers of the packed A block: L·kc plus one cache line, so that the slivers a row of A
     * is scattered into do not all fall into one L1 set (at kc = 256 they would be a multiple of 4 KiB apart).
     */
    static int sliverStride(int kc) {
        return L * kc + 8;
    }
}
