package org.lstmlab.engine.math.simd;

/**
 * Products {@code C (=|+=) A·B} with A (M×K) by rows and C only a few columns wide: one column (N = 1, the
 * {@code h·Wᵀ} of a head with one output), or all N < L columns of a narrow head. The vectors lie along M: a block
 * of 4·L rows (then L) of A, {@link #KC} of its columns at a time, is first copied transposed into scratch, so that
 * the values of one column of A for consecutive rows are contiguous; then each column of C is 4 (or 1) vector
 * chains, one broadcast of B(p, j) for 4·L rows, every lane used. The rows left over (fewer than L) are plain
 * fused multiply-adds. Each element of C gets its start value (C, or 0) plus the terms in order of k, each fused,
 * as on every other path, so the results equal the plain loops' bit for bit.
 *
 * <p>These replace the tiles one vector wide ({@code tile4x1}) that once did this work broadcasting A and using one
 * lane of each vector, and that C2 now and then compiled with their vectors boxed (docs/notes/one-column-2026-12-01.md).
 * The methods here are small and called from short ones, so C2 inlines the tiles whole; vectors never leave them.
 */
final class Columns {
    /** Columns of A transposed at a time: 4·L rows of them span 32 KiB, so the block stays in L1 while it is read. */
    static final int KC = 128;

    private Columns() {
    }

    /**
     * Columns {@code j0..n} of C (M×N, contiguous) = or += A·B, with A (M×K) and B (K×N) contiguous by rows;
     * {@code s} has at least {@code 4·L·(KC + 1)} doubles from {@code t} (the transposed block, then
     * 4·L values of C).
     */
    static void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n, int j0,
                   boolean accumulate, double[] s, int t) {
        int lanes = VectorTiles.L;
        int o = t + 4 * lanes * KC;
        int i = 0;
        for (int rows; i + lanes <= m; i += rows) {
            rows = i + 4 * lanes <= m ? 4 * lanes : lanes;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                if (rows == lanes) {  // the stride a constant: C2 then drops the bounds checks of the copy
                    transpose(a, aOff + i * k + p0, k, kc, s, t, VectorTiles.L);
                } else {
                    transpose(a, aOff + i * k + p0, k, kc, s, t, 4 * VectorTiles.L);
                }
                boolean load = accumulate || p0 > 0;
                for (int j = j0; j < n; j++) {
                    int bi = bOff + p0 * n + j;
                    int ci = cOff + i * n + j;
                    double[] out = n == 1 ? c : s;  // one column of C is contiguous: the tile sums into it
                    int oi = n == 1 ? ci : o;
                    for (int r = 0; n > 1 && load && r < rows; r++) {
                        s[o + r] = c[ci + r * n];
                    }
                    if (rows == lanes) {
                        VectorTiles.columnTile1(s, t, rows, b, bi, n, kc, out, oi, load);
                    } else {
                        VectorTiles.columnTile4(s, t, rows, b, bi, n, kc, out, oi, load);
                    }
                    for (int r = 0; n > 1 && r < rows; r++) {
                        c[ci + r * n] = s[o + r];
                    }
                }
            }
        }
        for (; i < m; i++) {  // fewer than L rows
            for (int j = j0; j < n; j++) {
                int ci = cOff + i * n + j;
                double sum = accumulate ? c[ci] : 0.0;
                for (int p = 0, ai = aOff + i * k, bi = bOff + j; p < k; p++, bi += n) {
                    sum = Math.fma(a[ai + p], b[bi], sum);
                }
                c[ci] = sum;
            }
        }
    }

    /** The float32 {@code mm}, with the same scratch in floats. */
    static void mm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, int j0,
                   boolean accumulate, float[] s, int t) {
        int lanes = FloatTiles.L;
        int o = t + 4 * lanes * KC;
        int i = 0;
        for (int rows; i + lanes <= m; i += rows) {
            rows = i + 4 * lanes <= m ? 4 * lanes : lanes;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                if (rows == lanes) {  // the stride a constant: C2 then drops the bounds checks of the copy
                    transpose(a, aOff + i * k + p0, k, kc, s, t, FloatTiles.L);
                } else {
                    transpose(a, aOff + i * k + p0, k, kc, s, t, 4 * FloatTiles.L);
                }
                boolean load = accumulate || p0 > 0;
                for (int j = j0; j < n; j++) {
                    int bi = bOff + p0 * n + j;
                    int ci = cOff + i * n + j;
                    float[] out = n == 1 ? c : s;
                    int oi = n == 1 ? ci : o;
                    for (int r = 0; n > 1 && load && r < rows; r++) {
                        s[o + r] = c[ci + r * n];
                    }
                    if (rows == lanes) {
                        FloatTiles.columnTile1(s, t, rows, b, bi, n, kc, out, oi, load);
                    } else {
                        FloatTiles.columnTile4(s, t, rows, b, bi, n, kc, out, oi, load);
                    }
                    for (int r = 0; n > 1 && r < rows; r++) {
                        c[ci + r * n] = s[o + r];
                    }
                }
            }
        }
        for (; i < m; i++) {
            for (int j = j0; j < n; j++) {
                int ci = cOff + i * n + j;
                float sum = accumulate ? c[ci] : 0f;
                for (int p = 0, ai = aOff + i * k, bi = bOff + j; p < k; p++, bi += n) {
                    sum = Math.fma(a[ai + p], b[bi], sum);
                }
                c[ci] = sum;
            }
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
