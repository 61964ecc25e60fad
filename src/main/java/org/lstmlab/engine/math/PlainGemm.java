package org.lstmlab.engine.math;

/**
 * Plain-Java products for JVMs without the Vector API: i-k-j loop order so the inner loop streams rows of B and C.
 */
public final class PlainGemm implements GemmKernel {
    @Override
    public void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n,
                   boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0.0);
            }
            for (int p = 0; p < k; p++) {
                double aip = a[aOff + i * k + p];
                if (aip == 0.0) {
                    continue;
                }
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        for (int p = 0; p < k; p++) {
            int bp = bOff + p * n;
            for (int i = 0; i < m; i++) {
                double api = a[aOff + p * m + i];
                if (api == 0.0) {
                    continue;
                }
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
