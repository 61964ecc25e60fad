package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.FloatCells;
import org.lstmlab.engine.math.Pointwise;

/**
 * The Elman RNN, as PyTorch's {@code nn.RNN}: {@code h_t = φ(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)} with φ = tanh
 * or ReLU. Its gradient through time is multiplied by {@code W_hhᵀ diag(φ')} at every step: it vanishes when those
 * factors are below 1 (Bengio, Simard &amp; Frasconi 1994) and explodes when they are above 1 (Pascanu, Mikolov &amp;
 * Bengio 2013).
 */
public final class RnnLayer extends RecurrentLayer {
    private final boolean relu;

    public RnnLayer(CellType cell, int layerIndex, int inputSize, int hiddenSize) {
        super(requireRnn(cell), layerIndex, inputSize, hiddenSize);
        this.relu = cell == CellType.RNN_RELU;
    }

    private RnnLayer(RnnLayer shared) {
        super(shared.cell, shared.inputSize, shared.hiddenSize, shared.weightIh.withOwnGradient(),
                shared.weightHh.withOwnGradient(), shared.biasIh.withOwnGradient(), shared.biasHh.withOwnGradient());
        this.relu = shared.relu;
    }

    private static CellType requireRnn(CellType cell) {
        if (!cell.isSimpleRnn()) {
            throw new IllegalArgumentException("RnnLayer computes rnn_tanh or rnn_relu, not " + cell.id());
        }
        return cell;
    }

    @Override
    public RecurrentLayer replica() {
        return new RnnLayer(this);
    }

    @Override
    protected void fillInputBias(double[] row) {
        sumBiases(row);
    }

    @Override
    protected double[] recurrentTarget(LayerTrace tr, int t) {
        return tr.preact();
    }

    /** h_t = φ(a_t). */
    @Override
    protected void stepForward(LayerTrace tr, int t) {
        final int n = tr.batch() * hiddenSize;
        final double[] preact = tr.preact();
        final double[] hidden = tr.hidden();
        final int at = t * n;
        final int next = (t + 1) * n;
        if (relu) {
            for (int j = 0; j < n; j++) {
                double a = preact[at + j];
                hidden[next + j] = a > 0 ? a : 0.0;
            }
        } else {
            Pointwise.tanh(preact, at, hidden, next, n);
        }
    }

    @Override
    protected double[] recurrentGradient(LayerGrads gr) {
        return gr.dPreact();
    }

    @Override
    protected float[] recurrentTargetFloat(LayerTrace tr, int t) {
        return tr.gatesF;
    }

    /** {@link #stepForward} in float32: the trace keeps the pre-activations (in its gate array). */
    @Override
    protected void stepForwardFloat(LayerTrace tr, int t) {
        FloatCells.kernel().rnnForward(tr.gatesF, tr.hiddenF, t, tr.batch() * hiddenSize, relu);
    }

    @Override
    protected float[] recurrentGradientFloat(LayerGrads gr) {
        return gr.dPreactF;
    }

    /** {@link #stepBackward} in float32; ReLU's slope from h_t &gt; 0, which is a_t &gt; 0. */
    @Override
    protected void stepBackwardFloat(LayerTrace tr, LayerGrads gr, int t, float[] dhNext, int dhNextOff,
                                     float[] dcNext, int dcNextOff) {
        FloatCells.kernel().rnnBackward(tr.hiddenF, gr.fromAboveF, dhNext, dhNextOff, gr.dhF, gr.dPreactF, t,
                tr.batch() * hiddenSize, relu);
    }

    /** dh_t = dy_t + dh_next; da_t = dh_t ⊙ φ'(a_t), with tanh' = 1 − h_t² and ReLU' = [a_t &gt; 0]. */
    @Override
    protected void stepBackward(LayerTrace tr, LayerGrads gr, int t, double[] dhNext, int dhNextOff,
                                double[] dcNext, int dcNextOff) {
        final int n = tr.batch() * hiddenSize;
        final double[] preact = tr.preact();
        final double[] hidden = tr.hidden();
        final double[] fromAbove = gr.fromAbove();
        final double[] dh = gr.dh();
        final double[] dPre = gr.dPreact();
        final int at = t * n;
        final int next = (t + 1) * n;
        for (int j = 0; j < n; j++) {
            double dhT = fromAbove[at + j] + dhNext[dhNextOff + j];
            double h = hidden[next + j];
            double slope = relu ? (preact[at + j] > 0 ? 1.0 : 0.0) : 1.0 - h * h;
            dh[at + j] = dhT;
            dPre[at + j] = dhT * slope;
        }
    }
}
