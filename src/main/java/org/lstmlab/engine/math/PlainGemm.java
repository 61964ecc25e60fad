package org.lstmlab.engine.math;

import java.util.Arrays;

/**
 * Plain-Java products for JVMs without the Vector API. The inner loop is an axpy over one row of C and one row of
 * B; C2 turns it into SIMD code only when both arrays are indexed from 0 (with two different runtime offsets into
 * flat arrays it stays scalar, see docs/kernels.md). So each block of B rows is first copied into separate
 * offset-0 row arrays, and each row of C is summed in an offset-0 accumulator and copied back. That measured
 * 2.5–3.5× faster than the direct i-k-j loops. Blocks are at most {@link #KC} × {@link #NC}; the scratch is per
 * thread and only grows, so the steady state allocates nothing.
 */
public final class PlainGemm implements GemmKernel {
    static final int KC = 256;
    static final int NC = 1024;

    private static final ThreadLocal<double[][]> ROWS = ThreadLocal.withInitial(() -> new double[KC + 1][0]);

    @Override
    public void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n,
                   boolean accumulate) {
        product(a, aOff, k, 1, b, bOff, c, cOff, m, k, n, accumulate);
    }

    @Override
    public void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        product(a, aOff, 1, m, b, bOff, c, cOff, m, k, n, true);
    }

    @Override
    public String name() {
        return "plain";
    }

    /** C (M×N) = or += Σ_p A(i, p)·B(p, j), with A(i, p) at {@code a[aOff + i·ars + p·acs]}. */
    private static void product(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
                                int m, int k, int n, boolean accumulate) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * n, cOff + (i + 1) * n, 0.0);
                }
            }
            return;
        }
        if (n == 1) {
            column(a, aOff, ars, acs, b, bOff, c, cOff, m, k, accumulate);
            return;
        }
        int nc = Math.min(n, NC);
        double[][] rows = scratch(nc);
        double[] acc = rows[KC];
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean load = accumulate || p0 > 0;
            for (int j0 = 0; j0 < n; j0 += nc) {
                int w = Math.min(nc, n - j0);
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (p0 + p) * n + j0, rows[p], 0, w);
                }
                for (int i = 0; i < m; i++) {
                    int ci = cOff + i * n + j0;
                    if (load) {
                        System.arraycopy(c, ci, acc, 0, w);
                    } else {
                        Arrays.fill(acc, 0, w, 0.0);
                    }
                    int ai = aOff + i * ars + p0 * acs;
                    for (int p = 0; p < kc; p++) {
                        axpy(a[ai], rows[p], acc, w);
                        ai += acs;
                    }
                    System.arraycopy(acc, 0, c, ci, w);
                }
            }
        }
    }

    /**
     * One column of C (N = 1: {@code h·Wᵀ} of a head with one output, {@code dW_ih} of a one-dimensional input):
     * four rows' sums side by side, so that their FMA latencies overlap, each from C (or 0) in order of k, as the
     * general loop sums them; copying single values of B into rows cost more than the sums.
     */
    private static void column(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
                               int m, int k, boolean accumulate) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int ai = aOff + i * ars;
            double s0 = accumulate ? c[cOff + i] : 0.0;
            double s1 = accumulate ? c[cOff + i + 1] : 0.0;
            double s2 = accumulate ? c[cOff + i + 2] : 0.0;
            double s3 = accumulate ? c[cOff + i + 3] : 0.0;
            for (int p = 0; p < k; p++) {
                double x = b[bOff + p];
                s0 = Math.fma(a[ai], x, s0);
                s1 = Math.fma(a[ai + ars], x, s1);
                s2 = Math.fma(a[ai + 2 * ars], x, s2);
                s3 = Math.fma(a[ai + 3 * ars], x, s3);
                ai += acs;
            }
            c[cOff + i] = s0;
            c[cOff + i + 1] = s1;
            c[cOff + i + 2] = s2;
            c[cOff + i + 3] = s3;
        }
        for (; i < m; i++) {
            int ai = aOff + i * ars;
            double s = accumulate ? c[cOff + i] : 0.0;
            for (int p = 0; p < k; p++) {
                s = Math.fma(a[ai], b[bOff + p], s);
                ai += acs;
            }
            c[cOff + i] = s;
        }
    }

    /**
     * {@code y[0..n) += x·b[0..n)} with one rounding per term ({@link Math#fma}): both arrays from index 0, so C2
     * vectorises it. Every element of C is its start value plus the terms in order of k, each fused, exactly as
     * the vector kernel sums them, so the two agree bit for bit and the engine may switch between them at any
     * time without changing a result.
     */
    private static void axpy(double x, double[] b, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] = Math.fma(x, b[j], y[j]);
        }
    }

    /** KC row arrays of B plus the accumulator (the last one), each at least {@code width} long. */
    private static double[][] scratch(int width) {
        double[][] rows = ROWS.get();
        if (rows[0].length < width) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new double[width];
            }
        }
        return rows;
    }
}
