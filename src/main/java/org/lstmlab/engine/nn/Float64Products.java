package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.PackedMatrix;
import org.lstmlab.engine.math.Precision;

/** The layer's products in float64, straight on the layer's arrays: the default precision. */
final class Float64Products extends LayerProducts {
    private PackedMatrix packedHhT;  // W_hhᵀ prepared once for the T recurrent products of a forward pass
    private PackedMatrix packedHh;   // W_hh prepared once for the T products of a backward pass

    Float64Products(int inputSize, int hiddenSize, int gateWidth) {
        super(inputSize, hiddenSize, gateWidth);
    }

    @Override
    Precision precision() {
        return Precision.FLOAT64;
    }

    @Override
    void inputProjection(SequenceInput in, double[] weightIhT, double[] preact, int rows) {
        Gemm.mm(in.dense(), in.offset(), weightIhT, 0, preact, 0, rows, inputSize, gateWidth, true);
    }

    @Override
    void beginForward(double[] weightHhT) {
        packedHhT = Gemm.pack(weightHhT, 0, hiddenSize, gateWidth, packedHhT);
    }

    @Override
    void recurrentStep(double[] hidden, int hOff, double[] target, int targetOff, int batch) {
        Gemm.mmPacked(hidden, hOff, packedHhT, target, targetOff, batch, true);
    }

    @Override
    void beginBackward(double[] weightHh) {
        packedHh = Gemm.pack(weightHh, 0, gateWidth, hiddenSize, packedHh);
    }

    @Override
    void hiddenGradientStep(double[] dRec, int dRecOff, double[] dhPrev, int dhOff, int batch) {
        Gemm.mmPacked(dRec, dRecOff, packedHh, dhPrev, dhOff, batch, false);
    }

    @Override
    void weightGradients(double[] dPre, double[] dRec, SequenceInput in, double[] hidden, double[] gradIh,
                         double[] gradHh, int rows) {
        if (!in.isOneHot()) {
            Gemm.mtm(dPre, 0, in.dense(), in.offset(), gradIh, 0, gateWidth, rows, inputSize);
        }
        Gemm.mtm(dRec, 0, hidden, 0, gradHh, 0, gateWidth, rows, hiddenSize);
    }

    @Override
    void inputGradient(double[] dPre, double[] dRec, double[] weightIh, double[] dx, int rows) {
        Gemm.mm(dPre, 0, weightIh, 0, dx, 0, rows, gateWidth, inputSize, false);
    }
}
