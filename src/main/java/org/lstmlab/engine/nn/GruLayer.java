package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.Pointwise;

/**
 * The gated recurrent unit of Cho et al. (2014) as PyTorch's {@code nn.GRU} computes it, with the reset gate
 * applied after the recurrent product. Blocks in the order r, z, n:
 *
 * <pre>
 *   r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)          reset gate
 *   z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)          update gate
 *   n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn)) candidate
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}
 * </pre>
 *
 * The trace keeps the input part {@code W_ih x + b_ih} and the recurrent part {@code W_hh h + b_hh} apart, since
 * r multiplies only the recurrent part of n.
 */
public final class GruLayer extends RecurrentLayer {
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;

    public GruLayer(int layerIndex, int inputSize, int hiddenSize) {
        super(CellType.GRU, layerIndex, inputSize, hiddenSize);
    }

    private GruLayer(GruLayer shared) {
        super(CellType.GRU, shared.inputSize, shared.hiddenSize, shared.weightIh.withOwnGradient(),
                shared.weightHh.withOwnGradient(), shared.biasIh.withOwnGradient(), shared.biasHh.withOwnGradient());
    }

    @Override
    public RecurrentLayer replica() {
        return new GruLayer(this);
    }

    @Override
    protected void fillInputBias(double[] row) {
        System.arraycopy(biasIh.data(), 0, row, 0, gateWidth);
    }

    @Override
    protected double[] recurrentTarget(LayerTrace tr, int t) {
        fillRows(tr.hiddenPart(), t * tr.batch() * gateWidth, tr.batch(), biasHh.data());
        return tr.hiddenPart();
    }

    @Override
    protected void stepForward(LayerTrace tr, int t) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        final double[] inPart = tr.preact();
        final double[] hidPart = tr.hiddenPart();
        final double[] gates = tr.gates();
        final double[] resetHidden = tr.resetHidden();
        final double[] hidden = tr.hidden();
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int prev = (t * batch + b) * hs;
            int next = ((t + 1) * batch + b) * hs;
            for (int j = 0; j < 2 * hs; j++) {
                gates[row + j] = inPart[row + j] + hidPart[row + j];  // a_r, a_z
            }
            Pointwise.sigmoid(gates, row, gates, row, 2 * hs);           // reset and update gates
            for (int j = 0; j < hs; j++) {
                double gatedHidden = gates[row + R * hs + j] * hidPart[row + N * hs + j];
                resetHidden[prev + j] = gatedHidden;
                gates[row + N * hs + j] = inPart[row + N * hs + j] + gatedHidden;  // a_n
            }
            Pointwise.tanh(gates, row + N * hs, gates, row + N * hs, hs);         // candidate
            for (int j = 0; j < hs; j++) {
                double updateGate = gates[row + Z * hs + j];
                hidden[next + j] = (1.0 - updateGate) * gates[row + N * hs + j] + updateGate * hidden[prev + j];
            }
        }
    }

    @Override
    protected double[] recurrentGradient(LayerGrads gr) {
        return gr.dHiddenPart();
    }

    /**
     * Backward through step t:
     * <pre>
     *   dh_t = dy_t + dh_next
     *   dn   = dh_t ⊙ (1 − z_t)            da_n = dn ⊙ (1 − n_t²)
     *   dz   = dh_t ⊙ (h_{t-1} − n_t)      da_z = dz ⊙ z_t(1 − z_t)
     *   dr   = da_n ⊙ (W_hn h_{t-1} + b_hn) da_r = dr ⊙ r_t(1 − r_t)
     * </pre>
     * The input part gets (da_r, da_z, da_n), the recurrent part (da_r, da_z, r_t ⊙ da_n).
     */
    @Override
    protected void stepBackward(LayerTrace tr, LayerGrads gr, int t, double[] dhNext, int dhNextOff,
                                double[] dcNext, int dcNextOff) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        final double[] hidPart = tr.hiddenPart();
        final double[] gates = tr.gates();
        final double[] hidden = tr.hidden();
        final double[] fromAbove = gr.fromAbove();
        final double[] dh = gr.dh();
        final double[] dGates = gr.dGates();
        final double[] dIn = gr.dPreact();
        final double[] dHid = gr.dHiddenPart();
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int at = (t * batch + b) * hs;  // step t; also h_{t-1} in the state array
            int nb = b * hs;
            for (int j = 0; j < hs; j++) {
                double resetGate = gates[row + R * hs + j];
                double updateGate = gates[row + Z * hs + j];
                double candidate = gates[row + N * hs + j];
                double hPrev = hidden[at + j];

                double dhT = fromAbove[at + j] + dhNext[dhNextOff + nb + j];
                double dn = dhT * (1.0 - updateGate);
                double dz = dhT * (hPrev - candidate);
                double daN = dn * (1.0 - candidate * candidate);
                double daZ = dz * updateGate * (1.0 - updateGate);
                double dr = daN * hidPart[row + N * hs + j];
                double daR = dr * resetGate * (1.0 - resetGate);

                dh[at + j] = dhT;
                dGates[row + R * hs + j] = dr;
                dGates[row + Z * hs + j] = dz;
                dGates[row + N * hs + j] = dn;
                dIn[row + R * hs + j] = daR;
                dIn[row + Z * hs + j] = daZ;
                dIn[row + N * hs + j] = daN;
                dHid[row + R * hs + j] = daR;
                dHid[row + Z * hs + j] = daZ;
                dHid[row + N * hs + j] = daN * resetGate;
            }
        }
    }

    /** dh_{t-1} += z_t ⊙ dh_t: the direct path through the update gate. */
    @Override
    protected void afterRecurrentGradient(LayerTrace tr, LayerGrads gr, int t) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        final double[] gates = tr.gates();
        final double[] dh = gr.dh();
        final double[] dhPrev = gr.dhPrev();
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int at = (t * batch + b) * hs;
            for (int j = 0; j < hs; j++) {
                dhPrev[at + j] += gates[row + Z * hs + j] * dh[at + j];
            }
        }
    }
}
