package org.lstmlab.engine.nn;

import java.util.Arrays;

import org.lstmlab.engine.math.Gemm;

/** The float64 row and column helpers of the recurrent layers and the head: fills, copies, transposes, sums. */
final class Rows {
    private Rows() {
    }

    /**
     * dst (cols × rows) = srcᵀ (src rows × cols), in blocks of {@value #TRANSPOSE_BLOCK} × {@value #TRANSPOSE_BLOCK}
     * (one cache line), so that the lines read and written stay in L1: 2 ns per value instead of 6-7 ns for the
     * element-by-element walk on 512×128 and 1024×256 (Zen 4), whose transposes were 1-3 % of a W2 or W3 step.
     */
    static double[] transpose(double[] src, int rows, int cols, double[] dst) {
        if (dst.length != rows * cols) {
            dst = new double[rows * cols];
        }
        for (int r0 = 0; r0 < rows; r0 += TRANSPOSE_BLOCK) {
            int rEnd = Math.min(rows, r0 + TRANSPOSE_BLOCK);
            for (int c0 = 0; c0 < cols; c0 += TRANSPOSE_BLOCK) {
                int cEnd = Math.min(cols, c0 + TRANSPOSE_BLOCK);
                for (int r = r0; r < rEnd; r++) {
                    for (int c = c0; c < cEnd; c++) {
                        dst[c * rows + r] = src[r * cols + c];
                    }
                }
            }
        }
        return dst;
    }

    private static final int TRANSPOSE_BLOCK = 8;

    /** Whether a and b hold the same bits (a NaN equals only a NaN with the same payload, −0 differs from +0). */
    static boolean sameBits(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    static void fillRows(double[] dst, int dstOff, int rows, double[] row) {
        int w = row.length;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, dst, dstOff + r * w, w);
        }
    }

    /**
     * {@code dst[d + j] += src[s + j]} for j < n, as the rank-one product {@code 1·src} added to dst, so that it runs
     * on the vector kernel (this loop, with two offsets, stayed scalar); a fused multiply-add by 1 rounds exactly
     * as the addition does, so the bits are the loop's.
     */
    static void addRow(double[] src, int s, double[] dst, int d, int n) {
        Gemm.mm(ONE, 0, src, s, dst, d, 1, 1, n, true);
    }

    private static final double[] ONE = {1.0};

    /**
     * out[j] += Σ_r m[r·cols + j]: the bias gradients. Written as the product {@code out += 1ᵀ·m} with a row of
     * ones, so that it runs on the vector kernel (the plain loop here stayed scalar: two arrays with different
     * offsets); a fused multiply-add by 1 is exactly the rounded sum, in the same order, so the bits are those of
     * the loop.
     */
    static void addColumnSums(double[] m, int rows, int cols, double[] out) {
        addColumnSums(m, 0, rows, cols, out);
    }

    /** {@link #addColumnSums(double[], int, int, double[])} of the rows of m from offset {@code mOff}. */
    static void addColumnSums(double[] m, int mOff, int rows, int cols, double[] out) {
        double[] ones = ONES.get();
        if (ones.length < rows) {
            ones = new double[Math.max(rows, 2 * ones.length)];
            Arrays.fill(ones, 1.0);
            ONES.set(ones);
        }
        Gemm.mm(ones, 0, m, mOff, out, 0, 1, rows, cols, true);
    }

    private static final ThreadLocal<double[]> ONES = ThreadLocal.withInitial(() -> new double[0]);

    static void copyOrZero(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        if (src == null) {
            Arrays.fill(dst, dstOff, dstOff + n, 0.0);
        } else {
            System.arraycopy(src, srcOff, dst, dstOff, n);
        }
    }

    /** dst[r, :] += table[token_r, :] (rows of {@code width}) for the rows first .. first + rows: a one-hot product. */
    static void gatherRows(int[] tokens, int first, int rows, double[] table, double[] dst, int width) {
        for (int r = first; r < first + rows; r++) {
            addRow(table, tokens[r] * width, dst, r * width, width);
        }
    }

    /**
     * dW[:, token_r] += dPre[r, :] for every row r, dW (G × D) and dPre (rows × G): a one-hot input's weight
     * gradient. Summed in the transposed layout (D × G), where each row's update is contiguous rather than strided
     * by D, then copied back; every element still gets its terms in order of r, so the bits are those of the strided
     * loop. Returns the transposed buffer ({@code buffer}, or a new one when it has not G·D values) for the next call.
     */
    static double[] scatterAddColumns(int[] tokens, int rows, double[] dPre, double[] dWeight, int columns,
                                      double[] buffer) {
        int g = dWeight.length / columns;
        double[] acc = transpose(dWeight, g, columns, buffer);
        for (int r = 0; r < rows; r++) {
            addRow(dPre, r * g, acc, tokens[r] * g, g);
        }
        transpose(acc, columns, g, dWeight);
        return acc;
    }
}
