package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 4-row tiles of {@link VectorGemm} on B panels it packed, written so that C2 checks the array bounds once per
 * tile: every index in the k loop is k times a constant plus an invariant. The same sums as {@link VectorTiles}.
 */
final class PanelTiles {
    private static final int L = VectorTiles.L;
    private static final VectorSpecies<Double> S = VectorTiles.S;

    private PanelTiles() {
    }

    private static DoubleVector start(double[] c, int ci, boolean load) {
        return VectorTiles.start(c, ci, load);
    }

    /**
     * 4 rows × {@code w} vectors (w in 1..4) of a B panel packed by {@link VectorGemm} (row stride w·L), with A read
     * by rows (A(r, p) at {@code ai + r·ars + p}, {@code mm}) or, when {@code slivers}, from {@code mtm}'s packed
     * slivers (A(r, p) at {@code ai + r + p·L}). The same sums as {@link VectorTiles#tile4}, but every index inside
     * the loop is k times a constant plus a loop invariant, so that C2 checks the bounds once before the loop
     * instead of eight times per k (measured 5–15 % faster on W3's products), and the loop takes two k at a time
     * (another 3–7 % on a tile in L2; four at a time was slower). Only the 4-vector tile of 32 registers (AVX-512)
     * has this form: the 4×3 tile of 16 registers (AVX2) measured 5 % slower to 2.5 times slower written this way,
     * with or without two k per iteration, so it and an odd kc go to {@link VectorTiles#tile4}.
     */
    static void panelTile4(int w, boolean slivers, double[] a, int ai, int ars, double[] b, int bi, double[] c,
                           int ci, int ldc, int kc, boolean load) {
        if (w == 4 && (kc & 1) == 0 && slivers) {
            tile4x4Slivers(a, ai, b, bi, c, ci, ldc, kc, load);
        } else if (w == 4 && (kc & 1) == 0) {
            tile4x4Rows(a, ai, ars, b, bi, c, ci, ldc, kc, load);
        } else {
            VectorTiles.tile4(w, a, ai, slivers ? 1 : ars, slivers ? L : 1, b, bi, w * L, c, ci, ldc, kc, load);
        }
    }

    /** {@link #panelTile4} with w = 4, an even kc and A by rows, A(r, p) at {@code ai + r·ars + p}. */
    private static void tile4x4Rows(double[] a, int ai, int ars, double[] b, int bi, double[] c, int ci,
                                    int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int a0 = ai;
        int a1 = ai + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        DoubleVector r00 = start(c, ci, load), r01 = start(c, ci + L, load);
        DoubleVector r02 = start(c, ci + 2 * L, load), r03 = start(c, ci + 3 * L, load);
        DoubleVector r10 = start(c, c1, load), r11 = start(c, c1 + L, load);
        DoubleVector r12 = start(c, c1 + 2 * L, load), r13 = start(c, c1 + 3 * L, load);
        DoubleVector r20 = start(c, c2, load), r21 = start(c, c2 + L, load);
        DoubleVector r22 = start(c, c2 + 2 * L, load), r23 = start(c, c2 + 3 * L, load);
        DoubleVector r30 = start(c, c3, load), r31 = start(c, c3 + L, load);
        DoubleVector r32 = start(c, c3 + 2 * L, load), r33 = start(c, c3 + 3 * L, load);
        for (int p = 0; p < kc; p += 2) {  // two k per iteration: measured 5 % faster than one
            int q0 = bi + p * (4 * L);
            DoubleVector b0 = DoubleVector.fromArray(S, b, q0);
            DoubleVector b1 = DoubleVector.fromArray(S, b, q0 + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, q0 + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, q0 + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + p]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = DoubleVector.broadcast(S, a[a1 + p]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = DoubleVector.broadcast(S, a[a2 + p]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = DoubleVector.broadcast(S, a[a3 + p]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
            int q1 = bi + (p + 1) * (4 * L);
            b0 = DoubleVector.fromArray(S, b, q1);
            b1 = DoubleVector.fromArray(S, b, q1 + L);
            b2 = DoubleVector.fromArray(S, b, q1 + 2 * L);
            b3 = DoubleVector.fromArray(S, b, q1 + 3 * L);
            x = DoubleVector.broadcast(S, a[a0 + p + 1]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = DoubleVector.broadcast(S, a[a1 + p + 1]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = DoubleVector.broadcast(S, a[a2 + p + 1]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = DoubleVector.broadcast(S, a[a3 + p + 1]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
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

    /** {@link #panelTile4} with w = 4, an even kc and A from mtm's slivers, A(r, p) at {@code ai + r + p·L}. */
    private static void tile4x4Slivers(double[] a, int ai, double[] b, int bi, double[] c, int ci,
                                       int ldc, int kc, boolean load) {
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
        for (int p = 0; p < kc; p += 2) {  // two k per iteration: measured 5 % faster than one
            int q0 = bi + p * (4 * L);
            DoubleVector b0 = DoubleVector.fromArray(S, b, q0);
            DoubleVector b1 = DoubleVector.fromArray(S, b, q0 + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, q0 + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, q0 + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[ai + p * L]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = DoubleVector.broadcast(S, a[ai + 1 + p * L]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = DoubleVector.broadcast(S, a[ai + 2 + p * L]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = DoubleVector.broadcast(S, a[ai + 3 + p * L]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
            int q1 = bi + (p + 1) * (4 * L);
            b0 = DoubleVector.fromArray(S, b, q1);
            b1 = DoubleVector.fromArray(S, b, q1 + L);
            b2 = DoubleVector.fromArray(S, b, q1 + 2 * L);
            b3 = DoubleVector.fromArray(S, b, q1 + 3 * L);
            x = DoubleVector.broadcast(S, a[ai + (p + 1) * L]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = DoubleVector.broadcast(S, a[ai + 1 + (p + 1) * L]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = DoubleVector.broadcast(S, a[ai + 2 + (p + 1) * L]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = DoubleVector.broadcast(S, a[ai + 3 + (p + 1) * L]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
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
}
