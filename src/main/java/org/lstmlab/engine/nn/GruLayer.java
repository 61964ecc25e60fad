package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.CellKernel;
import org.lstmlab.engine.math.Cells;
import org.lstmlab.engine.math.FloatCellKernel;
import org.lstmlab.engine.math.FloatCells;
import org.lstmlab.engine.math.Gemm;
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
 *
 * <p>{@link CellType#GRU_RESET_BEFORE} applies the reset gate before the product instead, as Cho et al. (2014), Dive
 * into Deep Learning and Keras' {@code GRU(reset_after=False)} write it:
 * {@code n_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t-1}) + b_hn)}. Its n rows need r_t first, so each step makes a
 * second product {@code (r_t ⊙ h_{t-1}) W_hnᵀ}; the shared product's n rows are computed and replaced (H² extra
 * multiply-adds per sequence and step). The rows of W_hh that multiply h_{t-1} then get (δa_r, δa_z, 0) at each step,
 * and the n rows, which multiply r_t ⊙ h_{t-1}, are summed after the sweep. These three extra products
 * ({@code (r ⊙ h) W_hnᵀ}, {@code δa_n W_hn}, {@code Σ δa_nᵀ (r ⊙ h)}) are computed in float64 whatever the layer's
 * precision: under the float32 training precision only the shared products are rounded to float32.
 */
public final class GruLayer extends RecurrentLayer {
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;

    /** Reset gate before the product ({@link CellType#GRU_RESET_BEFORE}). */
    private final boolean resetBefore;
    private double[] weightHnT = new double[0];         // reset-before: W_hnᵀ (H × H), refreshed at each forward
    private double[] candidateProduct = new double[0];  // reset-before: (B × H) (r_t ⊙ h_{t-1}) W_hnᵀ of one step
    private float[] biasHhF = new float[0];             // float32: b_hh rounded, the recurrent part's start value
    private float[] weightHnTF = new float[0];          // float32 reset-before: W_hnᵀ rounded
    private float[] candidateProductF = new float[0];   // float32 reset-before: (B × H), as candidateProduct

    /** A GRU, or with {@link CellType#GRU_RESET_BEFORE} the reset-before GRU. */
    public GruLayer(CellType cell, int layerIndex, int inputSize, int hiddenSize) {
        super(requireGru(cell), layerIndex, inputSize, hiddenSize);
        this.resetBefore = cell == CellType.GRU_RESET_BEFORE;
    }

    private GruLayer(GruLayer shared) {
        super(shared.cell, shared.inputSize, shared.hiddenSize, shared.weightIh.withOwnGradient(),
                shared.weightHh.withOwnGradient(), shared.biasIh.withOwnGradient(), shared.biasHh.withOwnGradient());
        this.resetBefore = shared.resetBefore;
    }

    private static CellType requireGru(CellType cell) {
        if (!cell.isGru()) {
            throw new IllegalArgumentException("GruLayer computes gru or gru-reset-before, not " + cell.id());
        }
        return cell;
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
        Rows.fillRows(tr.hiddenPart(), t * tr.batch() * gateWidth, tr.batch(), biasHh.data());
        return tr.hiddenPart();
    }

    /** Reset-before: W_hnᵀ, rows 2H..3H of W_hh transposed, for the products of this forward pass. */
    @Override
    protected void beforeSteps(LayerTrace tr) {
        if (!resetBefore) {
            return;
        }
        final int hs = hiddenSize;
        if (weightHnT.length != hs * hs) {
            weightHnT = new double[hs * hs];
        }
        double[] w = weightHh.data();
        int off = N * hs * hs;
        for (int r = 0; r < hs; r++) {
            for (int c = 0; c < hs; c++) {
                weightHnT[c * hs + r] = w[off + r * hs + c];
            }
        }
        if (candidateProduct.length < tr.batch() * hs) {
            candidateProduct = new double[tr.batch() * hs];
        }
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
            for (int j = 0; j < 2 * hs; j++) {
                gates[row + j] = inPart[row + j] + hidPart[row + j];  // a_r, a_z
            }
            Pointwise.sigmoid(gates, row, gates, row, 2 * hs);           // reset and update gates
            if (resetBefore) {
                for (int j = 0; j < hs; j++) {
                    resetHidden[prev + j] = gates[row + R * hs + j] * hidden[prev + j];  // r ⊙ h_{t-1}
                }
            }
        }
        if (resetBefore) {  // gh_n = W_hn (r ⊙ h_{t-1}) + b_hn replaces the shared product's n rows
            Gemm.mm(resetHidden, t * batch * hs, weightHnT, 0, candidateProduct, 0, batch, hs, hs, false);
            final double[] bhh = biasHh.data();
            for (int b = 0; b < batch; b++) {
                int row = (t * batch + b) * gateWidth;
                for (int j = 0; j < hs; j++) {
                    hidPart[row + N * hs + j] = candidateProduct[b * hs + j] + bhh[N * hs + j];
                }
            }
        }
        final CellKernel cells = resetBefore ? null : Cells.forHidden(hs);
        if (cells != null) {  // the loop below on vectors, same bits
            cells.gruCandidate(inPart, hidPart, gates, resetHidden, hidden, t, batch, hs);
            return;
        }
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int prev = (t * batch + b) * hs;
            int next = ((t + 1) * batch + b) * hs;
            for (int j = 0; j < hs; j++) {
                double recurrent = hidPart[row + N * hs + j];
                if (!resetBefore) {
                    recurrent *= gates[row + R * hs + j];  // r ⊙ (W_hn h_{t-1} + b_hn)
                    resetHidden[prev + j] = recurrent;
                }
                gates[row + N * hs + j] = inPart[row + N * hs + j] + recurrent;  // a_n
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

    // ---------------------------------------------------------------------------------------------------------
    // The float32 precision: the equations above on the float32 trace

    @Override
    protected void beforeStepsFloat(LayerTrace tr) {
        biasHhF = Float32Products.narrow(biasHh.data(), 0, gateWidth, biasHhF, 0);
        if (!resetBefore) {
            return;
        }
        final int hs = hiddenSize;
        weightHnTF = Float32Products.transposeRounded(weightHh.data(), N * hs * hs, hs, hs, weightHnTF);
        candidateProductF = Float32Products.fit(candidateProductF, tr.batch() * hs);
    }

    @Override
    protected float[] recurrentTargetFloat(LayerTrace tr, int t) {
        Float32Products.fillRows(tr.hiddenPartF, t * tr.batch() * gateWidth, tr.batch(), biasHhF);
        return tr.hiddenPartF;
    }

    /** {@link #stepForward} in float32, the gates written over the input part (which backward does not read). */
    @Override
    protected void stepForwardFloat(LayerTrace tr, int t) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        final FloatCellKernel k = FloatCells.kernel();
        final float[] gates = tr.gatesF;
        final float[] hidPart = tr.hiddenPartF;
        final float[] hidden = tr.hiddenF;
        if (!resetBefore) {
            k.gruForward(gates, hidPart, hidden, t, batch, hs);
            return;
        }
        final float[] resetHidden = tr.resetHiddenF;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int prev = (t * batch + b) * hs;
            for (int j = 0; j < 2 * hs; j++) {
                gates[row + j] = gates[row + j] + hidPart[row + j];  // a_r, a_z
            }
            k.sigmoid(gates, row, gates, row, 2 * hs);
            for (int j = 0; j < hs; j++) {
                resetHidden[prev + j] = gates[row + R * hs + j] * hidden[prev + j];  // r ⊙ h_{t-1}
            }
        }
        Gemm.mm(resetHidden, t * batch * hs, weightHnTF, 0, candidateProductF, 0, batch, hs, hs, false);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int prev = (t * batch + b) * hs;
            int next = ((t + 1) * batch + b) * hs;
            for (int j = 0; j < hs; j++) {
                hidPart[row + N * hs + j] = candidateProductF[b * hs + j] + biasHhF[N * hs + j];
                gates[row + N * hs + j] = gates[row + N * hs + j] + hidPart[row + N * hs + j];  // a_n
            }
            k.tanh(gates, row + N * hs, gates, row + N * hs, hs);
            for (int j = 0; j < hs; j++) {
                float updateGate = gates[row + Z * hs + j];
                hidden[next + j] = (1.0f - updateGate) * gates[row + N * hs + j] + updateGate * hidden[prev + j];
            }
        }
    }

    @Override
    protected float[] recurrentGradientFloat(LayerGrads gr) {
        return gr.dHiddenPartF;
    }

    /** The recurrent part's gradient has the input part's da_r and da_z (both GRUs), not its n block. */
    @Override
    protected int sharedGradientColumns() {
        return 2 * hiddenSize;
    }

    /** {@link #stepBackward} in float32 (dL/dr, dz, dn are not kept). */
    @Override
    protected void stepBackwardFloat(LayerTrace tr, LayerGrads gr, int t, float[] dhNext, int dhNextOff,
                                     float[] dcNext, int dcNextOff) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        final float[] hidPart = tr.hiddenPartF;
        final float[] gates = tr.gatesF;
        final float[] hidden = tr.hiddenF;
        final float[] fromAbove = gr.fromAboveF;
        final float[] dh = gr.dhF;
        final float[] dIn = gr.dPreactF;
        final float[] dHid = gr.dHiddenPartF;
        if (!resetBefore) {
            FloatCells.kernel().gruBackward(hidPart, gates, hidden, fromAbove, dhNext, dhNextOff, dh, dIn, dHid, t,
                    batch, hs);
            return;
        }
        final float[] daCandidate = gr.daCandidateF;
        final float[] dResetHidden = gr.dResetHiddenF;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int at = (t * batch + b) * hs;
            int nb = b * hs;
            for (int j = 0; j < hs; j++) {
                float updateGate = gates[row + Z * hs + j];
                float candidate = gates[row + N * hs + j];
                float hPrev = hidden[at + j];
                float dhT = fromAbove[at + j] + dhNext[dhNextOff + nb + j];
                float dn = dhT * (1.0f - updateGate);
                float dz = dhT * (hPrev - candidate);
                float daN = dn * (1.0f - candidate * candidate);
                float daZ = dz * updateGate * (1.0f - updateGate);
                dh[at + j] = dhT;
                dIn[row + Z * hs + j] = daZ;
                dIn[row + N * hs + j] = daN;
                dHid[row + Z * hs + j] = daZ;
                dHid[row + N * hs + j] = 0.0f;
                daCandidate[at + j] = daN;
            }
        }
        int step = t * batch * hs;
        Gemm.mm(daCandidate, step, floatProducts().weightHh(), N * hs * hs, dResetHidden, step, batch, hs, hs, false);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int at = (t * batch + b) * hs;
            for (int j = 0; j < hs; j++) {
                float resetGate = gates[row + R * hs + j];
                float dr = dResetHidden[at + j] * hidden[at + j];
                float daR = dr * resetGate * (1.0f - resetGate);
                dIn[row + R * hs + j] = daR;
                dHid[row + R * hs + j] = daR;
            }
        }
    }

    /** {@link #afterRecurrentGradient} in float32. */
    @Override
    protected void afterRecurrentGradientFloat(LayerTrace tr, LayerGrads gr, int t) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        FloatCells.kernel().gruDirect(tr.gatesF, gr.dhF, gr.dhPrevF, t, batch, hs);
        if (resetBefore) {
            final float[] gates = tr.gatesF;
            final float[] dhPrev = gr.dhPrevF;
            final float[] dResetHidden = gr.dResetHiddenF;
            for (int b = 0; b < batch; b++) {
                int row = (t * batch + b) * gateWidth;
                int at = (t * batch + b) * hs;
                for (int j = 0; j < hs; j++) {
                    dhPrev[at + j] += gates[row + R * hs + j] * dResetHidden[at + j];
                }
            }
        }
    }

    /** {@link #addOtherWeightGradients} in float32. */
    @Override
    protected void addOtherWeightGradientsFloat(LayerTrace tr, LayerGrads gr) {
        if (!resetBefore) {
            return;
        }
        final int hs = hiddenSize;
        int rows = tr.steps() * tr.batch();
        Float32Products p = floatProducts();
        p.addProduct(gr.daCandidateF, 0, tr.resetHiddenF, 0, hs, rows, hs, weightHh.gradData(), N * hs * hs);
        p.addColumnSums(gr.daCandidateF, rows, hs, biasHh.gradData(), N * hs);
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
     *
     * <p>Reset-before: {@code d(r⊙h) = W_hnᵀ da_n} and {@code dr = d(r⊙h) ⊙ h_{t-1}}; the recurrent part gets
     * (da_r, da_z, 0), and da_n is kept for the n rows' sums after the sweep ({@link #addOtherWeightGradients}).
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
        final double[] daCandidate = gr.daCandidate();
        final CellKernel cells = resetBefore ? null : Cells.forHidden(hs);
        if (cells != null) {  // the loop below on vectors, same bits
            cells.gruBackward(hidPart, gates, hidden, fromAbove, dhNext, dhNextOff, dh, dGates, dIn, dHid, t, batch,
                    hs);
            return;
        }
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

                dh[at + j] = dhT;
                dGates[row + Z * hs + j] = dz;
                dGates[row + N * hs + j] = dn;
                dIn[row + Z * hs + j] = daZ;
                dIn[row + N * hs + j] = daN;
                dHid[row + Z * hs + j] = daZ;
                if (resetBefore) {
                    dHid[row + N * hs + j] = 0.0;
                    daCandidate[at + j] = daN;
                } else {
                    double dr = daN * hidPart[row + N * hs + j];
                    double daR = dr * resetGate * (1.0 - resetGate);
                    dGates[row + R * hs + j] = dr;
                    dIn[row + R * hs + j] = daR;
                    dHid[row + R * hs + j] = daR;
                    dHid[row + N * hs + j] = daN * resetGate;
                }
            }
        }
        if (resetBefore) {
            final double[] dResetHidden = gr.dResetHidden();
            int step = t * batch * hs;
            Gemm.mm(daCandidate, step, weightHh.data(), N * hs * hs, dResetHidden, step, batch, hs, hs, false);
            for (int b = 0; b < batch; b++) {
                int row = (t * batch + b) * gateWidth;
                int at = (t * batch + b) * hs;
                for (int j = 0; j < hs; j++) {
                    double resetGate = gates[row + R * hs + j];
                    double dr = dResetHidden[at + j] * hidden[at + j];
                    double daR = dr * resetGate * (1.0 - resetGate);
                    dGates[row + R * hs + j] = dr;
                    dIn[row + R * hs + j] = daR;
                    dHid[row + R * hs + j] = daR;
                }
            }
        }
    }

    /** dh_{t-1} += z_t ⊙ dh_t: the direct path through the update gate; reset-before also r_t ⊙ d(r⊙h). */
    @Override
    protected void afterRecurrentGradient(LayerTrace tr, LayerGrads gr, int t) {
        final int hs = hiddenSize;
        final int batch = tr.batch();
        final double[] gates = tr.gates();
        final double[] dh = gr.dh();
        final double[] dhPrev = gr.dhPrev();
        final double[] dResetHidden = gr.dResetHidden();
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gateWidth;
            int at = (t * batch + b) * hs;
            for (int j = 0; j < hs; j++) {
                dhPrev[at + j] += gates[row + Z * hs + j] * dh[at + j];
                if (resetBefore) {
                    dhPrev[at + j] += gates[row + R * hs + j] * dResetHidden[at + j];
                }
            }
        }
    }

    /** Reset-before: δW_hn = Σ_t δa_n (r_t ⊙ h_{t-1})ᵀ and δb_hn = Σ_t δa_n, over all T·B rows. */
    @Override
    protected void addOtherWeightGradients(LayerTrace tr, LayerGrads gr) {
        if (!resetBefore) {
            return;
        }
        final int hs = hiddenSize;
        int rows = tr.steps() * tr.batch();
        double[] daN = gr.daCandidate();
        Gemm.mtm(daN, 0, tr.resetHidden(), 0, weightHh.gradData(), N * hs * hs, hs, rows, hs);
        double[] db = biasHh.gradData();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < hs; j++) {
                db[N * hs + j] += daN[r * hs + j];
            }
        }
    }
}
