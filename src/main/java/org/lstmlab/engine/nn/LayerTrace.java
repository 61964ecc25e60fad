package org.lstmlab.engine.nn;

import java.util.Arrays;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.text.Message;

/**
 * Everything one recurrent layer computed for one batch: the forward cache that backpropagation through time
 * reads, and what the debugger shows. Arrays are time-major, {@code (T, B, width)} flattened; states carry one
 * extra leading step for the initial state ({@code h[0] = h0}, {@code c[0] = c0}). Letters: T steps, B sequences,
 * D input size, H hidden size, G gate blocks.
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
                    cell.id(), Integer.toString(hiddenSize)), ModelSpec.passBytes(cell, hiddenSize, 1, steps, batch) / 2);
        }
        this.steps = steps;
        this.batch = batch;
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

    static double[] fit(double[] a, int n) {
        return a != null && a.length >= n ? a : new double[n];
    }

    public void setInput(SequenceInput input) {
        this.input = input;
    }

    public int steps() {
        return steps;
    }

    public int batch() {
        return batch;
    }

    public SequenceInput input() {
        return input;
    }

    public double[] preact() {
        return preact;
    }

    public double[] hiddenPart() {
        return hiddenPart;
    }

    public double[] gates() {
        return gates;
    }

    public double[] resetHidden() {
        return resetHidden;
    }

    public double[] cellState() {
        return cellStates;
    }

    public double[] tanhCell() {
        return tanhCell;
    }

    public double[] hidden() {
        return hidden;
    }

    /** Offset of {@code h_t} (t = 0..T, where h_0 is the initial state) for sequence b in {@link #hidden()}. */
    public int stateOffset(int t, int b) {
        return (t * batch + b) * hiddenSize;
    }

    /** A copy of the output sequence h_1..h_T, (T, B, H). */
    public double[] outputs() {
        int n = steps * batch * hiddenSize;
        return Arrays.copyOfRange(hidden, batch * hiddenSize, batch * hiddenSize + n);
    }
}
