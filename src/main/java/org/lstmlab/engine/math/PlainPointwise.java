package org.lstmlab.engine.math;

/** The scalar twin of the vector activations: {@link GateMath}, one value at a time, with the same bits. */
public final class PlainPointwise implements PointwiseKernel {
    @Override
    public void sigmoid(double[] in, int inOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = GateMath.sigmoid(in[inOff + i]);
        }
    }

    @Override
    public void tanh(double[] in, int inOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = GateMath.tanh(in[inOff + i]);
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
