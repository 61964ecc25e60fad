package org.lstmlab.engine.nn;

import java.util.Arrays;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.text.Message;

/**
 * Everything one recurrent layer computed for one batch: the forward cache that backpropagation through time
 * reads, and what the debugger shows. Arrays are time-major, {@code (T, B, width)} flattened; states carry one
 * extra leading step for the initial state ({@code h[0] = h0}, {@code c[0] = c0}). Letters: T steps, B sequences,
 * D input size, H hidden size, G gate blocks.
 *
 * <p>In the float32 training precision the trace is a second set of float arrays ({@code gatesF} and the others,
 * package-private, which the layers and products read and write directly) and the accessors below return float64
 * copies of them, made on each call.
 *
 * <p>The buffers are reused across batches of the same shape, so training allocates nothing in steady state.
 */
public final class LayerTrace {
    private final CellType cell;
    private final int inputSize;   // D
    private final int hiddenSize;  // H
    private int steps;             // T
    private int batch;             // B

    /** The layer's input (T, B, D): the batch for layer 0, the previous layer's h_1..h_T above it. */
    private SequenceInput input;

    /**
     * Pre-activations (T, B, G·H). LSTM and RNN: {@code W_ih x + b_ih + W_hh h_{t-1} + b_hh}; GRUs: the input part
     * {@code W_ih x + b_ih} only (the recurrent part is {@link #hiddenPart}).
     */
    double[] preact;
    /**
     * GRUs only (T, B, 3H): the recurrent part. GRU: {@code W_hh h_{t-1} + b_hh}, whose n block is multiplied by r.
     * Reset-before GRU: r and z blocks the same, n block {@code W_hn (r ⊙ h_{t-1}) + b_hn}.
     */
    double[] hiddenPart;
    /** Gate activations (T, B, G·H): LSTM i, f, g, o; GRU r, z, n. Unused for the simple RNN. */
    double[] gates;
    /**
     * GRUs only (T, B, H), what the reset gate multiplies. GRU: {@code r ⊙ (W_hn h_{t-1} + b_hn)}, the reset-gated
     * part of n's pre-activation. Reset-before GRU: {@code r ⊙ h_{t-1}}, which W_hn then multiplies.
     */
    double[] resetHidden;
    /** LSTM cell state (T+1, B, H), c[0] = c0. */
    double[] cellStates;
    /** LSTM tanh(c_t) (T, B, H). */
    double[] tanhCell;
    /** Hidden state (T+1, B, H), h[0] = h0; h[1..T] is the layer's output sequence. */
    double[] hidden;

    /**
     * Whether the last pass ran in the float32 training precision: then the trace is the float arrays below and the
     * double arrays above are not kept (the accessors return float64 copies of the float arrays).
     */
    private boolean float32;
    /**
     * float32 (T, B, G·H): each step's pre-activations, replaced by the gates as the step is computed (LSTM i, f, g,
     * o; GRU r, z, n, whose pre-activations here are the input part {@code W_ih x + b_ih}); the simple RNN keeps its
     * pre-activations. Backward reads only the gates, so the pre-activations are not kept.
     */
    float[] gatesF;
    /** float32 GRUs (T, B, 3H): the recurrent part {@code W_hh h_{t-1} + b_hh}, as {@link #hiddenPart}. */
    float[] hiddenPartF;
    /** float32 reset-before GRU (T, B, H): {@code r ⊙ h_{t-1}}, as {@link #resetHidden}. */
    float[] resetHiddenF;
    /** float32 LSTM (T+1, B, H), c[0] = c0. */
    float[] cellStatesF;
    /** float32 LSTM tanh(c_t) (T, B, H). */
    float[] tanhCellF;
    /** float32 (T+1, B, H), h[0] = h0. */
    float[] hiddenF;
    /** float32 dense input (T, B, D) of layer 0, rounded from the batch once per pass; null for one-hot input. */
    float[] inputF;
    /** Where this pass's float32 input is: {@link #inputF}, or the layer below's {@link #hiddenF}; and from where. */
    float[] inputData;
    int inputOffset;
    /** This pass's one-hot input of layer 0 (T·B token ids), or null. */
    int[] inputTokens;

    public LayerTrace(CellType cell, int inputSize, int hiddenSize) {
        this.cell = cell;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    /** Sizes the buffers for T steps of B sequences, reusing them when they are large enough. */
    public void ensure(int steps, int batch) {
        long biggest = MemoryBudget.product((long) steps + 1, batch, (long) cell.gateCount() * hiddenSize);
        if (biggest < 0 || biggest > Integer.MAX_VALUE - 8) {
            throw org.lstmlab.engine.text.Refusal.of("engine.memory.traceArray", Integer.toString(steps),
                    Integer.toString(batch), Integer.toString(hiddenSize), biggest < 0
                            ? Message.of("engine.memory.tooMany") : Message.verbatim(Long.toString(biggest)));
        }
        if (preact == null || preact.length < steps * batch * cell.gateCount() * hiddenSize) {
            MemoryBudget.check(Message.of("engine.memory.trace", Integer.toString(steps), Integer.toString(batch),
                    cell.id(), Integer.toString(hiddenSize)),
                    ModelSpec.passBytes(cell, hiddenSize, 1, steps, batch) / 2);
        }
        this.steps = steps;
        this.batch = batch;
        if (float32) {
            float32 = false;
            gatesF = null;
            hiddenPartF = null;
            resetHiddenF = null;
            cellStatesF = null;
            tanhCellF = null;
            hiddenF = null;
            inputF = null;
            inputData = null;
            inputTokens = null;
        }
        int g = cell.gateCount() * hiddenSize;
        int tbh = steps * batch * hiddenSize;
        int sbh = (steps + 1) * batch * hiddenSize;
        preact = fit(preact, steps * batch * g);
        hidden = fit(hidden, sbh);
        if (cell.hasCellState()) {
            gates = fit(gates, steps * batch * g);
            cellStates = fit(cellStates, sbh);
            tanhCell = fit(tanhCell, tbh);
        } else if (cell.isGru()) {
            gates = fit(gates, steps * batch * g);
            hiddenPart = fit(hiddenPart, steps * batch * g);
            resetHidden = fit(resetHidden, tbh);
        }
    }

    /**
     * Sizes the float32 buffers for T steps of B sequences (the float32 training precision), reusing them when they
     * are large enough, and lets go of the float64 ones: from now on the accessors return float64 copies.
     */
    void ensureFloat(int steps, int batch) {
        long biggest = MemoryBudget.product((long) steps + 1, batch, (long) cell.gateCount() * hiddenSize);
        if (biggest < 0 || biggest > Integer.MAX_VALUE - 8) {
            throw org.lstmlab.engine.text.Refusal.of("engine.memory.traceArray", Integer.toString(steps),
                    Integer.toString(batch), Integer.toString(hiddenSize), biggest < 0
                            ? Message.of("engine.memory.tooMany") : Message.verbatim(Long.toString(biggest)));
        }
        if (gatesF == null || gatesF.length < steps * batch * cell.gateCount() * hiddenSize) {
            MemoryBudget.check(Message.of("engine.memory.trace", Integer.toString(steps), Integer.toString(batch),
                    cell.id(), Integer.toString(hiddenSize)),
                    ModelSpec.passBytes(cell, hiddenSize, 1, steps, batch, Precision.FLOAT32) / 2);
        }
        this.steps = steps;
        this.batch = batch;
        this.float32 = true;
        preact = null;
        hiddenPart = null;
        gates = null;
        resetHidden = null;
        cellStates = null;
        tanhCell = null;
        hidden = null;
        int g = cell.gateCount() * hiddenSize;
        int tbh = steps * batch * hiddenSize;
        int sbh = (steps + 1) * batch * hiddenSize;
        gatesF = fit(gatesF, steps * batch * g);
        hiddenF = fit(hiddenF, sbh);
        if (cell.hasCellState()) {
            cellStatesF = fit(cellStatesF, sbh);
            tanhCellF = fit(tanhCellF, tbh);
        } else if (cell.isGru()) {
            hiddenPartF = fit(hiddenPartF, steps * batch * g);
            if (cell == CellType.GRU_RESET_BEFORE) {
                resetHiddenF = fit(resetHiddenF, tbh);
            }
        }
    }

    /** Whether the last pass ran in float32 (the float arrays hold the trace). */
    boolean isFloat32() {
        return float32;
    }

    /** The float32 dense input buffer of layer 0, (T, B, D), grown when needed. */
    float[] inputBuffer(int n) {
        inputF = fit(inputF, n);
        return inputF;
    }

    static float[] fit(float[] a, int n) {
        return a != null && a.length >= n ? a : new float[n];
    }

    /** A float64 copy of the first n values of a float32 array (null stays null). */
    static double[] widened(float[] a, int from, int n) {
        if (a == null) {
            return null;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[from + i];
        }
        return out;
    }

    static double[] fit(double[] a, int n) {
        return a != null && a.length >= n ? a : new double[n];
    }

    public void setInput(SequenceInput input) {
        this.input = input;
    }

    public int steps() {
        return steps;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int batch() {
        return batch;
    }

    public SequenceInput input() {
        return input;
    }

    /**
     * The pre-activations (T, B, G·H); null after a float32 pass, which replaces them with the gates (except the
     * simple RNN's, which it keeps: then a float64 copy).
     */
    public double[] preact() {
        if (float32) {
            return cell.isSimpleRnn() ? widened(gatesF, 0, steps * batch * hiddenSize) : null;
        }
        return preact;
    }

    /** GRUs: the recurrent part (T, B, 3H); after a float32 pass a float64 copy. */
    public double[] hiddenPart() {
        return float32 ? widened(hiddenPartF, 0, steps * batch * 3 * hiddenSize) : hiddenPart;
    }

    /** The gates (T, B, G·H), unused for the simple RNN; after a float32 pass a float64 copy. */
    public double[] gates() {
        if (float32) {
            return cell.isSimpleRnn() ? null : widened(gatesF, 0, steps * batch * cell.gateCount() * hiddenSize);
        }
        return gates;
    }

    /**
     * GRUs: what the reset gate multiplies (T, B, H); after a float32 pass a float64 copy for the reset-before GRU,
     * null for the GRU (whose float32 backward does not need it).
     */
    public double[] resetHidden() {
        return float32 ? widened(resetHiddenF, 0, steps * batch * hiddenSize) : resetHidden;
    }

    /** LSTM cell states (T+1, B, H); after a float32 pass a float64 copy. */
    public double[] cellState() {
        return float32 ? widened(cellStatesF, 0, (steps + 1) * batch * hiddenSize) : cellStates;
    }

    /** LSTM tanh(c_t) (T, B, H); after a float32 pass a float64 copy. */
    public double[] tanhCell() {
        return float32 ? widened(tanhCellF, 0, steps * batch * hiddenSize) : tanhCell;
    }

    /** Hidden states (T+1, B, H); after a float32 pass a float64 copy. */
    public double[] hidden() {
        return float32 ? widened(hiddenF, 0, (steps + 1) * batch * hiddenSize) : hidden;
    }

    /** Offset of {@code h_t} (t = 0..T, where h_0 is the initial state) for sequence b in {@link #hidden()}. */
    public int stateOffset(int t, int b) {
        return (t * batch + b) * hiddenSize;
    }

    /** A copy of the output sequence h_1..h_T, (T, B, H). */
    public double[] outputs() {
        int n = steps * batch * hiddenSize;
        if (float32) {
            return widened(hiddenF, batch * hiddenSize, n);
        }
        return Arrays.copyOfRange(hidden, batch * hiddenSize, batch * hiddenSize + n);
    }
}
