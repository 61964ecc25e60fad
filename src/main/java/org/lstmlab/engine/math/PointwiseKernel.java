package org.lstmlab.engine.math;

/** One implementation of {@link Pointwise}'s element-wise activations. */
public interface PointwiseKernel {
    void sigmoid(double[] in, int inOff, double[] out, int outOff, int n);

    void tanh(double[] in, int inOff, double[] out, int outOff, int n);

    String name();
}
