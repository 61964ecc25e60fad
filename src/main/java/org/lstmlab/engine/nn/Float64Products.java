package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.PackedMatrix;

/**
 * The matrix products of one recurrent layer in float64 (the default precision), straight on the layer's arrays:
 * the input projection of all timesteps, the recurrent product of each step forward and backward, and the weight
 * and input gradients over all timesteps. Letters as in {@link RecurrentLayer}: D input size, H hidden size, G the
 * gate width (gate blocks × H). The float32 precision has its own, {@link Float32Products}. One instance per layer;
 * not thread-safe, like the layer.
 */
final class Float64Products {
    private final int inputSize;   // D
    private final int hiddenSize;  // H
    private final int gateWidth;   // G
    private PackedMatrix packedHhT;  // W_hhᵀ prepared once for the T recurrent products of a forward pass
    private PackedMatrix packedHh;   // W_hh prepared once for the T products of a backward pass

    Float64Products(int inputSize, int hiddenSize, int gateWidth) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateWidth = gateWidth;
    }

    /** preact (rows × G) += X (rows × D, dense input) · W_ihᵀ. */
    void inputProjection(SequenceInput in, double[] weightIhT, double[] preact, int rows) {
        Gemm.mm(in.dense(), in.offset(), weightIhT, 0, preact, 0, rows, inputSize, gateWidth, true);
    }

    /** Before the steps of a forward pass: W_hhᵀ (H × G) is fixed until the pass ends. */
    void beginForward(double[] weightHhT) {
        packedHhT = Gemm.pack(weightHhT, 0, hiddenSize, gateWidth, packedHhT);
    }

    /** target (B × G, from targetOff) += h (B × H, from hOff) · W_hhᵀ. */
    void recurrentStep(double[] hidden, int hOff, double[] target, int targetOff, int batch) {
        Gemm.mmPacked(hidden, hOff, packedHhT, target, targetOff, batch, true);
    }

    /** Before the steps of a backward pass: W_hh (G × H) is fixed until the pass ends. */
    void beginBackward(double[] weightHh) {
        packedHh = Gemm.pack(weightHh, 0, gateWidth, hiddenSize, packedHh);
    }

    /** dhPrev (B × H, from dhOff) = dRec (B × G, from dRecOff) · W_hh. */
    void hiddenGradientStep(double[] dRec, int dRecOff, double[] dhPrev, int dhOff, int batch) {
        Gemm.mmPacked(dRec, dRecOff, packedHh, dhPrev, dhOff, batch, false);
    }

    /**
     * After the steps of a backward pass, over all rows = T·B: gradIh (G × D) += dPreᵀ · X (unless the input is
     * one-hot, which the layer handles), gradHh (G × H) += dRecᵀ · H_prev.
     */
    void weightGradients(double[] dPre, double[] dRec, SequenceInput in, double[] hidden, double[] gradIh,
                         double[] gradHh, int rows) {
        if (!in.isOneHot()) {
            Gemm.mtm(dPre, 0, in.dense(), in.offset(), gradIh, 0, gateWidth, rows, inputSize);
        }
        Gemm.mtm(dRec, 0, hidden, 0, gradHh, 0, gateWidth, rows, hiddenSize);
    }

    /** dx (rows × D) = dPre (rows × G) · W_ih; dRec as given to {@link #weightGradients}. */
    void inputGradient(double[] dPre, double[] dRec, double[] weightIh, double[] dx, int rows) {
        Gemm.mm(dPre, 0, weightIh, 0, dx, 0, rows, gateWidth, inputSize, false);
    }
}
