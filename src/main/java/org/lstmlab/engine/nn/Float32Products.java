package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.PackedFloatMatrix;
import org.lstmlab.engine.math.Precision;

/**
 * The layer's products in float32 (the {@code float32} training precision): operands are rounded to float32,
 * multiplied with float32 fused multiply-adds, and the results widened back and added to the layer's float64
 * arrays. Rounding costs one pass over each operand, O(T·B·(D + H + G)) per pass against O(T·B·G·(D + H)) for the
 * products. The weights are rounded once per pass; the hidden states and gradients as they are produced, step by
 * step. Buffers are kept and reused, so the steady state allocates nothing.
 */
final class Float32Products extends LayerProducts {
    private float[] weightIhT = new float[0];   // D × G
    private float[] weightHhT = new float[0];   // H × G
    private float[] weightHh = new float[0];    // G × H
    private float[] weightIh = new float[0];    // G × D
    private PackedFloatMatrix packedHhT;
    private PackedFloatMatrix packedHh;
    private float[] x = new float[0];           // rows × D
    private float[] hidden = new float[0];      // (T + 1) × B × H, filled as the steps go
    private float[] dRec = new float[0];        // rows × G, filled as the steps go back
    private float[] dPre = new float[0];        // rows × G (GRU: the input part's gradient differs from dRec)
    private float[] out = new float[0];         // product results before widening
    private float[] gradient = new float[0];    // one weight gradient before it is added

    Float32Products(int inputSize, int hiddenSize, int gateWidth) {
        super(inputSize, hiddenSize, gateWidth);
    }

    @Override
    Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    void inputProjection(SequenceInput in, double[] weightIhT64, double[] preact, int rows) {
        x = narrow(in.dense(), in.offset(), rows * inputSize, x, 0);
        weightIhT = narrow(weightIhT64, 0, inputSize * gateWidth, weightIhT, 0);
        out = fit(out, rows * gateWidth);
        Gemm.mm(x, 0, weightIhT, 0, out, 0, rows, inputSize, gateWidth, false);
        addWidened(out, preact, 0, rows * gateWidth);
    }

    @Override
    void beginForward(double[] weightHhT64) {
        weightHhT = narrow(weightHhT64, 0, hiddenSize * gateWidth, weightHhT, 0);
        packedHhT = Gemm.pack(weightHhT, 0, hiddenSize, gateWidth, packedHhT);
    }

    @Override
    void recurrentStep(double[] hidden64, int hOff, double[] target, int targetOff, int batch) {
        int bh = batch * hiddenSize;
        hidden = narrow(hidden64, hOff, bh, hidden, hOff);
        out = fit(out, batch * gateWidth);
        Gemm.mmPacked(hidden, hOff, packedHhT, out, 0, batch, false);
        addWidened(out, target, targetOff, batch * gateWidth);
    }

    @Override
    void beginBackward(double[] weightHh64) {
        weightHh = narrow(weightHh64, 0, gateWidth * hiddenSize, weightHh, 0);
        packedHh = Gemm.pack(weightHh, 0, gateWidth, hiddenSize, packedHh);
    }

    @Override
    void hiddenGradientStep(double[] dRec64, int dRecOff, double[] dhPrev, int dhOff, int batch) {
        dRec = narrow(dRec64, dRecOff, batch * gateWidth, dRec, dRecOff);
        out = fit(out, batch * hiddenSize);
        Gemm.mmPacked(dRec, dRecOff, packedHh, out, 0, batch, false);
        for (int i = 0; i < batch * hiddenSize; i++) {
            dhPrev[dhOff + i] = out[i];
        }
    }

    @Override
    void weightGradients(double[] dPre64, double[] dRec64, SequenceInput in, double[] hidden64, double[] gradIh,
                         double[] gradHh, int rows) {
        // dRec was rounded step by step; the hidden states and the input are rounded again here, from the trace
        // this backward pass reads (the forward pass's copies may belong to another trace).
        if (!in.isOneHot()) {
            float[] dPreF = rounded(dPre64, dRec64, rows);
            x = narrow(in.dense(), in.offset(), rows * inputSize, x, 0);
            gradient = zeros(gradient, gateWidth * inputSize);
            Gemm.mtm(dPreF, 0, x, 0, gradient, 0, gateWidth, rows, inputSize);
            addWidened(gradient, gradIh, 0, gateWidth * inputSize);
        }
        hidden = narrow(hidden64, 0, rows * hiddenSize, hidden, 0);
        gradient = zeros(gradient, gateWidth * hiddenSize);
        Gemm.mtm(dRec, 0, hidden, 0, gradient, 0, gateWidth, rows, hiddenSize);
        addWidened(gradient, gradHh, 0, gateWidth * hiddenSize);
    }

    @Override
    void inputGradient(double[] dPre64, double[] dRec64, double[] weightIh64, double[] dx, int rows) {
        float[] dPreF = rounded(dPre64, dRec64, rows);
        weightIh = narrow(weightIh64, 0, gateWidth * inputSize, weightIh, 0);
        out = fit(out, rows * inputSize);
        Gemm.mm(dPreF, 0, weightIh, 0, out, 0, rows, gateWidth, inputSize, false);
        for (int i = 0; i < rows * inputSize; i++) {
            dx[i] = out[i];
        }
    }

    /** dPre in float32: the rounded dRec when they are one array (LSTM, RNN), else dPre rounded now (GRU). */
    private float[] rounded(double[] dPre64, double[] dRec64, int rows) {
        if (dPre64 == dRec64) {
            return dRec;
        }
        dPre = narrow(dPre64, 0, rows * gateWidth, dPre, 0);
        return dPre;
    }

    /** dst[dstOff ..] = (float) src[srcOff ..] for n values; dst grown (contents kept) when too short. */
    static float[] narrow(double[] src, int srcOff, int n, float[] dst, int dstOff) {
        if (dst.length < dstOff + n) {
            dst = java.util.Arrays.copyOf(dst, dstOff + n);
        }
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) src[srcOff + i];
        }
        return dst;
    }

    static void addWidened(float[] src, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] += src[i];
        }
    }

    static float[] fit(float[] a, int n) {
        return a.length >= n ? a : new float[n];
    }

    static float[] zeros(float[] a, int n) {
        float[] z = fit(a, n);
        java.util.Arrays.fill(z, 0, n, 0f);
        return z;
    }
}
