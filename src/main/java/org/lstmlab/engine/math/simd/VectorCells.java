package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.lstmlab.engine.math.CellKernel;

/**
 * The cell equations of one step on full vectors ({@link CellKernel}): the operations of the layers' scalar loops
 * in their order, with {@link VectorPointwise}'s bit-exact tanh, so every lane equals the loop's result. Each row of
 * H values is covered by vectors at 0, L, 2L, ... and, when L does not divide H, one more at H − L, which overlaps
 * the previous one and writes the same values again (no loop reads what it writes).
 */
public final class VectorCells implements CellKernel {
    private static final VectorSpecies<Double> S = VectorWidth.doubles(VectorCells.class);
    private static final int L = S.length();

    private static final int I = 0;
    private static final int F = 1;
    private static final int G = 2;
    private static final int O = 3;
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;
    /** The activations of whole rows, for the cells' tanh. */
    private static final VectorPointwise ROWS = new VectorPointwise();

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "vector-api cells (" + L + " lanes)";
    }

    /** Start of the vector after the one at j in a row of hs values, or hs when the row is done. */
    private static int next(int j, int hs) {
        int n = j + L;
        return n >= hs ? hs : Math.min(n, hs - L);
    }

    private static DoubleVector v(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }

    /**
     * Three passes, as {@link #gruCandidate}: c_t on vectors, tanh of the rows through {@link VectorPointwise}'s row
     * loop (a method of its own: no vector crosses a call), then h_t = o ⊙ tanh(c_t) in {@link #lstmHidden}.
     */
    @Override
    public void lstmState(double[] gates, double[] cellState, double[] tanhCell, double[] hidden, int t, int batch,
                          int hs, boolean squashedCell) {
        int gw = 4 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int prev = (t * batch + b) * hs;
            int nxt = ((t + 1) * batch + b) * hs;
            for (int j = 0; j < hs; j = next(j, hs)) {
                v(gates, row + F * hs + j).mul(v(cellState, prev + j))
                        .add(v(gates, row + I * hs + j).mul(v(gates, row + G * hs + j))).intoArray(cellState, nxt + j);
            }
        }
        for (int b = 0; b < batch; b++) {
            int prev = (t * batch + b) * hs;
            int nxt = ((t + 1) * batch + b) * hs;
            if (squashedCell) {
                ROWS.tanh(cellState, nxt, cellState, nxt, hs);
            }
            ROWS.tanh(cellState, nxt, tanhCell, prev, hs);
        }
        lstmHidden(gates, tanhCell, hidden, t, batch, hs);
    }

    /** h_t = o ⊙ tanh(c_t), once tanh(c_t) is in tanhCell. */
    private static void lstmHidden(double[] gates, double[] tanhCell, double[] hidden, int t, int batch, int hs) {
        for (int r = t * batch; r < (t + 1) * batch; r++) {  // the rows of step t: r·4H in gates, r·H in tanhCell
            int outputGate = r * 4 * hs + O * hs;
            for (int j = 0; j < hs; j = next(j, hs)) {
                v(gates, outputGate + j).mul(v(tanhCell, r * hs + j)).intoArray(hidden, (r + batch) * hs + j);
            }
        }
    }

    /**
     * Two passes over each row, each a method of its own that passes arrays only: the output side (dh_t, dc_t, the
     * output gate's gradient and dc_{t-1}), then the input, forget and candidate gradients from the dc_t just
     * stored. In one loop, C2 ran past its inlining budget on this method and left the last operations as calls on
     * boxed vectors (JFR: 30 KB to 940 KB of garbage a step of the adding problem, depending on the compilation).
     * Same operations in the same order (dΣ is computed again from the stored dc_t, the same bits).
     */
    @Override
    public void lstmBackward(double[] gates, double[] tanhCell, double[] cellState, double[] fromAbove,
                             double[] dhNext, int dhNextOff, double[] dcNext, int dcNextOff, double[] dh, double[] dc,
                             double[] dPre, double[] dcPrev, int t, int batch, int hs, boolean squashedCell,
                             boolean tanhInput) {
        lstmOutputSide(gates, tanhCell, cellState, fromAbove, dhNext, dhNextOff, dcNext, dcNextOff, dh, dc, dPre,
                dcPrev, t, batch, hs, squashedCell);
        lstmInputSide(gates, cellState, dc, dPre, t, batch, hs, squashedCell, tanhInput);
    }

    /** dh_t, dc_t, the output gate's gradient and dc_{t-1} = dΣ ⊙ f of {@link #lstmBackward}. */
    private static void lstmOutputSide(double[] gates, double[] tanhCell, double[] cellState, double[] fromAbove,
                                       double[] dhNext, int dhNextOff, double[] dcNext, int dcNextOff, double[] dh,
                                       double[] dc, double[] dPre, double[] dcPrev, int t, int batch, int hs,
                                       boolean squashedCell) {
        int gw = 4 * hs;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            int nb = b * hs;
            for (int j = 0; j < hs; j = next(j, hs)) {
                DoubleVector outputGate = v(gates, row + O * hs + j);
                DoubleVector tanhC = v(tanhCell, at + j);
                DoubleVector dhT = v(fromAbove, at + j).add(v(dhNext, dhNextOff + nb + j));
                DoubleVector daO = dhT.mul(tanhC).mul(outputGate).mul(one.sub(outputGate));
                DoubleVector dcT = dhT.mul(outputGate).mul(one.sub(tanhC.mul(tanhC)))
                        .add(v(dcNext, dcNextOff + nb + j));
                DoubleVector dSum = dcT;
                if (squashedCell) {
                    DoubleVector cT = v(cellState, at + batch * hs + j);
                    dSum = dcT.mul(one.sub(cT.mul(cT)));
                }
                dhT.intoArray(dh, at + j);
                dcT.intoArray(dc, at + j);
                daO.intoArray(dPre, row + O * hs + j);
                dSum.mul(v(gates, row + F * hs + j)).intoArray(dcPrev, at + j);
            }
        }
    }

    /** The input, forget and candidate gradients of {@link #lstmBackward}, from dc_t as the first pass stored it. */
    private static void lstmInputSide(double[] gates, double[] cellState, double[] dc, double[] dPre, int t,
                                      int batch, int hs, boolean squashedCell, boolean tanhInput) {
        int gw = 4 * hs;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            for (int j = 0; j < hs; j = next(j, hs)) {
                DoubleVector inputGate = v(gates, row + I * hs + j);
                DoubleVector forgetGate = v(gates, row + F * hs + j);
                DoubleVector candidate = v(gates, row + G * hs + j);
                DoubleVector dSum = v(dc, at + j);
                if (squashedCell) {
                    DoubleVector cT = v(cellState, at + batch * hs + j);
                    dSum = dSum.mul(one.sub(cT.mul(cT)));
                }
                DoubleVector inputSlope = tanhInput ? one.sub(inputGate.mul(inputGate))
                        : inputGate.mul(one.sub(inputGate));
                DoubleVector daF = dSum.mul(v(cellState, at + j)).mul(forgetGate).mul(one.sub(forgetGate));
                DoubleVector daI = dSum.mul(candidate).mul(inputSlope);
                DoubleVector daG = dSum.mul(inputGate).mul(one.sub(candidate.mul(candidate)));
                daI.intoArray(dPre, row + I * hs + j);
                daF.intoArray(dPre, row + F * hs + j);
                daG.intoArray(dPre, row + G * hs + j);
            }
        }
    }

    /**
     * The layer's loop in three passes over each row: a_n (and r ⊙ (W_hn h + b_hn)) on vectors, tanh of the row in
     * place with {@link VectorPointwise}'s row loop, then h_t in a method of its own. With tanh inside one loop, its
     * vector code filled C2's budget for one compilation (NodeCountInliningCutoff in -XX:+PrintInlining): the loads
     * after it were not inlined, and each vector crossing such a call was boxed, 163 MB of garbage an epoch of the
     * sonnets' character model against the LSTM's 8 MB, on the Vector API's generic code. Past the budget now, C2
     * calls {@link #gruHidden} instead of inlining it, which passes arrays only (8 MB an epoch, as the LSTM).
     */
    @Override
    public void gruCandidate(double[] inPart, double[] hidPart, double[] gates, double[] resetHidden,
                             double[] hidden, int t, int batch, int hs) {
        int gw = 3 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int prev = (t * batch + b) * hs;
            for (int j = 0; j < hs; j = next(j, hs)) {
                DoubleVector recurrent = v(hidPart, row + N * hs + j).mul(v(gates, row + R * hs + j));
                recurrent.intoArray(resetHidden, prev + j);
                v(inPart, row + N * hs + j).add(recurrent).intoArray(gates, row + N * hs + j);  // a_n
            }
        }
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw + N * hs;
            ROWS.tanh(gates, row, gates, row, hs);  // the candidate n_t
        }
        gruHidden(gates, hidden, t, batch, hs);
    }

    /** h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}, once the candidate n_t is in the gates. */
    private static void gruHidden(double[] gates, double[] hidden, int t, int batch, int hs) {
        int gw = 3 * hs;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int prev = (t * batch + b) * hs;
            int nxt = ((t + 1) * batch + b) * hs;
            for (int j = 0; j < hs; j = next(j, hs)) {
                DoubleVector updateGate = v(gates, row + Z * hs + j);
                one.sub(updateGate).mul(v(gates, row + N * hs + j)).add(updateGate.mul(v(hidden, prev + j)))
                        .intoArray(hidden, nxt + j);
            }
        }
    }

    /**
     * Two array-only passes over each row, as {@link #lstmBackward}: dh_t and the update and candidate gradients,
     * then the reset gate's from a_n's gradient as the first pass stored it in dIn. In one loop, JFR found the
     * training of the adding problem allocating 940 KB a step in some compilations of it.
     */
    @Override
    public void gruBackward(double[] hidPart, double[] gates, double[] hidden, double[] fromAbove, double[] dhNext,
                            int dhNextOff, double[] dh, double[] dGates, double[] dIn, double[] dHid, int t,
                            int batch, int hs) {
        gruUpdateSide(gates, hidden, fromAbove, dhNext, dhNextOff, dh, dGates, dIn, dHid, t, batch, hs);
        gruResetSide(hidPart, gates, dGates, dIn, dHid, t, batch, hs);
    }

    /** dh_t, dz, dn, a_z's and a_n's gradients of {@link #gruBackward}. */
    private static void gruUpdateSide(double[] gates, double[] hidden, double[] fromAbove, double[] dhNext,
                                      int dhNextOff, double[] dh, double[] dGates, double[] dIn, double[] dHid,
                                      int t, int batch, int hs) {
        int gw = 3 * hs;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            int nb = b * hs;
            for (int j = 0; j < hs; j = next(j, hs)) {
                DoubleVector updateGate = v(gates, row + Z * hs + j);
                DoubleVector candidate = v(gates, row + N * hs + j);
                DoubleVector dhT = v(fromAbove, at + j).add(v(dhNext, dhNextOff + nb + j));
                DoubleVector dn = dhT.mul(one.sub(updateGate));
                DoubleVector dz = dhT.mul(v(hidden, at + j).sub(candidate));
                DoubleVector daN = dn.mul(one.sub(candidate.mul(candidate)));
                DoubleVector daZ = dz.mul(updateGate).mul(one.sub(updateGate));
                dhT.intoArray(dh, at + j);
                dz.intoArray(dGates, row + Z * hs + j);
                dn.intoArray(dGates, row + N * hs + j);
                daZ.intoArray(dIn, row + Z * hs + j);
                daN.intoArray(dIn, row + N * hs + j);
                daZ.intoArray(dHid, row + Z * hs + j);
            }
        }
    }

    /** dr, a_r's gradient and r ⊙ a_n's gradient of {@link #gruBackward}, from a_n's gradient in dIn. */
    private static void gruResetSide(double[] hidPart, double[] gates, double[] dGates, double[] dIn, double[] dHid,
                                     int t, int batch, int hs) {
        int gw = 3 * hs;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            for (int j = 0; j < hs; j = next(j, hs)) {
                DoubleVector resetGate = v(gates, row + R * hs + j);
                DoubleVector daN = v(dIn, row + N * hs + j);
                DoubleVector dr = daN.mul(v(hidPart, row + N * hs + j));
                DoubleVector daR = dr.mul(resetGate).mul(one.sub(resetGate));
                dr.intoArray(dGates, row + R * hs + j);
                daR.intoArray(dIn, row + R * hs + j);
                daR.intoArray(dHid, row + R * hs + j);
                daN.mul(resetGate).intoArray(dHid, row + N * hs + j);
            }
        }
    }
}
