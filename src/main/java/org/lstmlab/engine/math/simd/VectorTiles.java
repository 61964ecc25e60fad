package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernels of {@link VectorGemm}: one tile of C held in registers while k runs innermost. Every kernel
 * computes, for its rows r and vector columns v,
 * {@code C[ci + r·ldc + v·L ..] (=|+=) Σ_{p<kc} A[ai + r·ars + p·acs] · B[bi + p·ldb + v·L ..]}, starting from C
 * when {@code load} and from zero otherwise. A element (row, k) is addressed by two strides so that the same kernel
 * reads A by rows ({@code mm}) or packed by columns ({@code mtm}). Vectors never leave these methods.
 */
final class VectorTiles {
    static final VectorSpecies<Double> S = VectorWidth.doubles(VectorTiles.class);
    static final int L = S.length();

    private VectorTiles() {
    }

    /**
     * Vectors in the next tile of a block when {@code rest} vectors of it remain: {@code tileVectors}, except that
     * the last {@code tileVectors + 1} are split into two tiles of about half (4 + 1 → 3 + 2, 3 + 1 → 2 + 2), since
     * a tile one vector wide keeps too few accumulators in flight to hide the FMA latency. The panels of B are
     * packed in the same widths.
     */
    static int nextTile(int tileVectors, int rest) {
        if (rest == tileVectors + 1 && tileVectors > 1) {
            return (rest + 1) / 2;
        }
        return Math.min(tileVectors, rest);
    }

    /** 4 rows × {@code w} vectors, w in 1..4. */
    static void tile4(int w, double[] a, int ai, int ars, int acs, double[] b, int bi, int ldb,
                      double[] c, int ci, int ldc, int kc, boolean load) {
        switch (w) {
            case 4 -> tile4x4(a, ai, ars, acs, b, bi, ldb, c, ci, ldc, kc, load);
            case 3 -> tile4x3(a, ai, ars, acs, b, bi, ldb, c, ci, ldc, kc, load);
            case 2 -> tile4x2(a, ai, ars, acs, b, bi, ldb, c, ci, ldc, kc, load);
            case 1 -> tile4x1(a, ai, ars, acs, b, bi, ldb, c, ci, ldc, kc, load);
            default -> throw new IllegalArgumentException("tile width " + w);
        }
    }

    static DoubleVector start(double[] c, int ci, boolean load) {
        return load ? DoubleVector.fromArray(S, c, ci) : DoubleVector.zero(S);
    }

    /** 16 accumulators: the AVX-512 tile (32 vector registers). On AVX2 (16 registers) it spills. */
    static void tile4x4(double[] a, int ai, int ars, int acs, double[] b, int bi, int ldb,
                        double[] c, int ci, int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector r00 = start(c, ci, load), r01 = start(c, ci + L, load);
        DoubleVector r02 = start(c, ci + 2 * L, load), r03 = start(c, ci + 3 * L, load);
        DoubleVector r10 = start(c, c1, load), r11 = start(c, c1 + L, load);
        DoubleVector r12 = start(c, c1 + 2 * L, load), r13 = start(c, c1 + 3 * L, load);
        DoubleVector r20 = start(c, c2, load), r21 = start(c, c2 + L, load);
        DoubleVector r22 = start(c, c2 + 2 * L, load), r23 = start(c, c2 + 3 * L, load);
        DoubleVector r30 = start(c, c3, load), r31 = start(c, c3 + L, load);
        DoubleVector r32 = start(c, c3 + 2 * L, load), r33 = start(c, c3 + 3 * L, load);
        int a0 = ai;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bi + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = DoubleVector.broadcast(S, a[a0 + ars]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = DoubleVector.broadcast(S, a[a0 + 2 * ars]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = DoubleVector.broadcast(S, a[a0 + 3 * ars]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
            a0 += acs;
            bi += ldb;
        }
        r00.intoArray(c, ci);
        r01.intoArray(c, ci + L);
        r02.intoArray(c, ci + 2 * L);
        r03.intoArray(c, ci + 3 * L);
        r10.intoArray(c, c1);
        r11.intoArray(c, c1 + L);
        r12.intoArray(c, c1 + 2 * L);
        r13.intoArray(c, c1 + 3 * L);
        r20.intoArray(c, c2);
        r21.intoArray(c, c2 + L);
        r22.intoArray(c, c2 + 2 * L);
        r23.intoArray(c, c2 + 3 * L);
        r30.intoArray(c, c3);
        r31.intoArray(c, c3 + L);
        r32.intoArray(c, c3 + 2 * L);
        r33.intoArray(c, c3 + 3 * L);
    }

    /** 12 accumulators + 3 B vectors + 1 broadcast = 16 registers: the AVX2 tile. */
    static void tile4x3(double[] a, int ai, int ars, int acs, double[] b, int bi, int ldb,
                        double[] c, int ci, int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector r00 = start(c, ci, load), r01 = start(c, ci + L, load), r02 = start(c, ci + 2 * L, load);
        DoubleVector r10 = start(c, c1, load), r11 = start(c, c1 + L, load), r12 = start(c, c1 + 2 * L, load);
        DoubleVector r20 = start(c, c2, load), r21 = start(c, c2 + L, load), r22 = start(c, c2 + 2 * L, load);
        DoubleVector r30 = start(c, c3, load), r31 = start(c, c3 + L, load), r32 = start(c, c3 + 2 * L, load);
        int a0 = ai;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            x = DoubleVector.broadcast(S, a[a0 + ars]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            x = DoubleVector.broadcast(S, a[a0 + 2 * ars]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            x = DoubleVector.broadcast(S, a[a0 + 3 * ars]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            a0 += acs;
            bi += ldb;
        }
        r00.intoArray(c, ci);
        r01.intoArray(c, ci + L);
        r02.intoArray(c, ci + 2 * L);
        r10.intoArray(c, c1);
        r11.intoArray(c, c1 + L);
        r12.intoArray(c, c1 + 2 * L);
        r20.intoArray(c, c2);
        r21.intoArray(c, c2 + L);
        r22.intoArray(c, c2 + 2 * L);
        r30.intoArray(c, c3);
        r31.intoArray(c, c3 + L);
        r32.intoArray(c, c3 + 2 * L);
    }

    static void tile4x2(double[] a, int ai, int ars, int acs, double[] b, int bi, int ldb,
                        double[] c, int ci, int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector r00 = start(c, ci, load), r01 = start(c, ci + L, load);
        DoubleVector r10 = start(c, c1, load), r11 = start(c, c1 + L, load);
        DoubleVector r20 = start(c, c2, load), r21 = start(c, c2 + L, load);
        DoubleVector r30 = start(c, c3, load), r31 = start(c, c3 + L, load);
        int a0 = ai;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            x = DoubleVector.broadcast(S, a[a0 + ars]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            x = DoubleVector.broadcast(S, a[a0 + 2 * ars]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            x = DoubleVector.broadcast(S, a[a0 + 3 * ars]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            a0 += acs;
            bi += ldb;
        }
        r00.intoArray(c, ci);
        r01.intoArray(c, ci + L);
        r10.intoArray(c, c1);
        r11.intoArray(c, c1 + L);
        r20.intoArray(c, c2);
        r21.intoArray(c, c2 + L);
        r30.intoArray(c, c3);
        r31.intoArray(c, c3 + L);
    }

    static void tile4x1(double[] a, int ai, int ars, int acs, double[] b, int bi, int ldb,
                        double[] c, int ci, int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector r0 = start(c, ci, load);
        DoubleVector r1 = start(c, c1, load);
        DoubleVector r2 = start(c, c2, load);
        DoubleVector r3 = start(c, c3, load);
        int a0 = ai;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            r0 = DoubleVector.broadcast(S, a[a0]).fma(b0, r0);
            r1 = DoubleVector.broadcast(S, a[a0 + ars]).fma(b0, r1);
            r2 = DoubleVector.broadcast(S, a[a0 + 2 * ars]).fma(b0, r2);
            r3 = DoubleVector.broadcast(S, a[a0 + 3 * ars]).fma(b0, r3);
            a0 += acs;
            bi += ldb;
        }
        r0.intoArray(c, ci);
        r1.intoArray(c, c1);
        r2.intoArray(c, c2);
        r3.intoArray(c, c3);
    }

    /**
     * One row × one vector. One accumulator, k in order: the same sums, in the same order, as every other path
     * and as {@code PlainGemm}, so the kernels agree bit for bit (used only for the column tail of single rows).
     */
    static void tile1x1(double[] a, int ai, int acs, double[] b, int bi, int ldb,
                        double[] c, int ci, int kc, boolean load) {
        DoubleVector r0 = start(c, ci, load);
        for (int p = 0; p < kc; p++) {
            r0 = DoubleVector.broadcast(S, a[ai]).fma(DoubleVector.fromArray(S, b, bi), r0);
            ai += acs;
            bi += ldb;
        }
        r0.intoArray(c, ci);
    }

    /**
     * For {@code mtm}'s last N mod L columns, with the vectors along M: 4·L rows of one column of C,
     * {@code out[o + r] (=|+=) Σ_{p<k} A[ai + p·lda + r] · B[bi + p·ldb]}, where A's row p holds M contiguous values
     * and B(p, j) is one value. Same products in the same order as a tile's lane, so the same bits.
     */
    static void columnTile4(double[] a, int ai, int lda, double[] b, int bi, int ldb, int k, double[] out, int o,
                            boolean load) {
        if (!load) {  // zeros in out rather than start(): see columnTile1
            java.util.Arrays.fill(out, o, o + 4 * L, 0.0);
        }
        DoubleVector r0 = DoubleVector.fromArray(S, out, o);
        DoubleVector r1 = DoubleVector.fromArray(S, out, o + L);
        DoubleVector r2 = DoubleVector.fromArray(S, out, o + 2 * L);
        DoubleVector r3 = DoubleVector.fromArray(S, out, o + 3 * L);
        for (int p = 0; p < k; p++) {
            DoubleVector x = DoubleVector.broadcast(S, b[bi]);
            r0 = DoubleVector.fromArray(S, a, ai).fma(x, r0);
            r1 = DoubleVector.fromArray(S, a, ai + L).fma(x, r1);
            r2 = DoubleVector.fromArray(S, a, ai + 2 * L).fma(x, r2);
            r3 = DoubleVector.fromArray(S, a, ai + 3 * L).fma(x, r3);
            ai += lda;
            bi += ldb;
        }
        r0.intoArray(out, o);
        r1.intoArray(out, o + L);
        r2.intoArray(out, o + 2 * L);
        r3.intoArray(out, o + 3 * L);
    }

    /** {@link #columnTile4} for L rows. */
    static void columnTile1(double[] a, int ai, int lda, double[] b, int bi, int ldb, int k, double[] out, int o,
                            boolean load) {
        if (!load) {  // zeros loaded, not start(), whose vector is boxed when C2 calls it past its inlining budget
            java.util.Arrays.fill(out, o, o + L, 0.0);
        }
        DoubleVector r0 = DoubleVector.fromArray(S, out, o);
        for (int p = 0; p < k; p++) {
            r0 = DoubleVector.fromArray(S, a, ai).fma(DoubleVector.broadcast(S, b[bi]), r0);
            ai += lda;
            bi += ldb;
        }
        r0.intoArray(out, o);
    }

    /**
     * One row of C over n columns (a multiple of L): {@code c[ci + j] (=|+=) Σ_p A(p)·b[bi + p·ldb + j]} with A(p)
     * at {@code a[ai + p·acs]}. Streams whole rows of B (the right access for one row of A, where a tile would walk
     * down B's columns) and loads and stores C once per 4 rows of B.
     */
    static void rowTile(double[] a, int ai, int acs, double[] b, int bi, int ldb, double[] c, int ci, int n, int kc,
                        boolean load) {
        if (!load) {
            DoubleVector zero = DoubleVector.zero(S);
            for (int j = 0; j < n; j += L) {
                zero.intoArray(c, ci + j);
            }
        }
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            DoubleVector x0 = DoubleVector.broadcast(S, a[ai]);
            DoubleVector x1 = DoubleVector.broadcast(S, a[ai + acs]);
            DoubleVector x2 = DoubleVector.broadcast(S, a[ai + 2 * acs]);
            DoubleVector x3 = DoubleVector.broadcast(S, a[ai + 3 * acs]);
            int b1 = bi + ldb;
            int b2 = b1 + ldb;
            int b3 = b2 + ldb;
            for (int j = 0; j < n; j += L) {
                DoubleVector acc = DoubleVector.fromArray(S, c, ci + j);
                acc = x0.fma(DoubleVector.fromArray(S, b, bi + j), acc);
                acc = x1.fma(DoubleVector.fromArray(S, b, b1 + j), acc);
                acc = x2.fma(DoubleVector.fromArray(S, b, b2 + j), acc);
                acc = x3.fma(DoubleVector.fromArray(S, b, b3 + j), acc);
                acc.intoArray(c, ci + j);
            }
            ai += 4 * acs;
            bi += 4 * ldb;
        }
        for (; p < kc; p++) {
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            for (int j = 0; j < n; j += L) {
                x.fma(DoubleVector.fromArray(S, b, bi + j), DoubleVector.fromArray(S, c, ci + j)).intoArray(c, ci + j);
            }
            ai += acs;
            bi += ldb;
        }
    }

    /** {@code c[ci + j] (=|+=) x·b[bi + j]} for j < n, n a multiple of L. */
    static void scaleRow(double x, double[] b, int bi, double[] c, int ci, int n, boolean accumulate) {
        DoubleVector xv = DoubleVector.broadcast(S, x);
        if (accumulate) {
            for (int j = 0; j < n; j += L) {
                xv.fma(DoubleVector.fromArray(S, b, bi + j), DoubleVector.fromArray(S, c, ci + j)).intoArray(c, ci + j);
            }
        } else {
            // x·b + 0 rather than x·b: a −0 product becomes +0, as in the plain twin
            DoubleVector zero = DoubleVector.zero(S);
            for (int j = 0; j < n; j += L) {
                xv.fma(DoubleVector.fromArray(S, b, bi + j), zero).intoArray(c, ci + j);
            }
        }
    }

    /** Copies n doubles, n a multiple of L. */
    static void copyVectors(double[] src, int si, double[] dst, int di, int n) {
        for (int v = 0; v < n; v += L) {
            DoubleVector.fromArray(S, src, si + v).intoArray(dst, di + v);
        }
    }

    /** dst[di + v] += src[si + v] for v below n, n a multiple of L. */
    static void addVectors(double[] src, int si, double[] dst, int di, int n) {
        for (int v = 0; v < n; v += L) {
            DoubleVector.fromArray(S, dst, di + v).add(DoubleVector.fromArray(S, src, si + v)).intoArray(dst, di + v);
        }
    }
}
