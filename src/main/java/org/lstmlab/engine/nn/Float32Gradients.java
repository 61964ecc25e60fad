package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.FloatCells;
import org.lstmlab.engine.math.Gemm;

/**
 * The weight and bias gradients of one layer's float32 backward pass, added block by block of steps as the
 * backward loop reaches them (as {@link Float64Products} does in float64), while the block's gate gradients are
 * still in cache, instead of in products over all T·B rows after the loop that read them back from memory. The
 * sums run in float32 from zero over the whole pass and are added to the float64 gradients once, at its end:
 * dW_ih += dPreᵀ·X, dW_hh += dRecᵀ·H_prev, db_ih += Σ dPre and db_hh += Σ dRec, where the first {@code shared}
 * columns of dRec are those of dPre (all of them for the LSTM and the RNN, whose dRec is dPre; the r and z blocks
 * for the GRUs), so their sums are computed once. Letters as in {@link RecurrentLayer}. One instance per layer;
 * buffers are kept, so the steady state allocates nothing.
 */
final class Float32Gradients {
    private final int inputSize;   // D
    private final int hiddenSize;  // H
    private final int gateWidth;   // G
    private float[] weightIh = new float[0];  // dW_ih (G × D), dense input only
    private float[] weightHh = new float[0];  // dW_hh (G × H)
    private float[] sumsPre = new float[0];   // Σ_r dPre[r] (G)
    private float[] sumsRec = new float[0];   // Σ_r dRec[r] beyond the shared columns (G − shared)
    private boolean dense;
    private int shared;

    Float32Gradients(int inputSize, int hiddenSize, int gateWidth) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateWidth = gateWidth;
    }

    /** Steps per block: about 256 rows, or the whole pass when its float32 gate rows fit in half of L2. */
    int blockSteps(int steps, int batch) {
        return Float64Products.blockSteps(steps, batch, gateWidth, Float.BYTES);
    }

    /**
     * Before the first block of a pass: every sum starts from zero.
     *
     * @param dense  whether the input is dense (a one-hot input's dW_ih is not a product; the layer adds it)
     * @param shared how many leading columns of dRec equal those of dPre
     */
    void begin(boolean dense, int shared) {
        this.dense = dense;
        this.shared = shared;
        if (dense) {
            weightIh = Float32Products.zeros(weightIh, gateWidth * inputSize);
        }
        weightHh = Float32Products.zeros(weightHh, gateWidth * hiddenSize);
        sumsPre = Float32Products.zeros(sumsPre, gateWidth);
        sumsRec = Float32Products.zeros(sumsRec, gateWidth - shared);
    }

    /**
     * Adds the rows {@code first .. first + rows} of T·B: dPre and dRec (rows × G) from row {@code first}, X (rows ×
     * D) from {@code xOff} + first·D (ignored for a one-hot input), H_prev (rows × H) from first·H.
     */
    void addBlock(float[] dPre, float[] dRec, float[] x, int xOff, float[] hidden, int first, int rows) {
        int g = gateWidth;
        if (dense && dRec == dPre) {  // LSTM, RNN: one copy of the block for both weights, the bias on the way
            Gemm.mtmPair(dPre, first * g, g, rows, x, xOff + first * inputSize, weightIh, 0, inputSize, hidden,
                    first * hiddenSize, weightHh, 0, hiddenSize, sumsPre);
            return;
        }
        if (dense) {
            Gemm.mtm(dPre, first * g, x, xOff + first * inputSize, weightIh, 0, g, rows, inputSize);
        }
        Gemm.mtm(dRec, first * g, hidden, first * hiddenSize, weightHh, 0, g, rows, hiddenSize);
        addColumnSums(dPre, first * g, g, rows, g, sumsPre);
        if (shared < g) {
            addColumnSums(dRec, first * g + shared, g, rows, g - shared, sumsRec);
        }
    }

    /** After the last block: the float32 sums added to the float64 gradients. */
    void end(double[] gradIh, double[] gradHh, double[] gradBiasIh, double[] gradBiasHh) {
        if (dense) {
            Float32Products.addWidened(weightIh, gradIh, 0, gateWidth * inputSize);
        }
        Float32Products.addWidened(weightHh, gradHh, 0, gateWidth * hiddenSize);
        Float32Products.addWidened(sumsPre, gradBiasIh, 0, gateWidth);
        Float32Products.addWidened(sumsPre, gradBiasHh, 0, shared);
        Float32Products.addWidened(sumsRec, gradBiasHh, shared, gateWidth - shared);
    }

    /** out[j] += Σ_r m[off + r·stride + j] for j below cols, row after row, in float32. */
    static void addColumnSums(float[] m, int off, int stride, int rows, int cols, float[] out) {
        var cells = FloatCells.kernel();
        for (int r = 0; r < rows; r++) {
            cells.add(m, off + r * stride, out, 0, cols);
        }
    }
}
