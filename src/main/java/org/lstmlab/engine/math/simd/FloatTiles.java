package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernels of {@link VectorFloatGemm}, the float32 products: one tile of C in registers while k runs
 * innermost, exactly as {@link VectorTiles} does for doubles (see there for the addressing of A by two strides).
 * With 512-bit vectors a float tile of 4 × 4 vectors is 4 rows × 64 columns; with 256-bit vectors 4 × 3 vectors
 * (16 registers) is 4 rows × 24 columns. Vectors never leave these methods.
 */
final class FloatTiles {
    static final VectorSpecies<Float> S = VectorWidth.floats(FloatTiles.class);
    static final int L = S.length();

    private FloatTiles() {
    }

    /** 4 rows × {@code w} vectors, w in 1..4. */
    static void tile4(int w, float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb,
                      float[] c, int ci, int ldc, int kc, boolean load) {
        switch (w) {
            case 4 -> tile4x4(a, ai, ars, acs, b, bi, ldb, c, ci, ldc, kc, load);
            case 3 -> tile4x3(a, ai, ars, acs, b, bi, ldb, c, ci, ldc, kc, load);
            case 2 -> tile4x2(a, ai, ars, acs, b, bi, ldb, c, ci, ldc, kc, load);
            case 1 -> tile4x1(a, ai, ars, acs, b, bi, ldb, c, ci, ldc, kc, load);
            default -> throw new IllegalArgumentException("tile width " + w);
        }
    }

    static FloatVector start(float[] c, int ci, boolean load) {
        return load ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    }


    static void tile4x4(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb,
                        float[] c, int ci, int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector r00 = start(c, ci, load);
        FloatVector r01 = start(c, ci + L, load);
        FloatVector r02 = start(c, ci + 2 * L, load);
        FloatVector r03 = start(c, ci + 3 * L, load);
        FloatVector r10 = start(c, c1, load);
        FloatVector r11 = start(c, c1 + L, load);
        FloatVector r12 = start(c, c1 + 2 * L, load);
        FloatVector r13 = start(c, c1 + 3 * L, load);
        FloatVector r20 = start(c, c2, load);
        FloatVector r21 = start(c, c2 + L, load);
        FloatVector r22 = start(c, c2 + 2 * L, load);
        FloatVector r23 = start(c, c2 + 3 * L, load);
        FloatVector r30 = start(c, c3, load);
        FloatVector r31 = start(c, c3 + L, load);
        FloatVector r32 = start(c, c3 + 2 * L, load);
        FloatVector r33 = start(c, c3 + 3 * L, load);
        int a0 = ai;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, a[a0 + ars]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, a[a0 + 2 * ars]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, a[a0 + 3 * ars]);
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

    static void tile4x3(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb,
                        float[] c, int ci, int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector r00 = start(c, ci, load);
        FloatVector r01 = start(c, ci + L, load);
        FloatVector r02 = start(c, ci + 2 * L, load);
        FloatVector r10 = start(c, c1, load);
        FloatVector r11 = start(c, c1 + L, load);
        FloatVector r12 = start(c, c1 + 2 * L, load);
        FloatVector r20 = start(c, c2, load);
        FloatVector r21 = start(c, c2 + L, load);
        FloatVector r22 = start(c, c2 + 2 * L, load);
        FloatVector r30 = start(c, c3, load);
        FloatVector r31 = start(c, c3 + L, load);
        FloatVector r32 = start(c, c3 + 2 * L, load);
        int a0 = ai;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            x = FloatVector.broadcast(S, a[a0 + ars]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            x = FloatVector.broadcast(S, a[a0 + 2 * ars]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            x = FloatVector.broadcast(S, a[a0 + 3 * ars]);
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

    static void tile4x2(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb,
                        float[] c, int ci, int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector r00 = start(c, ci, load);
        FloatVector r01 = start(c, ci + L, load);
        FloatVector r10 = start(c, c1, load);
        FloatVector r11 = start(c, c1 + L, load);
        FloatVector r20 = start(c, c2, load);
        FloatVector r21 = start(c, c2 + L, load);
        FloatVector r30 = start(c, c3, load);
        FloatVector r31 = start(c, c3 + L, load);
        int a0 = ai;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[a0]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            x = FloatVector.broadcast(S, a[a0 + ars]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            x = FloatVector.broadcast(S, a[a0 + 2 * ars]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            x = FloatVector.broadcast(S, a[a0 + 3 * ars]);
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

    static void tile4x1(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb,
                        float[] c, int ci, int ldc, int kc, boolean load) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector r00 = start(c, ci, load);
        FloatVector r10 = start(c, c1, load);
        FloatVector r20 = start(c, c2, load);
        FloatVector r30 = start(c, c3, load);
        int a0 = ai;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector x = FloatVector.broadcast(S, a[a0]);
            r00 = x.fma(b0, r00);
            x = FloatVector.broadcast(S, a[a0 + ars]);
            r10 = x.fma(b0, r10);
            x = FloatVector.broadcast(S, a[a0 + 2 * ars]);
            r20 = x.fma(b0, r20);
            x = FloatVector.broadcast(S, a[a0 + 3 * ars]);
            r30 = x.fma(b0, r30);
            a0 += acs;
            bi += ldb;
        }
        r00.intoArray(c, ci);
        r10.intoArray(c, c1);
        r20.intoArray(c, c2);
        r30.intoArray(c, c3);
    }

    /**
     * For {@code mtm}'s last N mod L columns, with the vectors along M: 4·L rows of one column of C,
     * {@code out[o + r] (=|+=) Σ_{p<k} A[ai + p·lda + r] · B[bi + p·ldb]}, where A's row p holds M contiguous values
     * and B(p, j) is one value. Same products in the same order as a tile's lane, so the same bits.
     */
    static void columnTile4(float[] a, int ai, int lda, float[] b, int bi, int ldb, int k, float[] out, int o,
                            boolean load) {
        if (!load) {  // zeros in out rather than start(): see columnTile1
            java.util.Arrays.fill(out, o, o + 4 * L, 0.0f);
        }
        FloatVector r0 = FloatVector.fromArray(S, out, o);
        FloatVector r1 = FloatVector.fromArray(S, out, o + L);
        FloatVector r2 = FloatVector.fromArray(S, out, o + 2 * L);
        FloatVector r3 = FloatVector.fromArray(S, out, o + 3 * L);
        for (int p = 0; p < k; p++) {
            FloatVector x = FloatVector.broadcast(S, b[bi]);
            r0 = FloatVector.fromArray(S, a, ai).fma(x, r0);
            r1 = FloatVector.fromArray(S, a, ai + L).fma(x, r1);
            r2 = FloatVector.fromArray(S, a, ai + 2 * L).fma(x, r2);
            r3 = FloatVector.fromArray(S, a, ai + 3 * L).fma(x, r3);
            ai += lda;
            bi += ldb;
        }
        r0.intoArray(out, o);
        r1.intoArray(out, o + L);
        r2.intoArray(out, o + 2 * L);
        r3.intoArray(out, o + 3 * L);
    }

    /** {@link #columnTile4} for L rows. */
    static void columnTile1(float[] a, int ai, int lda, float[] b, int bi, int ldb, int k, float[] out, int o,
                            boolean load) {
        if (!load) {  // zeros loaded, not start(), whose vector is boxed when C2 calls it past its inlining budget
            java.util.Arrays.fill(out, o, o + L, 0.0f);
        }
        FloatVector r0 = FloatVector.fromArray(S, out, o);
        for (int p = 0; p < k; p++) {
            r0 = FloatVector.fromArray(S, a, ai).fma(FloatVector.broadcast(S, b[bi]), r0);
            ai += lda;
            bi += ldb;
        }
        r0.intoArray(out, o);
    }

    /**
     * One row of C over n columns (a multiple of L), A(p) at {@code a[ai + p·acs]}: streams rows of B, loading
     * and storing C once per 4 rows of B, so each element still gets its terms in order of k.
     */
    static void rowTile(float[] a, int ai, int acs, float[] b, int bi, int ldb, float[] c, int ci, int n, int kc,
                        boolean load) {
        if (!load) {
            FloatVector zero = FloatVector.zero(S);
            for (int j = 0; j < n; j += L) {
                zero.intoArray(c, ci + j);
            }
        }
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + acs]);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + 2 * acs]);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + 3 * acs]);
            int b1 = bi + ldb;
            int b2 = b1 + ldb;
            int b3 = b2 + ldb;
            for (int j = 0; j < n; j += L) {
                FloatVector acc = FloatVector.fromArray(S, c, ci + j);
                acc = x0.fma(FloatVector.fromArray(S, b, bi + j), acc);
                acc = x1.fma(FloatVector.fromArray(S, b, b1 + j), acc);
                acc = x2.fma(FloatVector.fromArray(S, b, b2 + j), acc);
                acc = x3.fma(FloatVector.fromArray(S, b, b3 + j), acc);
                acc.intoArray(c, ci + j);
            }
            ai += 4 * acs;
            bi += 4 * ldb;
        }
        for (; p < kc; p++) {
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            for (int j = 0; j < n; j += L) {
                x.fma(FloatVector.fromArray(S, b, bi + j), FloatVector.fromArray(S, c, ci + j)).intoArray(c, ci + j);
            }
            ai += acs;
            bi += ldb;
        }
    }

    /** Copies n floats, n a multiple of L. */
    static void copyVectors(float[] src, int si, float[] dst, int di, int n) {
        for (int v = 0; v < n; v += L) {
            FloatVector.fromArray(S, src, si + v).intoArray(dst, di + v);
        }
    }

    /** dst[di + v] += src[si + v] for v below n, n a multiple of L. */
    static void addVectors(float[] src, int si, float[] dst, int di, int n) {
        for (int v = 0; v < n; v += L) {
            FloatVector.fromArray(S, dst, di + v).add(FloatVector.fromArray(S, src, si + v)).intoArray(dst, di + v);
        }
    }
}
