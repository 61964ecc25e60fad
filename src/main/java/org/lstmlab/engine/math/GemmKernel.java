package org.lstmlab.engine.math;

/** One implementation of {@link Gemm}'s two products; see there for the shapes. */
public interface GemmKernel {
    void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n, boolean accumulate);

    void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n);

    String name();
}
