package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.CacheSizes;
import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.PackedMatrix;

/**
 * The matrix products of one recurrent layer in float64 (the default precision), straight on the layer's arrays:
 * the input projection, the recurrent product of each step forward and backward, and the weight and input
 * gradients, the first and the last per block of steps ({@link #blockSteps}). Letters as in {@link RecurrentLayer}:
 * D input size, H hidden size, G the gate width (gate blocks × H). The float32 precision has its own,
 * {@link Float32Products}. One instance per layer; not thread-safe, like the layer.
 */
final class Float64Products {
    private final int inputSize;   // D
    private final int hiddenSize;  // H
    private final int gateWidth;   // G
    private PackedMatrix packedIhT;  // W_ihᵀ prepared once for the input projection's blocks of a forward pass
    private PackedMatrix packedHhT;  // W_hhᵀ prepared once for the T recurrent products of a forward pass
    private PackedMatrix packedHh;   // W_hh prepared once for the T products of a backward pass
    private PackedMatrix packedIh;   // W_ih prepared once for the input gradient's blocks of a backward pass

    Float64Products(int inputSize, int hiddenSize, int gateWidth) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateWidth = gateWidth;
    }

    /** Before a forward pass: W_ihᵀ and W_hhᵀ packed already ({@link PackedWeights}). */
    void useForward(PackedMatrix weightIhT, PackedMatrix weightHhT) {
        packedIhT = weightIhT;
        packedHhT = weightHhT;
    }

    /** Before a backward pass: W_hh packed already, and W_ih when the pass computes dL/dx (else null). */
    void useBackward(PackedMatrix weightHh, PackedMatrix weightIh) {
        packedHh = weightHh;
        packedIh = weightIh;
    }

    /** Before the blocks of {@link #inputProjection} of a forward pass: W_ihᵀ (D × G) is fixed until it ends. */
    void beginInputProjection(double[] weightIhT) {
        packedIhT = Gemm.pack(weightIhT, 0, inputSize, gateWidth, packedIhT);
    }

    /** preact (rows × G) += X (rows × D, dense input) · W_ihᵀ for the rows {@code first .. first + rows}. */
    void inputProjection(SequenceInput in, double[] preact, int first, int rows) {
        Gemm.mmPacked(in.dense(), in.offset() + first * inputSize, packedIhT, preact, first * gateWidth, rows, true);
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

    /** {@link #blockSteps(int, int, int, int)} of this layer's float64 gate rows. */
    int blockSteps(int steps, int batch) {
        return blockSteps(steps, batch, gateWidth, Double.BYTES);
    }

    /**
     * How many steps of a pass share one block of the input projection and of the weight and input gradients:
     * about 256 rows (the vector kernels' K block), so that a block's rows, written or read by its steps, are still
     * in cache when the products use them, and each product still runs over a full K block. A pass whose gate rows
     * ({@code gateWidth} values of {@code bytes} each) fit in half of L2 anyway (W1's) stays one block: more,
     * smaller products would only cost more calls.
     */
    static int blockSteps(int steps, int batch, int gateWidth, int bytes) {
        if ((long) steps * batch * gateWidth * bytes <= CacheSizes.l2Bytes() / 2) {
            return Math.max(1, steps);
        }
        return Math.max(1, BLOCK_ROWS / batch);
    }

    private static final int BLOCK_ROWS = 256;

    /**
     * For the rows {@code first .. first + rows} (steps of a backward pass, rows of T·B): gradIh (G × D) +=
     * dPreᵀ · X (unless the input is one-hot, which the layer handles), gradHh (G × H) += dRecᵀ · H_prev. When
     * dRec is dPre, also gradBias (if not null) += the column sums of dPre, from the same reads; returns whether it
     * added them.
     */
    boolean weightGradients(double[] dPre, double[] dRec, SequenceInput in, double[] hidden, double[] gradIh,
                            double[] gradHh, int first, int rows, double[] gradBias) {
        if (!in.isOneHot() && dRec == dPre) {  // LSTM, RNN: one A for both weights, and the bias on the way
            Gemm.mtmPair(dPre, first * gateWidth, gateWidth, rows, in.dense(), in.offset() + first * inputSize,
                    gradIh, 0, inputSize, hidden, first * hiddenSize, gradHh, 0, hiddenSize, gradBias);
            return gradBias != null;
        }
        if (!in.isOneHot()) {
            Gemm.mtm(dPre, first * gateWidth, in.dense(), in.offset() + first * inputSize, gradIh, 0, gateWidth,
                    rows, inputSize);
        }
        Gemm.mtm(dRec, first * gateWidth, hidden, first * hiddenSize, gradHh, 0, gateWidth, rows, hiddenSize);
        return false;
    }

    /** Before the blocks of {@link #inputGradient} of a backward pass: W_ih (G × D) is fixed until it ends. */
    void beginInputGradient(double[] weightIh) {
        packedIh = Gemm.pack(weightIh, 0, gateWidth, inputSize, packedIh);
    }

    /** dx (rows × D) = dPre (rows × G) · W_ih for the rows {@code first .. first + rows}. */
    void inputGradient(double[] dPre, double[] dx, int first, int rows) {
        Gemm.mmPacked(dPre, first * gateWidth, packedIh, dx, first * inputSize, rows, false);
    }
}
