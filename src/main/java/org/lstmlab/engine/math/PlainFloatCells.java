package org.lstmlab.engine.math;

/**
 * The float32 cell equations as scalar loops: the plain twin of {@code simd.VectorFloatCells} and what runs until
 * that kernel is compiled (or without the Vector API). Each loop is the float64 loop of its layer class
 * ({@code LstmLayer}, {@code GruLayer}, {@code RnnLayer}, whose comments state the equations) on floats, with
 * {@link FloatGateMath}'s activations; the vector kernel performs the same operations in the same order, lane by
 * lane, and calls the {@code ...Columns} methods here for the last {@code H mod lanes} columns of each row, so the
 * two agree bit for bit. Java does not contract {@code a * b + c} into a fused multiply-add, so neither side does.
 * The gate activations run as their own passes over each row ({@link #lstmGates}, {@link #gruGates}) before the
 * state: every value is computed from the same inputs either way, and the vector kernel needs the split (see there).
 */
public final class PlainFloatCells implements FloatCellKernel {
    private static final int I = 0;
    private static final int F = 1;
    private static final int G = 2;
    private static final int O = 3;
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;

    @Override
    public String name() {
        return "plain float32";
    }

    @Override
    public void sigmoid(float[] in, int inOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = FloatGateMath.sigmoid(in[inOff + i]);
        }
    }

    @Override
    public void tanh(float[] in, int inOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = FloatGateMath.tanh(in[inOff + i]);
        }
    }

    @Override
    public void add(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] += src[srcOff + i];
        }
    }

    @Override
    public void lstmForward(float[] gates, float[] cellState, float[] tanhCell, float[] hidden, int t, int batch,
                            int hs, boolean squashedCell, boolean tanhInput) {
        lstmGates(this, gates, t, batch, hs, tanhInput);
        lstmStateColumns(gates, cellState, tanhCell, hidden, t, batch, hs, squashedCell, 0);
    }

    /**
     * The LSTM's gate activations of step t, in place, row by row through {@code k}'s activations: i = σ(a_i) (tanh
     * for the tanh input gate), f = σ(a_f), g = tanh(a_g), o = σ(a_o). Shared by both kernels.
     */
    public static void lstmGates(FloatCellKernel k, float[] gates, int t, int batch, int hs, boolean tanhInput) {
        int gw = 4 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            if (tanhInput) {
                k.tanh(gates, row + I * hs, gates, row + I * hs, hs);        // the tutorial's tanh "gate"
                k.sigmoid(gates, row + F * hs, gates, row + F * hs, hs);
            } else {
                k.sigmoid(gates, row + I * hs, gates, row + I * hs, 2 * hs);  // input and forget gates
            }
            k.tanh(gates, row + G * hs, gates, row + G * hs, hs);
            k.sigmoid(gates, row + O * hs, gates, row + O * hs, hs);
        }
    }

    /**
     * The LSTM's state of step t from its gates, columns j0..H of every row: {@code c_t = f ⊙ c_{t-1} + i ⊙ g}
     * (squashed by tanh for the squashed cell), {@code tanh(c_t)}, {@code h_t = o ⊙ tanh(c_t)}.
     */
    public static void lstmStateColumns(float[] gates, float[] cellState, float[] tanhCell, float[] hidden, int t,
                                        int batch, int hs, boolean squashedCell, int j0) {
        int gw = 4 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int prev = (t * batch + b) * hs;
            int next = ((t + 1) * batch + b) * hs;
            for (int j = j0; j < hs; j++) {
                float c = gates[row + F * hs + j] * cellState[prev + j]
                        + gates[row + I * hs + j] * gates[row + G * hs + j];
                if (squashedCell) {
                    c = FloatGateMath.tanh(c);
                }
                cellState[next + j] = c;
                float tc = FloatGateMath.tanh(c);
                tanhCell[prev + j] = tc;
                hidden[next + j] = gates[row + O * hs + j] * tc;
            }
        }
    }

    @Override
    public void lstmBackward(float[] gates, float[] tanhCell, float[] cellState, float[] fromAbove, float[] dhNext,
                             int dhNextOff, float[] dcNext, int dcNextOff, float[] dh, float[] dPre, float[] dcPrev,
                             int t, int batch, int hs, boolean squashedCell, boolean tanhInput) {
        lstmBackwardColumns(gates, tanhCell, cellState, fromAbove, dhNext, dhNextOff, dcNext, dcNextOff, dh, dPre,
                dcPrev, t, batch, hs, squashedCell, tanhInput, 0);
    }

    /** {@link #lstmBackward} for columns j0..H of every row. */
    public static void lstmBackwardColumns(float[] gates, float[] tanhCell, float[] cellState, float[] fromAbove,
                                           float[] dhNext, int dhNextOff, float[] dcNext, int dcNextOff, float[] dh,
                                           float[] dPre, float[] dcPrev, int t, int batch, int hs,
                                           boolean squashedCell, boolean tanhInput, int j0) {
        int gw = 4 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            int nb = b * hs;
            for (int j = j0; j < hs; j++) {
                float inputGate = gates[row + I * hs + j];
                float forgetGate = gates[row + F * hs + j];
                float candidate = gates[row + G * hs + j];
                float outputGate = gates[row + O * hs + j];
                float tanhC = tanhCell[at + j];

                float dhT = fromAbove[at + j] + dhNext[dhNextOff + nb + j];
                float daO = dhT * tanhC * outputGate * (1.0f - outputGate);
                float dcT = dhT * outputGate * (1.0f - tanhC * tanhC) + dcNext[dcNextOff + nb + j];
                float dSum = dcT;
                if (squashedCell) {
                    float cT = cellState[at + batch * hs + j];
                    dSum = dcT * (1.0f - cT * cT);
                }
                float inputSlope = tanhInput ? 1.0f - inputGate * inputGate : inputGate * (1.0f - inputGate);
                float daF = dSum * cellState[at + j] * forgetGate * (1.0f - forgetGate);
                float daI = dSum * candidate * inputSlope;
                float daG = dSum * inputGate * (1.0f - candidate * candidate);

                dh[at + j] = dhT;
                dPre[row + I * hs + j] = daI;
                dPre[row + F * hs + j] = daF;
                dPre[row + G * hs + j] = daG;
                dPre[row + O * hs + j] = daO;
                dcPrev[at + j] = dSum * forgetGate;
            }
        }
    }

    @Override
    public void gruForward(float[] gates, float[] hidPart, float[] hidden, int t, int batch, int hs) {
        gruGates(this, gates, hidPart, t, batch, hs);
        gruCandidateColumns(gates, hidPart, hidden, t, batch, hs, 0);
    }

    /**
     * The GRU's reset and update gates of step t, in place, row by row: {@code a = in + hid} for the r and z blocks,
     * then σ through {@code k}'s activation. Shared by both kernels.
     */
    public static void gruGates(FloatCellKernel k, float[] gates, float[] hidPart, int t, int batch, int hs) {
        int gw = 3 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            k.add(hidPart, row, gates, row, 2 * hs);                   // a_r, a_z
            k.sigmoid(gates, row, gates, row, 2 * hs);                 // reset and update gates
        }
    }

    /**
     * The GRU's candidate and state of step t after its gates, columns j0..H of every row: {@code n = tanh(a_n +
     * r ⊙ (W_hn h_{t-1} + b_hn))} over the input part a_n, {@code h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}}.
     */
    public static void gruCandidateColumns(float[] gates, float[] hidPart, float[] hidden, int t, int batch, int hs,
                                           int j0) {
        int gw = 3 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int prev = (t * batch + b) * hs;
            int next = ((t + 1) * batch + b) * hs;
            for (int j = j0; j < hs; j++) {
                float recurrent = hidPart[row + N * hs + j] * gates[row + R * hs + j];
                float candidate = FloatGateMath.tanh(gates[row + N * hs + j] + recurrent);
                gates[row + N * hs + j] = candidate;
                float updateGate = gates[row + Z * hs + j];
                hidden[next + j] = (1.0f - updateGate) * candidate + updateGate * hidden[prev + j];
            }
        }
    }

    @Override
    public void gruBackward(float[] hidPart, float[] gates, float[] hidden, float[] fromAbove, float[] dhNext,
                            int dhNextOff, float[] dh, float[] dIn, float[] dHid, int t, int batch, int hs) {
        gruBackwardColumns(hidPart, gates, hidden, fromAbove, dhNext, dhNextOff, dh, dIn, dHid, t, batch, hs, 0);
    }

    /** {@link #gruBackward} for columns j0..H of every row. */
    public static void gruBackwardColumns(float[] hidPart, float[] gates, float[] hidden, float[] fromAbove,
                                          float[] dhNext, int dhNextOff, float[] dh, float[] dIn, float[] dHid, int t,
                                          int batch, int hs, int j0) {
        int gw = 3 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            int nb = b * hs;
            for (int j = j0; j < hs; j++) {
                float resetGate = gates[row + R * hs + j];
                float updateGate = gates[row + Z * hs + j];
                float candidate = gates[row + N * hs + j];
                float hPrev = hidden[at + j];

                float dhT = fromAbove[at + j] + dhNext[dhNextOff + nb + j];
                float dn = dhT * (1.0f - updateGate);
                float dz = dhT * (hPrev - candidate);
                float daN = dn * (1.0f - candidate * candidate);
                float daZ = dz * updateGate * (1.0f - updateGate);
                float dr = daN * hidPart[row + N * hs + j];
                float daR = dr * resetGate * (1.0f - resetGate);

                dh[at + j] = dhT;
                dIn[row + R * hs + j] = daR;
                dIn[row + Z * hs + j] = daZ;
                dIn[row + N * hs + j] = daN;
                dHid[row + R * hs + j] = daR;
                dHid[row + Z * hs + j] = daZ;
                dHid[row + N * hs + j] = daN * resetGate;
            }
        }
    }

    @Override
    public void gruDirect(float[] gates, float[] dh, float[] dhPrev, int t, int batch, int hs) {
        gruDirectColumns(gates, dh, dhPrev, t, batch, hs, 0);
    }

    /** {@link #gruDirect} for columns j0..H of every row. */
    public static void gruDirectColumns(float[] gates, float[] dh, float[] dhPrev, int t, int batch, int hs,
                                        int j0) {
        int gw = 3 * hs;
        for (int b = 0; b < batch; b++) {
            int row = (t * batch + b) * gw;
            int at = (t * batch + b) * hs;
            for (int j = j0; j < hs; j++) {
                dhPrev[at + j] += gates[row + Z * hs + j] * dh[at + j];
            }
        }
    }

    @Override
    public void rnnForward(float[] preact, float[] hidden, int t, int n, boolean relu) {
        rnnForwardFrom(preact, hidden, t, n, relu, 0);
    }

    /** {@link #rnnForward} for values j0..n of the step. */
    public static void rnnForwardFrom(float[] preact, float[] hidden, int t, int n, boolean relu, int j0) {
        int at = t * n;
        int next = (t + 1) * n;
        for (int j = j0; j < n; j++) {
            float a = preact[at + j];
            hidden[next + j] = relu ? (a > 0 ? a : 0.0f) : FloatGateMath.tanh(a);
        }
    }

    @Override
    public void rnnBackward(float[] hidden, float[] fromAbove, float[] dhNext, int dhNextOff, float[] dh,
                            float[] dPre, int t, int n, boolean relu) {
        rnnBackwardFrom(hidden, fromAbove, dhNext, dhNextOff, dh, dPre, t, n, relu, 0);
    }

    /** {@link #rnnBackward} for values j0..n of the step. */
    public static void rnnBackwardFrom(float[] hidden, float[] fromAbove, float[] dhNext, int dhNextOff, float[] dh,
                                       float[] dPre, int t, int n, boolean relu, int j0) {
        int at = t * n;
        int next = (t + 1) * n;
        for (int j = j0; j < n; j++) {
            float dhT = fromAbove[at + j] + dhNext[dhNextOff + j];
            float h = hidden[next + j];
            float slope = relu ? (h > 0 ? 1.0f : 0.0f) : 1.0f - h * h;
            dh[at + j] = dhT;
            dPre[at + j] = dhT * slope;
        }
    }
}
