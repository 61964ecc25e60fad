package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.CellKernel;
import org.lstmlab.engine.math.Cells;
import org.lstmlab.engine.math.FloatCells;
import org.lstmlab.engine.math.Pointwise;

/**
 * The LSTM of Hochreiter &amp; Schmidhuber (1997) with the forget gate of Gers, Schmidhuber &amp; Cummins (2000),
 * exactly as PyTorch's {@code nn.LSTM} computes it. For each step, with {@code a = W_ih x_t + b_ih + W_hh h_{t-1}
 * + b_hh} split into four blocks in the order i, f, g, o:
 *
 * <pre>
 *   i_t = σ(a_i)      input gate
 *   f_t = σ(a_f)      forget gate
 *   g_t = tanh(a_g)   candidate
 *   o_t = σ(a_o)      output gate
 *   c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ tanh(c_t)
 * </pre>
 *
 * The backward equations of one step sit right below the forward ones.
 *
 * <p>The same class computes the two wrong cells that tutorials teach, for the lessons that correct them:
 * {@link CellType#LSTM_SQUASHED_CELL} squashes the cell state again, {@code c_t = tanh(f_t ⊙ c_{t-1} + i_t ⊙ g_t)},
 * and {@link CellType#LSTM_TANH_INPUT} computes the input gate with tanh, {@code i_t = tanh(a_i)}.
 */
public final class LstmLayer extends RecurrentLayer {
    private static final int I = 0;
    private static final int F = 1;
    private static final int G = 2;
    private static final int O = 3;

    private final boolean squashedCell;  // c_t = tanh(f ⊙ c_{t-1} + i ⊙ g): a tutorial's mistake
    private final boolean tanhInput;     // i_t = tanh(a_i): a tutorial's mistake

    /** An LSTM, or one of its two wrong variants ({@link CellType#hasCellState()}). */
    public LstmLayer(CellType cell, int layerIndex, int inputSize, int hiddenSize) {
        super(requireLstm(cell), layerIndex, inputSize, hiddenSize);
        this.squashedCell = cell == CellType.LSTM_SQUASHED_CELL;
        this.tanhInput = cell == CellType.LSTM_TANH_INPUT;
    }

    private static CellType requireLstm(CellType cell) {
        if (!cell.hasCellState()) {
            throw new IllegalArgumentException("LstmLayer computes an LSTM, not " + cell.id());
        }
        return cell;
    }

    private LstmLayer(LstmLayer shared) {
        super(shared.cell, shared.inputSize, shared.hiddenSize, shared.weightIh.withOwnGradient(),
                shared.weightHh.withOwnGradient(), shared.biasIh.withOwnGradient(), shared.biasHh.withOwnGradient());
        this.squashedCell = shared.squashedCell;
        this.tanhInput = shared.tanhInput;
    }

    @Override
    public RecurrentLayer replica() {
        return new LstmLayer(this);
    }

    @Override
    protected void fillInputBias(double[] row) {
        sumBiases(row);
    }

    @Override
    protected double[] recurrentTarget(LayerTrace tr, int t) {
        return tr.preact();
    }

    @Override
    protected void stepForward(LayerTrace tr, int t) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        final double[] preact = tr.preact();
        final double[] gates = tr.gates();
        final double[] cellState = tr.cellState();
        final double[] tanhCell = tr.tanhCell();
        final double[] hidden = tr.hidden();
        final CellKernel cells = Cells.forHidden(hs);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int prev = (t * batch + b) * hs;
            int next = ((t + 1) * batch + b) * hs;
            if (tanhInput) {
                Pointwise.tanh(preact, row + I * hs, gates, row + I * hs, hs);        // the tutorial's tanh "gate"
                Pointwise.sigmoid(preact, row + F * hs, gates, row + F * hs, hs);     // forget gate
            } else {
                Pointwise.sigmoid(preact, row + I * hs, gates, row + I * hs, 2 * hs);  // input and forget gates
            }
            Pointwise.tanh(preact, row + G * hs, gates, row + G * hs, hs);         // candidate
            Pointwise.sigmoid(preact, row + O * hs, gates, row + O * hs, hs);      // output gate
            if (cells != null) {
                continue;  // c_t, tanh(c_t) and h_t below, on vectors
            }
            for (int j = 0; j < hs; j++) {
                double inputGate = gates[row + I * hs + j];
                double forgetGate = gates[row + F * hs + j];
                double candidate = gates[row + G * hs + j];
                cellState[next + j] = forgetGate * cellState[prev + j] + inputGate * candidate;
            }
            if (squashedCell) {
                Pointwise.tanh(cellState, next, cellState, next, hs);              // the tutorial's second squash
            }
            Pointwise.tanh(cellState, next, tanhCell, prev, hs);
            for (int j = 0; j < hs; j++) {
                hidden[next + j] = gates[row + O * hs + j] * tanhCell[prev + j];
            }
        }
        if (cells != null) {  // the loops above on vectors, same bits
            cells.lstmState(gates, cellState, tanhCell, hidden, t, batch, hs, squashedCell);
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

    /** The equations of {@link #stepForward} in float32, with the gates written over the pre-activations. */
    @Override
    protected void stepForwardFloat(LayerTrace tr, int t) {
        FloatCells.kernel().lstmForward(tr.gatesF, tr.cellStatesF, tr.tanhCellF, tr.hiddenF, t, tr.batch(),
                hiddenSize, squashedCell, tanhInput);
    }

    @Override
    protected float[] recurrentGradientFloat(LayerGrads gr) {
        return gr.dPreactF;
    }

    /** The equations of {@link #stepBackward} in float32. */
    @Override
    protected void stepBackwardFloat(LayerTrace tr, LayerGrads gr, int t, float[] dhNext, int dhNextOff,
                                     float[] dcNext, int dcNextOff) {
        FloatCells.kernel().lstmBackward(tr.gatesF, tr.tanhCellF, tr.cellStatesF, gr.fromAboveF, dhNext, dhNextOff,
                dcNext, dcNextOff, gr.dhF, gr.dPreactF, gr.dcPrevF, t, tr.batch(), hiddenSize, squashedCell,
                tanhInput);
    }

    /**
     * Backward through step t, gate by gate (da_x is dL/d of gate x's pre-activation):
     * <pre>
     *   dh_t   = dy_t + dh_next
     *   da_o   = dh_t ⊙ tanh(c_t) ⊙ o_t(1 − o_t)
     *   dc_t   = dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + dc_next
     *   da_f   = dc_t ⊙ c_{t-1} ⊙ f_t(1 − f_t)
     *   da_i   = dc_t ⊙ g_t ⊙ i_t(1 − i_t)
     *   da_g   = dc_t ⊙ i_t ⊙ (1 − g_t²)
     *   dc_{t-1} = dc_t ⊙ f_t
     * </pre>
     * The squashed cell multiplies dc_t by tanh'(u_t) = 1 − c_t² before it reaches f, i, g and c_{t-1} (u_t is the
     * sum before the squash); the tanh input gate has the slope 1 − i_t² instead of i_t(1 − i_t).
     */
    @Override
    protected void stepBackward(LayerTrace tr, LayerGrads gr, int t, double[] dhNext, int dhNextOff,
                                double[] dcNext, int dcNextOff) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        final double[] gates = tr.gates();
        final double[] cellState = tr.cellState();
        final double[] tanhCell = tr.tanhCell();
        final double[] fromAbove = gr.fromAbove();
        final double[] dh = gr.dh();
        final double[] dc = gr.dc();
        final double[] dPre = gr.dPreact();
        final double[] dcPrev = gr.dcPrev();
        final CellKernel cells = Cells.forHidden(hs);
        if (cells != null) {  // the loop below on vectors, same bits
            cells.lstmBackward(gates, tanhCell, cellState, fromAbove, dhNext, dhNextOff, dcNext, dcNextOff, dh, dc,
                    dPre, dcPrev, t, batch, hs, squashedCell, tanhInput);
            return;
        }
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int at = (t * batch + b) * hs;      // step t in (T, B, H) arrays; also c_{t-1} in the state array
            int nb = b * hs;
            for (int j = 0; j < hs; j++) {
                double inputGate = gates[row + I * hs + j];
                double forgetGate = gates[row + F * hs + j];
                double candidate = gates[row + G * hs + j];
                double outputGate = gates[row + O * hs + j];
                double tanhC = tanhCell[at + j];

                double dhT = fromAbove[at + j] + dhNext[dhNextOff + nb + j];
                double daO = dhT * tanhC * outputGate * (1.0 - outputGate);
                double dcT = dhT * outputGate * (1.0 - tanhC * tanhC) + dcNext[dcNextOff + nb + j];
                double cT = cellState[at + batch * hs + j];
                double dSum = squashedCell ? dcT * (1.0 - cT * cT) : dcT;  // gradient of f ⊙ c_{t-1} + i ⊙ g
                double inputSlope = tanhInput ? 1.0 - inputGate * inputGate : inputGate * (1.0 - inputGate);
                double daF = dSum * cellState[at + j] * forgetGate * (1.0 - forgetGate);
                double daI = dSum * candidate * inputSlope;
                double daG = dSum * inputGate * (1.0 - candidate * candidate);

                dh[at + j] = dhT;
                dc[at + j] = dcT;
                dPre[row + I * hs + j] = daI;
                dPre[row + F * hs + j] = daF;
                dPre[row + G * hs + j] = daG;
                dPre[row + O * hs + j] = daO;
                dcPrev[at + j] = dSum * forgetGate;
            }
        }
    }
}
