package org.lstmlab.engine.math.simd;

/**
 * Products {@code c (=|+=) A·b} of one column (N = 1: the {@code h·Wᵀ} of a head with one output, {@code dX} of a
 * one-dimensional input), A (M×K) by rows, with the vectors along M. A block of 4·L rows (then L) of A, {@link #KC}
 * of its columns at a time, is first copied transposed into scratch, so that one column of the block is contiguous;
 * then the block's 4·L values of C are 4 (or 1) vector chains that add one broadcast {@code b[p]} times that column
 * for each p, every lane used. C, one column, is contiguous, so the chains start from it and end in it. The rows
 * left over (fewer than L) are plain fused multiply-adds. Each element of C gets its start value (C, or 0) plus the
 * terms in order of k, each fused, as on every other path, so the results equal the plain loops' bit for bit.
 *
 * <p>This replaces the tile one vector wide ({@code tile4x1}) that broadcast A and used one lane of each vector,
 * and that boxed its vectors whenever the product around it fell back to C1's code
 * (docs/notes/one-column-2026-12-01.md). The methods here are short, their branches all taken by the warm-up's
 * probes, and vectors never leave the tiles they call.
 */
final class Columns {
    /** Columns of A transposed at a time: 4·L rows of them span 32 KiB, so the block stays in L1 (64, 256 slower). */
    static final int KC = 128;

    private Columns() {
    }

    /**
     * C (M×1) = or += A·b, with A (M×K) contiguous by rows; {@code s} has at least {@code 4·L·KC} doubles from
     * {@code t}.
     */
    static void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k,
                   boolean accumulate, double[] s, int t) {
        int lanes = VectorTiles.L;
        int i = 0;
        for (int rows; i + lanes <= m; i += rows) {
            rows = i + 4 * lanes <= m ? 4 * lanes : lanes;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                boolean load = accumulate || p0 > 0;
                if (rows == lanes) {  // the stride a constant: C2 then drops the bounds checks of the copy
                    transpose(a, aOff + i * k + p0, k, kc, s, t, VectorTiles.L);
                    VectorTiles.columnTile1(s, t, rows, b, bOff + p0, 1, kc, c, cOff + i, load);
                } else {
                    transpose(a, aOff + i * k + p0, k, kc, s, t, 4 * VectorTiles.L);
                    VectorTiles.columnTile4(s, t, rows, b, bOff + p0, 1, kc, c, cOff + i, load);
                }
            }
        }
        for (; i < m; i++) {  // fewer than L rows
            double sum = accumulate ? c[cOff + i] : 0.0;
            for (int p = 0, ai = aOff + i * k; p < k; p++) {
                sum = Math.fma(a[ai + p], b[bOff + p], sum);
            }
            c[cOff + i] = sum;
        }
    }

    /** The float32 {@code mm}, with the same scratch in floats. */
    static void mm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k,
                   boolean accumulate, float[] s, int t) {
        int lanes = FloatTiles.L;
        int i = 0;
        for (int rows; i + lanes <= m; i += rows) {
            rows = i + 4 * lanes <= m ? 4 * lanes : lanes;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                boolean load = accumulate || p0 > 0;
                if (rows == lanes) {
                    transpose(a, aOff + i * k + p0, k, kc, s, t, FloatTiles.L);
                    FloatTiles.columnTile1(s, t, rows, b, bOff + p0, 1, kc, c, cOff + i, load);
                } else {
                    transpose(a, aOff + i * k + p0, k, kc, s, t, 4 * FloatTiles.L);
                    FloatTiles.columnTile4(s, t, rows, b, bOff + p0, 1, kc, c, cOff + i, load);
                }
            }
        }
        for (; i < m; i++) {
            float sum = accumulate ? c[cOff + i] : 0f;
            for (int p = 0, ai = aOff + i * k; p < k; p++) {
                sum = Math.fma(a[ai + p], b[bOff + p], sum);
            }
            c[cOff + i] = sum;
        }
    }

    /** Rows {@code 0..w} × columns {@code 0..kc} of A (row stride k) into s from t, column by column (stride w). */
    private static void transpose(double[] a, int ai, int k, int kc, double[] s, int t, int w) {
        for (int r = 0; r < w; r++) {  // A's rows read contiguously, written down the columns
            int src = ai + r * k;
            for (int p = 0; p < kc; p++) {
                s[t + r + p * w] = a[src + p];
            }
        }
    }

    private static void transpose(float[] a, int ai, int k, int kc, float[] s, int t, int w) {
        for (int r = 0; r < w; r++) {
            int src = ai + r * k;
            for (int p = 0; p < kc; p++) {
                s[t + r + p * w] = a[src + p];
            }
        }
    }
}
