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
 * and rounded in one sweep for the forward pass, W_hh and W_ih rounded for the backward pass; or once per step for
 * all of a trainer's shards, {@link PackedWeights}), and the weight gradients, summed in float32 and added to the
 * float64 gradients once per pass (the recurrent layers' by {@link Float32Gradients}). Letters as in
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
    private float[] roundedHh = weightHh;       // the rounded W_hh of the backward pass: weightHh or a shared one
    private float[] biasRow = new float[0];     // G, the bias added with the input projection, rounded
    private PackedFloatMatrix packedHhT;
    private PackedFloatMatrix ownIhT;           // W_ihᵀ rounded and packed by this layer for the input projection
    private PackedFloatMatrix packedIhT;        // ownIhT or a shared one
    private PackedFloatMatrix packedHh;
    private PackedFloatMatrix ownIh;            // W_ih rounded and packed by this layer for the input gradient
    private PackedFloatMatrix packedIh;         // ownIh or a shared one
    private float[] gradient = new float[0];    // one weight gradient before it is added

    Float32Products(int inputSize, int hiddenSize, int gateWidth) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateWidth = gateWidth;
    }

    /**
     * Before a forward pass: rounds W_hhᵀ (H × G) and packs it for the T recurrent products, and prepares the input
     * projection of {@link #inputRows}: for a one-hot input (tokens not null) the table whose row v is
     * {@code b + W_ih[:, v]}, computed in float64 and rounded once; for a dense input {@code bias} (G, float64)
     * rounded and W_ihᵀ (D × G) rounded and packed. With {@code shared} (a trainer's packs for all its replicas,
     * else null), the rounded and packed W_hhᵀ and W_ihᵀ are read from there: the same bits.
     */
    void beginForward(PackedWeights.Floats shared, double[] weightIh64, double[] weightHh64, double[] bias,
                      int[] tokens) {
        if (shared != null) {
            packedHhT = shared.packedHhT;
        } else {
            weightHhT = transposeRounded(weightHh64, 0, gateWidth, hiddenSize, weightHhT);
            packedHhT = Gemm.pack(weightHhT, 0, hiddenSize, gateWidth, packedHhT);
        }
        if (tokens != null) {
            inputTable = inputTable(weightIh64, bias, inputTable);
            return;
        }
        biasRow = narrow(bias, 0, gateWidth, biasRow, 0);
        if (shared != null) {
            packedIhT = shared.packedIhT;
        } else {
            weightIhT = transposeRounded(weightIh64, 0, gateWidth, inputSize, weightIhT);
            packedIhT = ownIhT = Gemm.pack(weightIhT, 0, inputSize, gateWidth, ownIhT);
        }
    }

    /**
     * Writes the rows {@code first .. first + rows} of {@code preact} (T·B × G) with the input projection plus the
     * bias: for a one-hot input each row a copy of the table's row for its token, for a dense input the rounded bias
     * plus the float32 product {@code X·W_ihᵀ} of those rows of X (from {@code xOff}). Each row's sums do not depend
     * on the rows around it, so a pass may write its rows in blocks, just before its steps read them.
     */
    void inputRows(int[] tokens, float[] x, int xOff, float[] preact, int first, int rows) {
        int g = gateWidth;
        if (tokens != null) {
            for (int r = first; r < first + rows; r++) {
                System.arraycopy(inputTable, tokens[r] * g, preact, r * g, g);
            }
            return;
        }
        fillRows(preact, first * g, rows, biasRow);
        Gemm.mmPacked(x, xOff + first * inputSize, packedIhT, preact, first * g, rows, true);
    }

    /** target (B × G, from targetOff) += h (B × H, from hOff) · W_hhᵀ. */
    void recurrentStep(float[] hidden, int hOff, float[] target, int targetOff, int batch) {
        Gemm.mmPacked(hidden, hOff, packedHhT, target, targetOff, batch, true);
    }

    /**
     * Before the steps of a backward pass: W_hh (G × H) rounded and packed, fixed until the pass ends; read from
     * {@code shared} when not null.
     */
    void beginBackward(PackedWeights.Floats shared, double[] weightHh64) {
        if (shared != null) {
            roundedHh = shared.hh;
            packedHh = shared.packedHh;
        } else {
            weightHh = narrow(weightHh64, 0, gateWidth * hiddenSize, weightHh, 0);
            roundedHh = weightHh;
            packedHh = Gemm.pack(weightHh, 0, gateWidth, hiddenSize, packedHh);
        }
    }

    /** The rounded W_hh of this backward pass (G × H): the reset-before GRU reads its W_hn rows. */
    float[] weightHh() {
        return roundedHh;
    }

    /** dhPrev (B × H, from dhOff) = dRec (B × G, from dRecOff) · W_hh. */
    void hiddenGradientStep(float[] dRec, int dRecOff, float[] dhPrev, int dhOff, int batch) {
        Gemm.mmPacked(dRec, dRecOff, packedHh, dhPrev, dhOff, batch, false);
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

    /** {@code Σ_r m[off + r·stride + j]} for j < cols over the rows, in float32, into {@code into} (grown if short). */
    private static float[] columnSums(float[] m, int off, int stride, int rows, int cols, float[] into) {
        float[] out = zeros(into, cols);
        Float32Gradients.addColumnSums(m, off, stride, rows, cols, out);
        return out;
    }

    /**
     * Before the blocks of {@link #inputGradient} of a backward pass: W_ih (G × D) rounded and packed, fixed until the
     * pass ends; read from {@code shared} when not null.
     */
    void beginInputGradient(PackedWeights.Floats shared, double[] weightIh64) {
        if (shared != null && shared.packedIh != null) {
            packedIh = shared.packedIh;
        } else {
            weightIh = narrow(weightIh64, 0, gateWidth * inputSize, weightIh, 0);
            packedIh = ownIh = Gemm.pack(weightIh, 0, gateWidth, inputSize, ownIh);
        }
    }

    /** dx (rows × D) = dPre (rows × G) · W_ih for the rows {@code first .. first + rows}. */
    void inputGradient(float[] dPre, float[] dx, int first, int rows) {
        Gemm.mmPacked(dPre, first * gateWidth, packedIh, dx, first * inputSize, rows, false);
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
