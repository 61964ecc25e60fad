package org.lstmlab.engine.nn;

import java.util.List;

import org.lstmlab.engine.math.Precision;

/**
 * One recurrent layer in PyTorch's parameter layout. What every cell shares lives here: the input projection, one
 * recurrent product per step, and the weight and input gradients, the first and the last as one product per block
 * of steps (in float64 next to the block's steps, so that its rows are in cache; in float32 over all timesteps).
 * What differs, the element-wise equations of one step forward and backward, sits side by side in each cell's
 * class.
 *
 * <p>Letters: T steps, B sequences, D input size, H hidden size, G gate blocks (LSTM 4, GRU 3, RNN 1).
 */
public abstract sealed class RecurrentLayer permits LstmLayer, GruLayer, RnnLayer {
    protected final CellType cell;
    protected final int inputSize;   // D
    protected final int hiddenSize;  // H
    protected final int gateWidth;   // G·H

    protected final Param weightIh;  // W_ih (G·H × D)
    protected final Param weightHh;  // W_hh (G·H × H)
    protected final Param biasIh;    // b_ih (G·H)
    protected final Param biasHh;    // b_hh (G·H)

    private double[] weightIhT = new double[0];  // W_ihᵀ (D × G·H), refreshed at each forward
    private double[] weightHhT = new double[0];  // W_hhᵀ (H × G·H)
    private double[] gradIhT = new double[0];    // dW_ihᵀ (D × G·H) while one-hot gradients are summed
    private final double[] inputBiasRow;         // (G·H) the bias added with the input projection
    private final Float64Products products;      // the matrix products in float64
    private Float32Products floats;              // in the float32 training precision: its products; else null
    private Float32Gradients floatGradients;     // and its weight and bias gradients; else null
    private PackedWeights sharedPacks;           // packs a trainer prepares for all replicas, or null
    private final List<Param> parameters;        // weight_ih, weight_hh, bias_ih, bias_hh

    protected RecurrentLayer(CellType cell, int layerIndex, int inputSize, int hiddenSize) {
        this(cell, inputSize, hiddenSize,
                new Param("weight_ih_l" + layerIndex, cell.gateCount() * hiddenSize, inputSize),
                new Param("weight_hh_l" + layerIndex, cell.gateCount() * hiddenSize, hiddenSize),
                new Param("bias_ih_l" + layerIndex, cell.gateCount() * hiddenSize),
                new Param("bias_hh_l" + layerIndex, cell.gateCount() * hiddenSize));
    }

    protected RecurrentLayer(CellType cell, int inputSize, int hiddenSize,
                             Param weightIh, Param weightHh, Param biasIh, Param biasHh) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("input and hidden size must be positive, got D=" + inputSize
                    + " H=" + hiddenSize);
        }
        this.cell = cell;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateWidth = cell.gateCount() * hiddenSize;
        this.weightIh = weightIh;
        this.weightHh = weightHh;
        this.biasIh = biasIh;
        this.biasHh = biasHh;
        this.inputBiasRow = new double[gateWidth];
        this.products = new Float64Products(inputSize, hiddenSize, gateWidth);
        this.parameters = List.of(weightIh, weightHh, biasIh, biasHh);
    }

    /** A new layer of the given cell type, index k (for the parameter names), input size D and hidden size H. */
    public static RecurrentLayer create(CellType cell, int layerIndex, int inputSize, int hiddenSize) {
        return switch (cell) {
            case LSTM, LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> new LstmLayer(cell, layerIndex, inputSize, hiddenSize);
            case GRU, GRU_RESET_BEFORE -> new GruLayer(cell, layerIndex, inputSize, hiddenSize);
            case RNN_TANH, RNN_RELU -> new RnnLayer(cell, layerIndex, inputSize, hiddenSize);
        };
    }

    /** The same layer sharing these parameter values, with gradients of its own (for a data-parallel worker). */
    public abstract RecurrentLayer replica();

    public CellType cell() {
        return cell;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** weight_ih, weight_hh, bias_ih, bias_hh: PyTorch's order. */
    public List<Param> parameters() {
        return parameters;
    }

    public Param weightIh() {
        return weightIh;
    }

    public Param weightHh() {
        return weightHh;
    }

    public Param biasIh() {
        return biasIh;
    }

    public Param biasHh() {
        return biasHh;
    }

    /** Reads {@code packs} instead of packing its own weights whenever they are active (a trainer's replicas). */
    void useSharedPacks(PackedWeights packs) {
        this.sharedPacks = packs;
    }

    /** The packs shared by a trainer's replicas while they are active (prepared once for all of them), else null. */
    private PackedWeights activePacks() {
        return sharedPacks != null && sharedPacks.active() ? sharedPacks : null;
    }

    private PackedWeights.Floats activeFloatPacks() {
        return sharedPacks != null && sharedPacks.active() ? sharedPacks.floats() : null;
    }

    /** The precision this layer computes in (float64 unless set). */
    public Precision precision() {
        return floats != null ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    /**
     * Sets the precision the layer computes in. Float64 is the default and what the debugger and the reference
     * cases use. Float32, a training speed option, computes the whole pass in float32 (the trace, the cell
     * equations, the products and the gradients that flow back through time, {@link LayerTrace}'s and
     * {@link LayerGrads}' float arrays) and keeps only the parameters, their gradients and the optimizer in float64.
     */
    public void setPrecision(Precision precision) {
        if (precision != precision()) {
            floats = precision == Precision.FLOAT32 ? new Float32Products(inputSize, hiddenSize, gateWidth) : null;
            floatGradients = floats != null ? new Float32Gradients(inputSize, hiddenSize, gateWidth) : null;
        }
    }

    public LayerTrace newTrace() {
        return new LayerTrace(cell, inputSize, hiddenSize);
    }

    public LayerGrads newGrads() {
        return new LayerGrads(cell, inputSize, hiddenSize);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Forward

    /**
     * Runs the layer over the input and fills the trace.
     *
     * @param h0 initial hidden state (B × H) at {@code h0Off}, or null for zeros
     * @param c0 initial cell state (B × H) at {@code c0Off} (LSTM only), or null for zeros
     */
    public final void forward(SequenceInput in, double[] h0, int h0Off, double[] c0, int c0Off, LayerTrace tr) {
        if (in.size() != inputSize) {
            throw new IllegalArgumentException("layer expects input size " + inputSize + ", got " + in.size());
        }
        if (floats != null) {
            float[] x = null;
            if (!in.isOneHot()) {
                int n = in.steps() * in.batch() * inputSize;
                x = tr.inputBuffer(n);
                Float32Products.narrow(in.dense(), in.offset(), n, x, 0);
            }
            forwardFloat(in, in.steps(), in.batch(), in.isOneHot() ? in.tokens() : null, x, 0, h0, h0Off, c0, c0Off,
                    tr);
            return;
        }
        int steps = in.steps();
        int batch = in.batch();
        tr.ensure(steps, batch);
        tr.setInput(in);
        PackedWeights shared = activePacks();
        double[] ihT;
        if (shared != null) {  // prepared once for every replica of this training step
            products.useForward(shared.ihT(), shared.hhT());
            ihT = shared.weightIhT();
        } else {
            refreshTransposes();
            if (!in.isOneHot()) {
                products.beginInputProjection(weightIhT);
            }
            products.beginForward(weightHhT);
            ihT = weightIhT;
        }

        double[] preact = tr.preact();
        fillInputBias(inputBiasRow);

        int bh = batch * hiddenSize;
        Rows.copyOrZero(h0, h0Off, tr.hidden(), 0, bh);
        if (cell.hasCellState()) {
            Rows.copyOrZero(c0, c0Off, tr.cellState(), 0, bh);
        }
        beforeSteps(tr);
        int blockSteps = products.blockSteps(steps, batch);
        for (int t = 0; t < steps; t++) {
            if (t % blockSteps == 0) {
                // The input projection of the next block of steps, just before the steps read it (from cache):
                // preact[t,b,:] = W_ih x_t + b_ih (+ b_hh for LSTM/RNN). Each row's sums are those of one product
                // over all rows.
                int first = t * batch;
                int rows = Math.min(blockSteps, steps - t) * batch;
                Rows.fillRows(preact, first * gateWidth, rows, inputBiasRow);
                if (in.isOneHot()) {
                    Rows.gatherRows(in.tokens(), first, rows, ihT, preact, gateWidth);
                } else {
                    products.inputProjection(in, preact, first, rows);
                }
            }
            double[] target = recurrentTarget(tr, t);
            int targetOff = t * batch * gateWidth;
            if (t > 0 || h0 != null) {  // W_hh h_{-1} adds nothing when the start state is zeros
                products.recurrentStep(tr.hidden(), t * bh, target, targetOff, batch);
            }
            stepForward(tr, t);
        }
    }

    /** Writes the bias added with the input projection: b_ih + b_hh for LSTM and RNN, b_ih for the GRU. */
    protected abstract void fillInputBias(double[] row);

    /**
     * Where the recurrent product {@code W_hh h_{t-1}} of step t is accumulated: the pre-activations for LSTM and
     * RNN; for the GRU a separate buffer that the method first fills with b_hh.
     */
    protected abstract double[] recurrentTarget(LayerTrace tr, int t);

    /** The element-wise equations of step t: reads pre-activations and state t, writes gates and state t+1. */
    protected abstract void stepForward(LayerTrace tr, int t);

    /** Hook before the first step of a forward pass, after the weights were read: the reset-before GRU's W_hnᵀ. */
    protected void beforeSteps(LayerTrace tr) {
    }

    /**
     * The forward pass in the float32 precision, on the trace's float arrays: the input is the float32 array
     * {@code x} (T, B, D) from {@code xOff} (layer 0's rounded batch, or the hidden states of the layer below), or
     * one-hot {@code tokens}; {@code in} is layer 0's batch (kept in the trace), null above.
     */
    final void forwardFloat(SequenceInput in, int steps, int batch, int[] tokens, float[] x, int xOff, double[] h0,
                            int h0Off, double[] c0, int c0Off, LayerTrace tr) {
        tr.ensureFloat(steps, batch);
        tr.setInput(in);
        tr.inputTokens = tokens;
        tr.inputData = x;
        tr.inputOffset = xOff;
        float[] preact = tr.gatesF;
        fillInputBias(inputBiasRow);
        floats.beginForward(activeFloatPacks(), weightIh.data(), weightHh.data(), inputBiasRow, tokens);
        int bh = batch * hiddenSize;
        Float32Products.narrowOrZero(h0, h0Off, tr.hiddenF, 0, bh);
        if (cell.hasCellState()) {
            Float32Products.narrowOrZero(c0, c0Off, tr.cellStatesF, 0, bh);
        }
        beforeStepsFloat(tr);
        int blockSteps = floatGradients.blockSteps(steps, batch);
        for (int t = 0; t < steps; t++) {
            if (t % blockSteps == 0) {  // as in float64: the input projection of a block just before its steps
                floats.inputRows(tokens, x, xOff, preact, t * batch, Math.min(blockSteps, steps - t) * batch);
            }
            float[] target = recurrentTargetFloat(tr, t);
            if (t > 0 || h0 != null) {  // W_hh h_{-1} adds nothing when the start state is zeros
                floats.recurrentStep(tr.hiddenF, t * bh, target, t * batch * gateWidth, batch);
            }
            stepForwardFloat(tr, t);
        }
    }

    /** {@link #recurrentTarget} of the float32 trace. */
    protected abstract float[] recurrentTargetFloat(LayerTrace tr, int t);

    /** {@link #stepForward} on the float32 trace: the pre-activations of step t become its gates. */
    protected abstract void stepForwardFloat(LayerTrace tr, int t);

    /** {@link #beforeSteps} of a float32 pass. */
    protected void beforeStepsFloat(LayerTrace tr) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Backward

    /**
     * Backpropagation through time. Accumulates the parameter gradients and fills the gradient trace.
     *
     * @param dy     dL/dh_t from above for every step, (T, B, H) at {@code dyOff}; null means zero
     * @param dhLast dL/dh_T through the final state (B × H), or null
     * @param dcLast dL/dc_T through the final cell state (B × H), or null
     * @param needDx whether to compute dL/dx (stacked layers and input gradients need it)
     */
    public final void backward(LayerTrace tr, double[] dy, int dyOff, double[] dhLast, double[] dcLast,
                               boolean needDx, LayerGrads gr) {
        if (tr.isFloat32()) {
            gr.ensureFloat(tr.steps(), tr.batch());
            Float32Products.narrowOrZero(dy, dyOff, gr.fromAboveF, 0, tr.steps() * tr.batch() * hiddenSize);
            backwardFloat(tr, null, 0, dhLast, dcLast, needDx, gr);
            return;
        }
        int steps = tr.steps();
        int batch = tr.batch();
        int bh = batch * hiddenSize;
        gr.ensure(steps, batch);
        Rows.copyOrZero(dy, dyOff, gr.fromAbove(), 0, steps * bh);
        Rows.copyOrZero(dhLast, 0, gr.dhLast(), 0, bh);
        Rows.copyOrZero(dcLast, 0, gr.dcLast(), 0, bh);
        double[] dhNext = gr.dhLast();
        double[] dcNext = gr.dcLast();
        int nextOff = 0;
        double[] dRec = recurrentGradient(gr);
        double[] dPre = gr.dPreact();
        SequenceInput in = tr.input();
        if (needDx && in.isOneHot()) {
            throw new IllegalStateException("no input gradient for one-hot input");
        }
        double[] gradBiasIh = biasIh.gradData();
        double[] gradBiasHh = biasHh.gradData();
        // LSTM and RNN: b_ih and b_hh enter the same pre-activation, so from equal start values (zeros after
        // zeroGrad) their gradients are the same sums: computed once, copied (the same bits as summing twice)
        boolean sharedBias = dRec == dPre && Rows.sameBits(gradBiasIh, gradBiasHh);
        PackedWeights shared = activePacks();
        if (shared != null) {  // prepared once for every replica of this training step
            products.useBackward(shared.hh(), shared.ih());
        } else {
            products.beginBackward(weightHh.data());
        }
        if (needDx && (shared == null || shared.ih() == null)) {
            products.beginInputGradient(weightIh.data());
        }
        int blockSteps = products.blockSteps(steps, batch);
        int blockEnd = steps;
        for (int t = steps - 1; t >= 0; t--) {
            stepBackward(tr, gr, t, dhNext, nextOff, dcNext, nextOff);
            // dL/dh_{t-1} = W_hhᵀ · (gradient of the recurrent pre-activation), plus the GRU's direct path.
            products.hiddenGradientStep(dRec, t * batch * gateWidth, gr.dhPrev(), t * bh, batch);
            afterRecurrentGradient(tr, gr, t);
            dhNext = gr.dhPrev();
            dcNext = gr.dcPrev();
            nextOff = t * bh;
            if (t % blockSteps == 0) {
                // The parameter and input gradients of steps t..blockEnd-1, while their gradients are in cache.
                int first = t * batch;
                int rows = (blockEnd - t) * batch;
                boolean biasAdded = products.weightGradients(dPre, dRec, in, tr.hidden(), weightIh.gradData(),
                        weightHh.gradData(), first, rows, sharedBias ? gradBiasIh : null);
                if (!biasAdded) {
                    Rows.addColumnSums(dPre, first * gateWidth, rows, gateWidth, gradBiasIh);
                }
                if (!sharedBias) {
                    Rows.addColumnSums(dRec, first * gateWidth, rows, gateWidth, gradBiasHh);
                }
                if (needDx) {
                    products.inputGradient(dPre, gr.dx(), first, rows);
                }
                blockEnd = t;
            }
        }
        if (sharedBias) {
            System.arraycopy(gradBiasIh, 0, gradBiasHh, 0, gateWidth);
        }
        if (in.isOneHot()) {
            gradIhT = Rows.scatterAddColumns(in.tokens(), steps * batch, dPre, weightIh.gradData(), inputSize,
                    gradIhT);
        }
        addOtherWeightGradients(tr, gr);
    }

    /** The gradient of the recurrent pre-activation: dPreact for LSTM and RNN, dHiddenPart for the GRUs. */
    protected abstract double[] recurrentGradient(LayerGrads gr);

    /**
     * Backpropagation through time in the float32 precision, after {@link #forwardFloat}, on the float arrays of
     * the trace and of {@code gr}: {@code dy} (T, B, H) from {@code dyOff} is the float32 gradient from above, or
     * null or {@code gr.fromAboveF} itself when that holds it already (sized by {@link LayerGrads#ensureFloat}).
     */
    final void backwardFloat(LayerTrace tr, float[] dy, int dyOff, double[] dhLast, double[] dcLast,
                             boolean needDx, LayerGrads gr) {
        int steps = tr.steps();
        int batch = tr.batch();
        int bh = batch * hiddenSize;
        if (dy != null && dy != gr.fromAboveF) {
            gr.ensureFloat(steps, batch);
            System.arraycopy(dy, dyOff, gr.fromAboveF, 0, steps * bh);
        }
        Float32Products.narrowOrZero(dhLast, 0, gr.dhLastF, 0, bh);
        Float32Products.narrowOrZero(dcLast, 0, gr.dcLastF, 0, bh);
        float[] dhNext = gr.dhLastF;
        float[] dcNext = gr.dcLastF;
        int nextOff = 0;
        float[] dRec = recurrentGradientFloat(gr);
        float[] dPre = gr.dPreactF;
        int[] tokens = tr.inputTokens;
        if (needDx && tokens != null) {
            throw new IllegalStateException("no input gradient for one-hot input");
        }
        PackedWeights.Floats shared = activeFloatPacks();
        floats.beginBackward(shared, weightHh.data());
        if (needDx) {
            floats.beginInputGradient(shared, weightIh.data());
        }
        floatGradients.begin(tokens == null, dRec == dPre ? gateWidth : sharedGradientColumns());
        int blockSteps = floatGradients.blockSteps(steps, batch);
        int blockEnd = steps;
        for (int t = steps - 1; t >= 0; t--) {
            stepBackwardFloat(tr, gr, t, dhNext, nextOff, dcNext, nextOff);
            floats.hiddenGradientStep(dRec, t * batch * gateWidth, gr.dhPrevF, t * bh, batch);
            afterRecurrentGradientFloat(tr, gr, t);
            dhNext = gr.dhPrevF;
            dcNext = gr.dcPrevF;
            nextOff = t * bh;
            if (t % blockSteps == 0) {  // as in float64: the block's gradients while its rows are in cache
                int rows = (blockEnd - t) * batch;
                floatGradients.addBlock(dPre, dRec, tr.inputData, tr.inputOffset, tr.hiddenF, t * batch, rows);
                if (needDx) {
                    floats.inputGradient(dPre, gr.dxF, t * batch, rows);
                }
                blockEnd = t;
            }
        }
        if (tokens != null) {
            floats.addOneHotGradient(tokens, steps * batch, dPre, weightIh.gradData());
        }
        floatGradients.end(weightIh.gradData(), weightHh.gradData(), biasIh.gradData(), biasHh.gradData());
        addOtherWeightGradientsFloat(tr, gr);
    }

    /**
     * How many leading columns of the recurrent pre-activation's gradient equal those of the input part's, when they
     * are two arrays (GRUs: the r and z blocks); see {@link Float32Gradients}.
     */
    protected int sharedGradientColumns() {
        return 0;
    }

    /** The float32 products of this layer (float32 precision only). */
    final Float32Products floatProducts() {
        return floats;
    }

    /** {@link #recurrentGradient} of the float32 gradients. */
    protected abstract float[] recurrentGradientFloat(LayerGrads gr);

    /** {@link #stepBackward} on the float32 trace and gradients. */
    protected abstract void stepBackwardFloat(LayerTrace tr, LayerGrads gr, int t, float[] dhNext, int dhNextOff,
                                              float[] dcNext, int dcNextOff);

    /** {@link #afterRecurrentGradient} of a float32 pass. */
    protected void afterRecurrentGradientFloat(LayerTrace tr, LayerGrads gr, int t) {
    }

    /** {@link #addOtherWeightGradients} of a float32 pass. */
    protected void addOtherWeightGradientsFloat(LayerTrace tr, LayerGrads gr) {
    }

    /**
     * The element-wise backward equations of step t: from dL/dh_t (from above plus {@code dhNext}) and, for the
     * LSTM, {@code dcNext}, computes the pre-activation gradients and dL/dc_{t-1}.
     */
    protected abstract void stepBackward(LayerTrace tr, LayerGrads gr, int t, double[] dhNext, int dhNextOff,
                                         double[] dcNext, int dcNextOff);

    /** Hook after dh_{t-1} = W_hhᵀ·da: the GRU adds its direct path z ⊙ dh_t. */
    protected void afterRecurrentGradient(LayerTrace tr, LayerGrads gr, int t) {
    }

    /**
     * Hook after δW_hh = Σ_t δã_t h_{t-1}ᵀ and δb_hh = Σ_t δã_t: what a cell multiplies by something other than
     * h_{t-1} (the reset-before GRU's n rows, which multiply r_t ⊙ h_{t-1}).
     */
    protected void addOtherWeightGradients(LayerTrace tr, LayerGrads gr) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers shared by the cells

    private void refreshTransposes() {
        weightIhT = Rows.transpose(weightIh.data(), gateWidth, inputSize, weightIhT);
        weightHhT = Rows.transpose(weightHh.data(), gateWidth, hiddenSize, weightHhT);
    }

    /** row = b_ih + b_hh. */
    protected final void sumBiases(double[] row) {
        double[] bi = biasIh.data();
        double[] bh = biasHh.data();
        for (int j = 0; j < row.length; j++) {
            row[j] = bi[j] + bh[j];
        }
    }
}
