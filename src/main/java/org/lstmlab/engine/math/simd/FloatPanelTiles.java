package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PanelTiles} for the float32 products of {@link VectorFloatGemm}: the same tiles on floats, the same sums
 * as {@link FloatTiles}.
 */
final class FloatPanelTiles {
    private static final int L = FloatTiles.L;
    private static final VectorSpecies<Float> S = FloatTiles.S;

    private FloatPanelTiles() {
    }

    private static FloatVector start(float[] c, int ci, boolean load) {
        return FloatTiles.start(c, ci, load);
    }

    /**
     * {@link PanelTiles#panelTile4} for floats: 4 rows × {@code w} vectors (w in 1..4) of a B panel packed by
     * {@link VectorFloatGemm} (row stride w·L), A by rows or from {@code mtm}'s slivers, every index in the loop k
     * times a constant plus an invariant (bounds checked once before the loop), two k per iteration; only the
     * 4-vector tile (AVX-512), for the reasons given there. The same sums as {@link FloatTiles#tile4}.
     */
    static void panelTile4(int w, boolean slivers, float[] a, int ai, int ars, float[] b, int bi, float[] c,
                           int ci, int ldc, int kc, boolean load) {
        if (w == 4 && (kc & 1) == 0 && slivers) {
            tile4x4Slivers(a, ai, b, bi, c, ci, ldc, kc, load);
        } else if (w == 4 && (kc & 1) == 0) {
            tile4x4Rows(a, ai, ars, b, bi, c, ci, ldc, kc, load);
        } else {
            FloatTiles.tile4(w, a, ai, slivers ? 1 : ars, slivers ? L : 1, b, bi, w * L, c, ci, ldc, kc, load);
        }
    }

    /** {@link #panelTile4} with w = 4, an even kc and A by rows, A(r, p) at {@code ai + r·ars + p}. */
    private static void tile4x4Rows(float[] a, int ai, int ars, float[] b, int bi, float[] c, int ci,
                                    int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int a0 = ai;
        int a1 = ai + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        FloatVector r00 = start(c, ci, load), r01 = start(c, ci + L, load);
        FloatVector r02 = start(c, ci + 2 * L, load), r03 = start(c, ci + 3 * L, load);
        FloatVector r10 = start(c, c1, load), r11 = start(c, c1 + L, load);
        FloatVector r12 = start(c, c1 + 2 * L, load), r13 = start(c, c1 + 3 * L, load);
        FloatVector r20 = start(c, c2, load), r21 = start(c, c2 + L, load);
        FloatVector r22 = start(c, c2 + 2 * L, load), r23 = start(c, c2 + 3 * L, load);
        FloatVector r30 = start(c, c3, load), r31 = start(c, c3 + L, load);
        FloatVector r32 = start(c, c3 + 2 * L, load), r33 = start(c, c3 + 3 * L, load);
        for (int p = 0; p < kc; p += 2) {  // two k per iteration: measured 5 % faster than one
            int q0 = bi + p * (4 * L);
            FloatVector b0 = FloatVector.fromArray(S, b, q0);
            FloatVector b1 = FloatVector.fromArray(S, b, q0 + L);
            FloatVector b2 = FloatVector.fromArray(S, b, q0 + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, q0 + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
            int q1 = bi + (p + 1) * (4 * L);
            b0 = FloatVector.fromArray(S, b, q1);
            b1 = FloatVector.fromArray(S, b, q1 + L);
            b2 = FloatVector.fromArray(S, b, q1 + 2 * L);
            b3 = FloatVector.fromArray(S, b, q1 + 3 * L);
            x = FloatVector.broadcast(S, a[a0 + p + 1]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, a[a1 + p + 1]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, a[a2 + p + 1]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, a[a3 + p + 1]);
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
    private static void tile4x4Slivers(float[] a, int ai, float[] b, int bi, float[] c, int ci,
                                       int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector r00 = start(c, ci, load), r01 = start(c, ci + L, load);
        FloatVector r02 = start(c, ci + 2 * L, load), r03 = start(c, ci + 3 * L, load);
        FloatVector r10 = start(c, c1, load), r11 = start(c, c1 + L, load);
        FloatVector r12 = start(c, c1 + 2 * L, load), r13 = start(c, c1 + 3 * L, load);
        FloatVector r20 = start(c, c2, load), r21 = start(c, c2 + L, load);
        FloatVector r22 = start(c, c2 + 2 * L, load), r23 = start(c, c2 + 3 * L, load);
        FloatVector r30 = start(c, c3, load), r31 = start(c, c3 + L, load);
        FloatVector r32 = start(c, c3 + 2 * L, load), r33 = start(c, c3 + 3 * L, load);
        for (int p = 0; p < kc; p += 2) {  // two k per iteration: measured 5 % faster than one
            int q0 = bi + p * (4 * L);
            FloatVector b0 = FloatVector.fromArray(S, b, q0);
            FloatVector b1 = FloatVector.fromArray(S, b, q0 + L);
            FloatVector b2 = FloatVector.fromArray(S, b, q0 + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, q0 + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ai + p * L]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, a[ai + 1 + p * L]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, a[ai + 2 + p * L]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, a[ai + 3 + p * L]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
            int q1 = bi + (p + 1) * (4 * L);
            b0 = FloatVector.fromArray(S, b, q1);
            b1 = FloatVector.fromArray(S, b, q1 + L);
            b2 = FloatVector.fromArray(S, b, q1 + 2 * L);
            b3 = FloatVector.fromArray(S, b, q1 + 3 * L);
            x = FloatVector.broadcast(S, a[ai + (p + 1) * L]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, a[ai + 1 + (p + 1) * L]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, a[ai + 2 + (p + 1) * L]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, a[ai + 3 + (p + 1) * L]);
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
