package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.lstmlab.engine.math.FloatCellKernel;
import org.lstmlab.engine.math.FloatGateMath;
import org.lstmlab.engine.math.PlainFloatCells;

/**
 * The float32 cell equations and activations on float vectors ({@link FloatCellKernel}): the operations of
 * {@link PlainFloatCells} in their order, with {@link FloatGateMath}'s sigmoid and tanh written out on vectors, so
 * every lane equals the plain loops' result. Each row of H values is covered by whole vectors; the last
 * {@code H mod lanes} columns go through PlainFloatCells' own loops (the forward methods replace the pre-activations
 * with the gates in place, so an overlapping last vector, as the float64 kernel uses, would read gates as
 * pre-activations). The gate activations run over whole rows first (PlainFloatCells' {@code lstmGates} and
 * {@code gruGates}, calling this kernel's activations), then the state: see the note above {@code sigmoidRow}.
 *
 * <p>One float shape: the species is {@link VectorWidth#floats}, the same preferred one as the float products'
 * tiles (a second FloatVector shape in the JVM stops C2 intrinsifying them on JDK 17, see VectorWidth). The
 * exponent shift uses IntVector of that same width, as the float64 activations use LongVector.
 */
public final class VectorFloatCells implements FloatCellKernel {
    private static final VectorSpecies<Float> S = VectorWidth.floats(VectorFloatCells.class);
    private static final int L = S.length();

    private static final int I = 0;
    private static final int F = 1;
    private static final int G = 2;
    private static final int O = 3;
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;

    @Override
    public String name() {
        return "vector-api float32 cells (" + L + " lanes)";
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Activations

    @Override
    public void sigmoid(float[] in, int inOff, float[] out, int outOff, int n) {
        sigmoidRow(in, inOff, out, outOff, n);
    }

    @Override
    public void tanh(float[] in, int inOff, float[] out, int outOff, int n) {
        tanhRow(in, inOff, out, outOff, n);
    }

    @Override
    public void add(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            v(dst, dstOff + i).add(v(src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) {
            dst[dstOff + i] += src[srcOff + i];
        }
    }

    private static final float C0 = FloatGateMath.coefficient(0);
    private static final float C1 = FloatGateMath.coefficient(1);
    private static final float C2 = FloatGateMath.coefficient(2);
    private static final float C3 = FloatGateMath.coefficient(3);
    private static final float C4 = FloatGateMath.coefficient(4);
    private static final float C5 = FloatGateMath.coefficient(5);

    /*
     * The activations over runs of values are written out operation by operation, not through a per-vector
     * helper: so each of these methods is over C2's FreqInlineSize (325 bytes of bytecode) and stays a method
     * of its own, compiled once, instead of being inlined into the cell methods. A cell method holding all five
     * activations of an LSTM step ran past C2's NodeCountInliningCutoff, after which the remaining Vector API calls
     * were left as calls on boxed vectors (FloatVector.blendTemplate in JFR, several times slower): measured.
     */

    /** out[outOff + i] = σ(in[inOff + i]): {@link FloatGateMath#sigmoid} lane by lane, then the tail through it. */
    private static void sigmoidRow(float[] in, int inOff, float[] out, int outOff, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, in, inOff + i);
            FloatVector v = x.abs().neg().max(FloatGateMath.MIN_EXP_ARG);
            FloatVector shifted = v.fma(FloatVector.broadcast(S, FloatGateMath.INV_LN2),
                    FloatVector.broadcast(S, FloatGateMath.ROUNDER));
            FloatVector k = shifted.sub(FloatGateMath.ROUNDER);
            FloatVector r = k.neg().fma(FloatVector.broadcast(S, FloatGateMath.LN2_HI), v);
            r = k.neg().fma(FloatVector.broadcast(S, FloatGateMath.LN2_LO), r);
            FloatVector p = FloatVector.broadcast(S, C0).fma(r, FloatVector.broadcast(S, C1));
            p = p.fma(r, FloatVector.broadcast(S, C2));
            p = p.fma(r, FloatVector.broadcast(S, C3));
            p = p.fma(r, FloatVector.broadcast(S, C4));
            p = p.fma(r, FloatVector.broadcast(S, C5));
            p = p.fma(r.mul(r), r);
            FloatVector scale = shifted.reinterpretAsInts().sub(FloatGateMath.ROUNDER_BITS).add(127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = scale.fma(p, scale);
            FloatVector inv = FloatVector.broadcast(S, 1.0f).div(scale.fma(p, scale.add(1.0f)));
            inv.blend(e.mul(inv), x.compare(VectorOperators.LT, 0.0f)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = FloatGateMath.sigmoid(in[inOff + i]);
        }
    }

    /** out[outOff + i] = tanh(in[inOff + i]): {@link FloatGateMath#tanh} lane by lane, then the tail through it. */
    private static void tanhRow(float[] in, int inOff, float[] out, int outOff, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, in, inOff + i);
            FloatVector v = x.abs().mul(-2.0f).max(FloatGateMath.MIN_EXP_ARG);
            FloatVector shifted = v.fma(FloatVector.broadcast(S, FloatGateMath.INV_LN2),
                    FloatVector.broadcast(S, FloatGateMath.ROUNDER));
            FloatVector k = shifted.sub(FloatGateMath.ROUNDER);
            FloatVector r = k.neg().fma(FloatVector.broadcast(S, FloatGateMath.LN2_HI), v);
            r = k.neg().fma(FloatVector.broadcast(S, FloatGateMath.LN2_LO), r);
            FloatVector p = FloatVector.broadcast(S, C0).fma(r, FloatVector.broadcast(S, C1));
            p = p.fma(r, FloatVector.broadcast(S, C2));
            p = p.fma(r, FloatVector.broadcast(S, C3));
            p = p.fma(r, FloatVector.broadcast(S, C4));
            p = p.fma(r, FloatVector.broadcast(S, C5));
            p = p.fma(r.mul(r), r);
            FloatVector scale = shifted.reinterpretAsInts().sub(FloatGateMath.ROUNDER_BITS).add(127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector m = scale.fma(p, scale.sub(1.0f));
            FloatVector t = m.neg().div(m.add(2.0f));
            t.blend(t.neg(), x.compare(VectorOperators.LT, 0.0f)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = FloatGateMath.tanh(in[inOff + i]);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // LSTM

    /**
     * Three passes over each row's whole vectors, as the float64 kernel's lstmState: c_t, tanh of the rows through
     * {@link #tanhRow} (a method of its own), then h_t in {@link #lstmOutput}. With tanh(c_t) inlined in one loop,
     * C2 ran past its inlining budget in some compilations and the last loads were calls on boxed vectors: 390 KB a
     * step of the sonnets' character model at two threads, every epoch (JFR: v() in this method).
     */
    @Override
    public void lstmForward(float[] gates, float[] cellState, float[] tanhCell, float[] hidden, int t, int batch,
                            int hs, boolean squashedCell, boolean tanhInput) {
        PlainFloatCells.lstmGates(this, gates, t, batch, hs, tanhInput);
        int gw = 4 * hs;
        int full = hs / L * L;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int prev = (t * batch + b) * hs;
            int nxt = ((t + 1) * batch + b) * hs;
            for (int j = 0; j < full; j += L) {
                v(gates, row + F * hs + j).mul(v(cellState, prev + j))
                        .add(v(gates, row + I * hs + j).mul(v(gates, row + G * hs + j))).intoArray(cellState, nxt + j);
            }
            if (squashedCell) {
                tanhRow(cellState, nxt, cellState, nxt, full);
            }
            tanhRow(cellState, nxt, tanhCell, prev, full);
        }
        lstmOutput(gates, tanhCell, hidden, t, batch, hs, full);
        if (full < hs) {
            PlainFloatCells.lstmStateColumns(gates, cellState, tanhCell, hidden, t, batch, hs, squashedCell, full);
        }
    }

    /** h_t = o ⊙ tanh(c_t) over the first {@code full} columns, once tanh(c_t) is in tanhCell. */
    private static void lstmOutput(float[] gates, float[] tanhCell, float[] hidden, int t, int batch, int hs,
                                   int full) {
        for (int r = t * batch; r < (t + 1) * batch; r++) {  // the rows of step t: r·4H in gates, r·H in tanhCell
            for (int j = 0; j < full; j += L) {
                v(gates, r * 4 * hs + O * hs + j).mul(v(tanhCell, r * hs + j)).intoArray(hidden, (r + batch) * hs + j);
            }
        }
    }

    @Override
    public void lstmBackward(float[] gates, float[] tanhCell, float[] cellState, float[] fromAbove, float[] dhNext,
                             int dhNextOff, float[] dcNext, int dcNextOff, float[] dh, float[] dPre, float[] dcPrev,
                             int t, int batch, int hs, boolean squashedCell, boolean tanhInput) {
        int gw = 4 * hs;
        int full = hs / L * L;
        FloatVector one = FloatVector.broadcast(S, 1.0f);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            int nb = b * hs;
            for (int j = 0; j < full; j += L) {
                FloatVector inputGate = v(gates, row + I * hs + j);
                FloatVector forgetGate = v(gates, row + F * hs + j);
                FloatVector candidate = v(gates, row + G * hs + j);
                FloatVector outputGate = v(gates, row + O * hs + j);
                FloatVector tanhC = v(tanhCell, at + j);

                FloatVector dhT = v(fromAbove, at + j).add(v(dhNext, dhNextOff + nb + j));
                FloatVector daO = dhT.mul(tanhC).mul(outputGate).mul(one.sub(outputGate));
                FloatVector dcT = dhT.mul(outputGate).mul(one.sub(tanhC.mul(tanhC)))
                        .add(v(dcNext, dcNextOff + nb + j));
                FloatVector dSum = dcT;
                if (squashedCell) {
                    FloatVector cT = v(cellState, at + batch * hs + j);
                    dSum = dcT.mul(one.sub(cT.mul(cT)));
                }
                FloatVector inputSlope = tanhInput ? one.sub(inputGate.mul(inputGate))
                        : inputGate.mul(one.sub(inputGate));
                FloatVector daF = dSum.mul(v(cellState, at + j)).mul(forgetGate).mul(one.sub(forgetGate));
                FloatVector daI = dSum.mul(candidate).mul(inputSlope);
                FloatVector daG = dSum.mul(inputGate).mul(one.sub(candidate.mul(candidate)));

                dhT.intoArray(dh, at + j);
                daI.intoArray(dPre, row + I * hs + j);
                daF.intoArray(dPre, row + F * hs + j);
                daG.intoArray(dPre, row + G * hs + j);
                daO.intoArray(dPre, row + O * hs + j);
                dSum.mul(forgetGate).intoArray(dcPrev, at + j);
            }
        }
        if (full < hs) {
            PlainFloatCells.lstmBackwardColumns(gates, tanhCell, cellState, fromAbove, dhNext, dhNextOff, dcNext,
                    dcNextOff, dh, dPre, dcPrev, t, batch, hs, squashedCell, tanhInput, full);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // GRU

    /**
     * Three passes over the whole vectors of each row, as the float64 kernel's gruCandidate: a_n, tanh of the row in
     * place ({@link #tanhRow}, a method of its own), then h_t ({@link #gruHidden}). With the tanh of each vector
     * inlined in one loop after the gates' activations, C2 ran past its inlining budget and the loads after it were
     * calls on boxed vectors: 19 MB of garbage an epoch of {@code train --task adding --dtype float32 --cell gru}
     * (T = 50, 1000 samples), the LSTM's 0.04 MB. Same operations in the same order, so the same bits.
     */
    @Override
    public void gruForward(float[] gates, float[] hidPart, float[] hidden, int t, int batch, int hs) {
        PlainFloatCells.gruGates(this, gates, hidPart, t, batch, hs);
        int gw = 3 * hs;
        int full = hs / L * L;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            for (int j = 0; j < full; j += L) {
                FloatVector recurrent = v(hidPart, row + N * hs + j).mul(v(gates, row + R * hs + j));
                v(gates, row + N * hs + j).add(recurrent).intoArray(gates, row + N * hs + j);  // a_n
            }
        }
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw + N * hs;
            tanhRow(gates, row, gates, row, full);  // the candidate n_t
        }
        gruHidden(gates, hidden, t, batch, hs, full);
        if (full < hs) {
            PlainFloatCells.gruCandidateColumns(gates, hidPart, hidden, t, batch, hs, full);
        }
    }

    /** h_t = (1 − z) ⊙ n + z ⊙ h_{t-1} over the first {@code full} columns, once n_t is in the gates. */
    private static void gruHidden(float[] gates, float[] hidden, int t, int batch, int hs, int full) {
        int gw = 3 * hs;
        FloatVector one = FloatVector.broadcast(S, 1.0f);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int prev = (t * batch + b) * hs;
            int nxt = ((t + 1) * batch + b) * hs;
            for (int j = 0; j < full; j += L) {
                FloatVector updateGate = v(gates, row + Z * hs + j);
                one.sub(updateGate).mul(v(gates, row + N * hs + j)).add(updateGate.mul(v(hidden, prev + j)))
                        .intoArray(hidden, nxt + j);
            }
        }
    }

    /** Two passes over each row's whole vectors, as the float64 kernel's gruBackward (which see). */
    @Override
    public void gruBackward(float[] hidPart, float[] gates, float[] hidden, float[] fromAbove, float[] dhNext,
                            int dhNextOff, float[] dh, float[] dIn, float[] dHid, int t, int batch, int hs) {
        int full = hs / L * L;
        gruUpdateSide(gates, hidden, fromAbove, dhNext, dhNextOff, dh, dIn, dHid, t, batch, hs, full);
        gruResetSide(hidPart, gates, dIn, dHid, t, batch, hs, full);
        if (full < hs) {
            PlainFloatCells.gruBackwardColumns(hidPart, gates, hidden, fromAbove, dhNext, dhNextOff, dh, dIn, dHid,
                    t, batch, hs, full);
        }
    }

    /** dh_t, a_z's and a_n's gradients of {@link #gruBackward} over the first {@code full} columns. */
    private static void gruUpdateSide(float[] gates, float[] hidden, float[] fromAbove, float[] dhNext,
                                      int dhNextOff, float[] dh, float[] dIn, float[] dHid, int t, int batch, int hs,
                                      int full) {
        int gw = 3 * hs;
        FloatVector one = FloatVector.broadcast(S, 1.0f);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            int nb = b * hs;
            for (int j = 0; j < full; j += L) {
                FloatVector updateGate = v(gates, row + Z * hs + j);
                FloatVector candidate = v(gates, row + N * hs + j);
                FloatVector dhT = v(fromAbove, at + j).add(v(dhNext, dhNextOff + nb + j));
                FloatVector dn = dhT.mul(one.sub(updateGate));
                FloatVector dz = dhT.mul(v(hidden, at + j).sub(candidate));
                FloatVector daN = dn.mul(one.sub(candidate.mul(candidate)));
                FloatVector daZ = dz.mul(updateGate).mul(one.sub(updateGate));
                dhT.intoArray(dh, at + j);
                daZ.intoArray(dIn, row + Z * hs + j);
                daN.intoArray(dIn, row + N * hs + j);
                daZ.intoArray(dHid, row + Z * hs + j);
            }
        }
    }

    /** a_r's gradient and r ⊙ a_n's gradient of {@link #gruBackward}, from a_n's gradient in dIn. */
    private static void gruResetSide(float[] hidPart, float[] gates, float[] dIn, float[] dHid, int t, int batch,
                                     int hs, int full) {
        int gw = 3 * hs;
        FloatVector one = FloatVector.broadcast(S, 1.0f);
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            for (int j = 0; j < full; j += L) {
                FloatVector resetGate = v(gates, row + R * hs + j);
                FloatVector daN = v(dIn, row + N * hs + j);
                FloatVector daR = daN.mul(v(hidPart, row + N * hs + j)).mul(resetGate).mul(one.sub(resetGate));
                daR.intoArray(dIn, row + R * hs + j);
                daR.intoArray(dHid, row + R * hs + j);
                daN.mul(resetGate).intoArray(dHid, row + N * hs + j);
            }
        }
    }

    @Override
    public void gruDirect(float[] gates, float[] dh, float[] dhPrev, int t, int batch, int hs) {
        int gw = 3 * hs;
        int full = hs / L * L;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            for (int j = 0; j < full; j += L) {
                v(dhPrev, at + j).add(v(gates, row + Z * hs + j).mul(v(dh, at + j))).intoArray(dhPrev, at + j);
            }
        }
        if (full < hs) {
            PlainFloatCells.gruDirectColumns(gates, dh, dhPrev, t, batch, hs, full);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Simple RNN

    @Override
    public void rnnForward(float[] preact, float[] hidden, int t, int n, boolean relu) {
        if (!relu) {
            tanhRow(preact, t * n, hidden, (t + 1) * n, n);
            return;
        }
        int at = t * n;
        int next = (t + 1) * n;
        int full = S.loopBound(n);
        for (int j = 0; j < full; j += L) {
            FloatVector a = v(preact, at + j);
            FloatVector.zero(S).blend(a, a.compare(VectorOperators.GT, 0.0f)).intoArray(hidden, next + j);
        }
        if (full < n) {
            PlainFloatCells.rnnForwardFrom(preact, hidden, t, n, true, full);
        }
    }

    @Override
    public void rnnBackward(float[] hidden, float[] fromAbove, float[] dhNext, int dhNextOff, float[] dh,
                            float[] dPre, int t, int n, boolean relu) {
        int at = t * n;
        int next = (t + 1) * n;
        int full = S.loopBound(n);
        FloatVector one = FloatVector.broadcast(S, 1.0f);
        FloatVector zero = FloatVector.zero(S);
        for (int j = 0; j < full; j += L) {
            FloatVector dhT = v(fromAbove, at + j).add(v(dhNext, dhNextOff + j));
            FloatVector h = v(hidden, next + j);
            FloatVector slope = relu ? zero.blend(one, h.compare(VectorOperators.GT, 0.0f))
                    : one.sub(h.mul(h));
            dhT.intoArray(dh, at + j);
            dhT.mul(slope).intoArray(dPre, at + j);
        }
        if (full < n) {
            PlainFloatCells.rnnBackwardFrom(hidden, fromAbove, dhNext, dhNextOff, dh, dPre, t, n, relu, full);
        }
    }
}
