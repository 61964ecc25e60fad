package org.lstmlab.engine.math;

/**
 * The plain twin of every fast product: the textbook triple loops, written for obviousness, not speed. Tests
 * compare the fast kernels against these.
 */
public final class GemmReference implements GemmKernel {
    @Override
    public void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n,
                   boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * k + p] * b[bOff + p * n + j];
                }
                c[cOff + i * n + j] = accumulate ? c[cOff + i * n + j] + sum : sum;
            }
        }
    }

    @Override
    public void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + p * m + i] * b[bOff + p * n + j];
                }
                c[cOff + i * n + j] += sum;
            }
        }
    }

    @Override
    public String name() {
        return "reference";
    }
}
