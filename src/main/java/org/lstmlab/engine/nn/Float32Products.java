package org.lstmlab.engine.nn;

import java.util.Arrays;

import org.lstmlab.engine.math.FloatCells;
import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.PackedFloatMatrix;

/**
 * The layer's matrix products in the {@code float32} training precision, on the float32 trace ({@link LayerTrace}'s
 * float arrays) directly: the products read the hidden states and gate gradients where the cell equations wrote
 * them and write the pre-activations and dh_{t-1} where the next step reads them, so nothing is converted per step.
 * What is converted: the weights, rounded from the float64 master weights once per pass (W_ihᵀ and W_hhᵀ transposed
 * and rounded in one sweep for the forward pass, W_hh and W_ih rounded for the backward pass), and the weight
 * gradients, summed in float32 and added to the float64 gradients once per pass. Letters as in
 * {@link RecurrentLayer}: D input size, H hidden size, G the gate width (gate blocks × H). One instance per layer;
 * not thread-safe, like the layer. Buffers are kept and reused, so the steady state allocates nothing.
 */
final class Float32Products {
    private final int inputSize;   // D
    private final int hiddenSize;  // H
    private final int gateWidth;   // G

    private float[] weightIhT = new float[0];   // D × G (dense input)
    private float[] inputTable = new float[0];  // D × G (one-hot input): row v = b + W_ih[:, v], rounded once
    private float[] weightHhT = new float[0];   // H × G
    private float[] weightHh = new float[0];    // G × H
    private float[] weightIh = new float[0];    // G × D
    private float[] biasRow = new float[0];     // G, the bias added with the input projection, rounded
    private PackedFloatMatrix packedHhT;
    private PackedFloatMatrix packedHh;
    private float[] gradient = new float[0];    // one weight gradient before it is added
    private float[] sums = new float[0];        // the bias gradients' column sums of dPre

    Float32Products(int inputSize, int hiddenSize, int gateWidth) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateWidth = gateWidth;
    }

    /**
     * Before a forward pass over rows = T·B rows: rounds W_hhᵀ (H × G) and packs it for the T recurrent products, and
     * writes every row of {@code preact} (rows × G) with the input projection plus {@code bias} (G, float64): for a
     * one-hot input each row is a copy of the row {@code b + W_ih[:, token]} of a table computed in float64 and
     * rounded once; for a dense input the rounded bias plus the float32 product {@code X·W_ihᵀ}.
     */
    void beginForward(double[] weightIh64, double[] weightHh64, double[] bias, int[] tokens, float[] x, int xOff,
                      float[] preact, int rows) {
        weightHhT = transposeRounded(weightHh64, 0, gateWidth, hiddenSize, weightHhT);
        packedHhT = Gemm.pack(weightHhT, 0, hiddenSize, gateWidth, packedHhT);
        if (tokens != null) {
            inputTable = inputTable(weightIh64, bias, inputTable);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(inputTable, tokens[r] * gateWidth, preact, r * gateWidth, gateWidth);
            }
        } else {
            weightIhT = transposeRounded(weightIh64, 0, gateWidth, inputSize, weightIhT);
            biasRow = narrow(bias, 0, gateWidth, biasRow, 0);
            fillRows(preact, 0, rows, biasRow);
            inputProjection(x, xOff, preact, rows);
        }
    }

    /** preact (rows × G) += X (rows × D, from xOff) · W_ihᵀ. */
    private void inputProjection(float[] x, int xOff, float[] preact, int rows) {
        Gemm.mm(x, xOff, weightIhT, 0, preact, 0, rows, inputSize, gateWidth, true);
    }

    /** target (B × G, from targetOff) += h (B × H, from hOff) · W_hhᵀ. */
    void recurrentStep(float[] hidden, int hOff, float[] target, int targetOff, int batch) {
        Gemm.mmPacked(hidden, hOff, packedHhT, target, targetOff, batch, true);
    }

    /** Before the steps of a backward pass: W_hh (G × H) rounded and packed, fixed until the pass ends. */
    void beginBackward(double[] weightHh64) {
        weightHh = narrow(weightHh64, 0, gateWidth * hiddenSize, weightHh, 0);
        packedHh = Gemm.pack(weightHh, 0, gateWidth, hiddenSize, packedHh);
    }

    /** The rounded W_hh of this backward pass (G × H): the reset-before GRU reads its W_hn rows. */
    float[] weightHh() {
        return weightHh;
    }

    /** dhPrev (B × H, from dhOff) = dRec (B × G, from dRecOff) · W_hh. */
    void hiddenGradientStep(float[] dRec, int dRecOff, float[] dhPrev, int dhOff, int batch) {
        Gemm.mmPacked(dRec, dRecOff, packedHh, dhPrev, dhOff, batch, false);
    }

    /**
     * After the steps of a backward pass, over all rows = T·B: gradIh (G × D) += dPreᵀ · X for a dense input (x not
     * null; a one-hot input goes through {@link #addOneHotGradient}), gradHh (G × H) += dRecᵀ · H_prev, each summed
     * in float32 and then added to the float64 gradient.
     */
    void weightGradients(float[] dPre, float[] dRec, float[] x, int xOff, float[] hidden, double[] gradIh,
                         double[] gradHh, int rows) {
        if (x != null) {
            addProduct(dPre, 0, x, xOff, gateWidth, rows, inputSize, gradIh, 0);
        }
        addProduct(dRec, 0, hidden, 0, gateWidth, rows, hiddenSize, gradHh, 0);
    }

    /**
     * grad (M × N, from gradOff) += Aᵀ·B for A (K × M) and B (K × N) from their offsets: summed in float32 from zero,
     * then added to the float64 gradient.
     */
    void addProduct(float[] a, int aOff, float[] b, int bOff, int m, int k, int n, double[] grad, int gradOff) {
        gradient = zeros(gradient, m * n);
        Gemm.mtm(a, aOff, b, bOff, gradient, 0, m, k, n);
        addWidened(gradient, grad, gradOff, m * n);
    }

    /**
     * The one-hot input's weight gradient: row r of dPre (rows × G) is added to column {@code tokens[r]} of W_ih's
     * gradient (G × D), summed per token in float32 and then added to the float64 gradient.
     */
    void addOneHotGradient(int[] tokens, int rows, float[] dPre, double[] gradIh) {
        gradient = zeros(gradient, inputSize * gateWidth);  // dW_ihᵀ (D × G), one row per token
        var cells = FloatCells.kernel();
        for (int r = 0; r < rows; r++) {
            cells.add(dPre, r * gateWidth, gradient, tokens[r] * gateWidth, gateWidth);
        }
        for (int v0 = 0; v0 < inputSize; v0 += BLOCK) {  // transposed back in blocks, as transposeRounded
            int vEnd = Math.min(inputSize, v0 + BLOCK);
            for (int j0 = 0; j0 < gateWidth; j0 += BLOCK) {
                int jEnd = Math.min(gateWidth, j0 + BLOCK);
                for (int v = v0; v < vEnd; v++) {
                    for (int j = j0; j < jEnd; j++) {
                        gradIh[j * inputSize + v] += gradient[v * gateWidth + j];
                    }
                }
            }
        }
    }

    /**
     * out (cols) += Σ_r m[r·cols + j] over the rows: the bias gradients, summed in float32 row after row (vector
     * additions of whole rows, no packing) and then added to the float64 gradient.
     */
    void addColumnSums(float[] m, int rows, int cols, double[] out, int outOff) {
        gradient = columnSums(m, 0, cols, rows, cols, gradient);
        addWidened(gradient, out, outOff, cols);
    }

    /**
     * The bias gradients of a layer: {@code gradBiasIh += Σ_r dPre[r]} and {@code gradBiasHh += Σ_r dRec[r]} over
     * the rows (rows × G each), where the first {@code shared} columns of dRec are those of dPre (all of them for
     * the LSTM and the RNN, whose dRec is dPre; the r and z blocks for the GRUs), so those sums are computed once
     * and added to both: the same bits as summing each matrix, from any start values.
     */
    void addBiasGradients(float[] dPre, float[] dRec, int shared, int rows, double[] gradBiasIh,
                          double[] gradBiasHh) {
        sums = columnSums(dPre, 0, gateWidth, rows, gateWidth, sums);
        addWidened(sums, gradBiasIh, 0, gateWidth);
        addWidened(sums, gradBiasHh, 0, shared);
        if (shared < gateWidth) {
            gradient = columnSums(dRec, shared, gateWidth, rows, gateWidth - shared, gradient);
            addWidened(gradient, gradBiasHh, shared, gateWidth - shared);
        }
    }

    /** {@code Σ_r m[off + r·stride + j]} for j < cols over the rows, in float32, into {@code into} (grown if short). */
    private static float[] columnSums(float[] m, int off, int stride, int rows, int cols, float[] into) {
        float[] out = zeros(into, cols);
        var cells = FloatCells.kernel();
        for (int r = 0; r < rows; r++) {
            cells.add(m, off + r * stride, out, 0, cols);
        }
        return out;
    }

    /** dx (rows × D) = dPre (rows × G) · W_ih, with W_ih rounded now. */
    void inputGradient(float[] dPre, double[] weightIh64, float[] dx, int rows) {
        weightIh = narrow(weightIh64, 0, gateWidth * inputSize, weightIh, 0);
        Gemm.mm(dPre, 0, weightIh, 0, dx, 0, rows, gateWidth, inputSize, false);
    }

    /** The one-hot table (D × G): row v is {@code bias + W_ih[:, v]} (W_ih is G × D), added in float64, rounded. */
    private float[] inputTable(double[] weightIh64, double[] bias, float[] table) {
        table = fit(table, inputSize * gateWidth);
        for (int j0 = 0; j0 < gateWidth; j0 += BLOCK) {
            int jEnd = Math.min(gateWidth, j0 + BLOCK);
            for (int v0 = 0; v0 < inputSize; v0 += BLOCK) {
                int vEnd = Math.min(inputSize, v0 + BLOCK);
                for (int j = j0; j < jEnd; j++) {
                    for (int v = v0; v < vEnd; v++) {
                        table[v * gateWidth + j] = (float) (bias[j] + weightIh64[j * inputSize + v]);
                    }
                }
            }
        }
        return table;
    }

    /**
     * dst (cols × rows) = srcᵀ (src rows × cols) rounded to float32, in blocks of {@value #BLOCK} × {@value #BLOCK}
     * as {@code RecurrentLayer}'s transpose: the weights' rounding and transposition in one sweep.
     */
    static float[] transposeRounded(double[] src, int srcOff, int rows, int cols, float[] dst) {
        dst = fit(dst, rows * cols);
        for (int r0 = 0; r0 < rows; r0 += BLOCK) {
            int rEnd = Math.min(rows, r0 + BLOCK);
            for (int c0 = 0; c0 < cols; c0 += BLOCK) {
                int cEnd = Math.min(cols, c0 + BLOCK);
                for (int r = r0; r < rEnd; r++) {
                    for (int c = c0; c < cEnd; c++) {
                        dst[c * rows + r] = (float) src[srcOff + r * cols + c];
                    }
                }
            }
        }
        return dst;
    }

    private static final int BLOCK = 16;

    /** dst[dstOff ..] = (float) src[srcOff ..] for n values; dst grown (contents kept) when too short. */
    static float[] narrow(double[] src, int srcOff, int n, float[] dst, int dstOff) {
        if (dst.length < dstOff + n) {
            dst = Arrays.copyOf(dst, dstOff + n);
        }
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) src[srcOff + i];
        }
        return dst;
    }

    /** dst[dstOff ..] = (float) src[srcOff ..], or zeros when src is null, for n values. */
    static void narrowOrZero(double[] src, int srcOff, float[] dst, int dstOff, int n) {
        if (src == null) {
            Arrays.fill(dst, dstOff, dstOff + n, 0f);
        } else {
            for (int i = 0; i < n; i++) {
                dst[dstOff + i] = (float) src[srcOff + i];
            }
        }
    }

    static void addWidened(float[] src, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] += src[i];
        }
    }

    static void fillRows(float[] dst, int dstOff, int rows, float[] row) {
        int w = row.length;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, dst, dstOff + r * w, w);
        }
    }

    static float[] fit(float[] a, int n) {
        return a.length >= n ? a : new float[n];
    }

    static float[] zeros(float[] a, int n) {
        float[] z = fit(a, n);
        Arrays.fill(z, 0, n, 0f);
        return z;
    }
}
