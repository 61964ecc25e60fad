package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.Precision;

/**
 * The matrix products of one recurrent layer, in the layer's training precision: the input projection of all
 * timesteps, the recurrent product of each step forward and backward, and the weight and input gradients over all
 * timesteps. Everything else of the layer (gates, states, the element-wise equations) is float64 whatever the
 * precision. Letters as in {@link RecurrentLayer}: D input size, H hidden size, G the gate width (gate blocks × H).
 * One instance per layer; not thread-safe, like the layer.
 */
abstract sealed class LayerProducts permits Float64Products, Float32Products {
    protected final int inputSize;   // D
    protected final int hiddenSize;  // H
    protected final int gateWidth;   // G

    LayerProducts(int inputSize, int hiddenSize, int gateWidth) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateWidth = gateWidth;
    }

    static LayerProducts of(Precision precision, int inputSize, int hiddenSize, int gateWidth) {
        return precision == Precision.FLOAT32 ? new Float32Products(inputSize, hiddenSize, gateWidth)
                : new Float64Products(inputSize, hiddenSize, gateWidth);
    }

    abstract Precision precision();

    /** preact (rows × G) += X (rows × D, dense input) · W_ihᵀ. */
    abstract void inputProjection(SequenceInput in, double[] weightIhT, double[] preact, int rows);

    /** Before the steps of a forward pass: W_hhᵀ (H × G) is fixed until the pass ends. */
    abstract void beginForward(double[] weightHhT);

    /** target (B × G, from targetOff) += h (B × H, from hOff) · W_hhᵀ. */
    abstract void recurrentStep(double[] hidden, int hOff, double[] target, int targetOff, int batch);

    /** Before the steps of a backward pass: W_hh (G × H) is fixed until the pass ends. */
    abstract void beginBackward(double[] weightHh);

    /** dhPrev (B × H, from dhOff) = dRec (B × G, from dRecOff) · W_hh. */
    abstract void hiddenGradientStep(double[] dRec, int dRecOff, double[] dhPrev, int dhOff, int batch);

    /**
     * After the steps of a backward pass, over all rows = T·B: gradIh (G × D) += dPreᵀ · X (unless the input is
     * one-hot, which the layer handles), gradHh (G × H) += dRecᵀ · H_prev.
     */
    abstract void weightGradients(double[] dPre, double[] dRec, SequenceInput in, double[] hidden, double[] gradIh,
                                  double[] gradHh, int rows);

    /** dx (rows × D) = dPre (rows × G) · W_ih; dRec as given to {@link #weightGradients}. */
    abstract void inputGradient(double[] dPre, double[] dRec, double[] weightIh, double[] dx, int rows);
}
