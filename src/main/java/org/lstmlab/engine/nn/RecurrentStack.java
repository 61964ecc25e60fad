package org.lstmlab.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.text.Message;

/**
 * Any number of recurrent layers of one cell type, each reading the hidden states of the one below, as PyTorch's
 * {@code nn.LSTM(input_size, hidden_size, num_layers)}. Owns the per-layer traces, which are reused batch after
 * batch; initial and final states are {@code (L, B, H)}.
 */
public final class RecurrentStack {
    private final CellType cell;
    private final int inputSize;
    private final int hiddenSize;
    private final List<RecurrentLayer> layers;
    private final List<LayerTrace> traces = new ArrayList<>();
    private final List<LayerGrads> grads = new ArrayList<>();
    private final List<Param> parameters;
    private final SequenceInput[] layerInputs;  // what layer k + 1 reads, reused while its shape stays

    public RecurrentStack(CellType cell, int inputSize, int hiddenSize, int numLayers) {
        this(buildLayers(cell, inputSize, hiddenSize, numLayers));
    }

    private RecurrentStack(List<RecurrentLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.cell = layers.get(0).cell();
        this.inputSize = layers.get(0).inputSize();
        this.hiddenSize = layers.get(0).hiddenSize();
        List<Param> all = new ArrayList<>();
        for (RecurrentLayer layer : this.layers) {
            traces.add(layer.newTrace());
            grads.add(layer.newGrads());
            all.addAll(layer.parameters());
        }
        this.parameters = Collections.unmodifiableList(all);
        this.layerInputs = new SequenceInput[this.layers.size()];
    }

    private static List<RecurrentLayer> buildLayers(CellType cell, int inputSize, int hiddenSize, int numLayers) {
        ModelSpec.checkSizes(inputSize, hiddenSize, numLayers);
        MemoryBudget.check(Message.of("engine.memory.stackWeights", cell.id(), numLayers,
                Integer.toString(hiddenSize), Integer.toString(inputSize)), ModelSpec.stackBytes(cell, inputSize,
                hiddenSize, numLayers));
        List<RecurrentLayer> list = new ArrayList<>();
        for (int k = 0; k < numLayers; k++) {
            list.add(RecurrentLayer.create(cell, k, k == 0 ? inputSize : hiddenSize, hiddenSize));
        }
        return list;
    }

    /** A stack with its own copy of every weight (float64 products, fresh traces): what an editor keeps. */
    public RecurrentStack copy() {
        RecurrentStack c = new RecurrentStack(cell, inputSize, hiddenSize, layers.size());
        c.setWeights(parameters.stream().map(Param::data).toList());
        return c;
    }

    /** Every weight's values, copied, in {@link #parameters()} order. */
    public List<double[]> weightValues() {
        return Param.valuesOf(parameters);
    }

    /** Overwrites every weight with {@code values}, in {@link #parameters()} order; counts and sizes are checked. */
    public void setWeights(List<double[]> values) {
        Param.setValues(parameters, values);
    }

    /** A stack sharing these parameter values with gradients and traces of its own. */
    public RecurrentStack replica() {
        List<RecurrentLayer> copies = new ArrayList<>();
        for (RecurrentLayer layer : layers) {
            RecurrentLayer copy = layer.replica();
            copy.setPrecision(layer.precision());
            copies.add(copy);
        }
        return new RecurrentStack(copies);
    }

    public CellType cell() {
        return cell;
    }

    /** The precision the layers compute in ({@link RecurrentLayer#setPrecision}). */
    public Precision precision() {
        return layers.get(0).precision();
    }

    /** Sets every layer's precision (see {@link RecurrentLayer#setPrecision}). */
    public void setPrecision(Precision precision) {
        for (RecurrentLayer layer : layers) {
            layer.setPrecision(precision);
        }
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int numLayers() {
        return layers.size();
    }

    public List<RecurrentLayer> layers() {
        return layers;
    }

    public RecurrentLayer layer(int k) {
        return layers.get(k);
    }

    /** All parameters, layer by layer in PyTorch's order. */
    public List<Param> parameters() {
        return parameters;
    }

    /** The forward trace of layer k from the last {@link #forward}. */
    public LayerTrace trace(int k) {
        return traces.get(k);
    }

    /** The gradient trace of layer k from the last {@link #backward}. */
    public LayerGrads grads(int k) {
        return grads.get(k);
    }

    /**
     * Runs every layer. {@code h0} and {@code c0} are {@code (L, B, H)} or null for zeros.
     * The top layer's outputs are {@code trace(L-1).hidden()} from offset {@code B·H}.
     */
    public void forward(SequenceInput in, double[] h0, double[] c0) {
        int bh = in.batch() * hiddenSize;
        if (precision() == Precision.FLOAT32) {  // each layer reads the float32 hidden states of the one below
            layers.get(0).forward(in, h0, 0, c0, 0, traces.get(0));
            for (int k = 1; k < layers.size(); k++) {
                layers.get(k).forwardFloat(null, in.steps(), in.batch(), null, traces.get(k - 1).hiddenF, bh, h0,
                        k * bh, c0, k * bh, traces.get(k));
            }
            return;
        }
        SequenceInput layerIn = in;
        for (int k = 0; k < layers.size(); k++) {
            LayerTrace tr = traces.get(k);
            layers.get(k).forward(layerIn, h0, k * bh, c0, k * bh, tr);
            SequenceInput next = layerInputs[k];
            if (next == null || next.dense() != tr.hidden() || next.offset() != bh || next.steps() != in.steps()
                    || next.batch() != in.batch()) {
                next = SequenceInput.dense(tr.hidden(), bh, in.steps(), in.batch(), hiddenSize);
                layerInputs[k] = next;
            }
            layerIn = next;
        }
    }

    /**
     * Backpropagation through time through every layer, top to bottom, after {@link #forward}.
     *
     * @param dy        dL/d(output) of the top layer, (T, B, H), or null
     * @param dhN       dL/dh_n (L, B, H), or null
     * @param dcN       dL/dc_n (L, B, H) (LSTM), or null
     * @param inputGrad whether to compute dL/dx of the input ({@code grads(0).dx()})
     */
    public void backward(double[] dy, double[] dhN, double[] dcN, boolean inputGrad) {
        if (traces.get(0).isFloat32()) {
            backwardFloat(null, dy, dhN, dcN, inputGrad);
            return;
        }
        int top = layers.size() - 1;
        int bh = traces.get(0).batch() * hiddenSize;
        double[] upper = dy;
        for (int k = top; k >= 0; k--) {
            double[] dhLast = dhN == null ? null : java.util.Arrays.copyOfRange(dhN, k * bh, (k + 1) * bh);
            double[] dcLast = dcN == null ? null : java.util.Arrays.copyOfRange(dcN, k * bh, (k + 1) * bh);
            LayerGrads g = grads.get(k);
            layers.get(k).backward(traces.get(k), upper, 0, dhLast, dcLast, k > 0 || inputGrad, g);
            upper = g.dx();
        }
    }

    /**
     * {@link #backward} after a float32 forward pass: the gradient from above is the float32 {@code dyF} (T, B, H),
     * or when that is null the float64 {@code dy} (or zeros); each layer below gets the float32 dx of the one above.
     */
    void backwardFloat(float[] dyF, double[] dy, double[] dhN, double[] dcN, boolean inputGrad) {
        int top = layers.size() - 1;
        int bh = traces.get(0).batch() * hiddenSize;
        for (int k = top; k >= 0; k--) {
            double[] dhLast = dhN == null ? null : java.util.Arrays.copyOfRange(dhN, k * bh, (k + 1) * bh);
            double[] dcLast = dcN == null ? null : java.util.Arrays.copyOfRange(dcN, k * bh, (k + 1) * bh);
            RecurrentLayer layer = layers.get(k);
            boolean needDx = k > 0 || inputGrad;
            if (k < top) {
                layer.backwardFloat(traces.get(k), grads.get(k + 1).dxF, 0, dhLast, dcLast, needDx, grads.get(k));
            } else if (dyF != null) {
                layer.backwardFloat(traces.get(k), dyF, 0, dhLast, dcLast, needDx, grads.get(k));
            } else {
                layer.backward(traces.get(k), dy, 0, dhLast, dcLast, needDx, grads.get(k));
            }
        }
    }

    /**
     * After a float32 forward pass: the top layer's float32 buffer for the gradient of its outputs (T, B, H), for the
     * head to write into; {@link #backwardFloat} given this very array copies nothing.
     */
    float[] topGradientBuffer() {
        int top = layers.size() - 1;
        LayerTrace tr = traces.get(top);
        LayerGrads g = grads.get(top);
        g.ensureFloat(tr.steps(), tr.batch());
        return g.fromAboveF;
    }

    /** h_n: the last hidden state of every layer, (L, B, H). */
    public double[] finalHidden() {
        return finalStates(false);
    }

    /** c_n: the last cell state of every layer, (L, B, H) (LSTM). */
    public double[] finalCell() {
        return finalStates(true);
    }

    private double[] finalStates(boolean cellStates) {
        LayerTrace first = traces.get(0);
        int bh = first.batch() * hiddenSize;
        double[] out = new double[layers.size() * bh];
        for (int k = 0; k < layers.size(); k++) {
            LayerTrace tr = traces.get(k);
            if (tr.isFloat32()) {
                float[] src = cellStates ? tr.cellStatesF : tr.hiddenF;
                int from = tr.stateOffset(tr.steps(), 0);
                for (int i = 0; i < bh; i++) {
                    out[k * bh + i] = src[from + i];
                }
                continue;
            }
            double[] src = cellStates ? tr.cellState() : tr.hidden();
            System.arraycopy(src, tr.stateOffset(tr.steps(), 0), out, k * bh, bh);
        }
        return out;
    }

    /** dL/dh0 of layer k (B × H) from the last backward: the gradient that left step 0. */
    public double[] initialHiddenGrad(int k) {
        LayerGrads g = grads.get(k);
        if (g.isFloat32()) {
            return LayerTrace.widened(g.dhPrevF, 0, g.batch() * hiddenSize);
        }
        return java.util.Arrays.copyOf(g.dhPrev(), g.batch() * hiddenSize);
    }

    /** dL/dc0 of layer k (B × H) (LSTM). */
    public double[] initialCellGrad(int k) {
        LayerGrads g = grads.get(k);
        if (g.isFloat32()) {
            return LayerTrace.widened(g.dcPrevF, 0, g.batch() * hiddenSize);
        }
        return java.util.Arrays.copyOf(g.dcPrev(), g.batch() * hiddenSize);
    }
}
