package org.lstmlab.engine.math;

/**
 * The element-wise equations of one recurrent step, all sequences at once, on vectors: the fast twin of the scalar
 * loops in {@code LstmLayer} and {@code GruLayer}, which state the equations and stay the reference (a test runs
 * both on every vector width and compares the bits). Each method performs exactly the operations of the layer's
 * loop, in the same order, so results are equal bit for bit. Array layouts are the layer's: gates and
 * pre-activations (T, B, gate blocks × H), states (T + 1, B, H), per-step gradients (T, B, H). Used only when H is
 * at least {@link #lanes()}: the last vector of a row then overlaps the one before and recomputes a few values from
 * the same inputs, so no scalar tail is needed.
 */
public interface CellKernel {
    /** Doubles per vector. */
    int lanes();

    /**
     * LSTM step t forward, after the gates: {@code c_t = f ⊙ c_{t-1} + i ⊙ g} (squashed by tanh for the tutorial's
     * squashed cell), {@code tanh(c_t)} into {@code tanhCell} at step t, {@code h_t = o ⊙ tanh(c_t)}.
     */
    void lstmState(double[] gates, double[] cellState, double[] tanhCell, double[] hidden, int t, int batch,
                   int hs, boolean squashedCell);

    /** LSTM step t backward: the equations of {@code LstmLayer.stepBackward}. */
    void lstmBackward(double[] gates, double[] tanhCell, double[] cellState, double[] fromAbove, double[] dhNext,
                      int dhNextOff, double[] dcNext, int dcNextOff, double[] dh, double[] dc, double[] dPre,
                      double[] dcPrev, int t, int batch, int hs, boolean squashedCell, boolean tanhInput);

    /**
     * GRU (reset after the product) step t forward, after the reset and update gates: {@code r ⊙ (W_hn h + b_hn)}
     * into {@code resetHidden}, {@code n_t = tanh(a_n)} into the gates, {@code h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}}.
     */
    void gruCandidate(double[] inPart, double[] hidPart, double[] gates, double[] resetHidden, double[] hidden,
                      int t, int batch, int hs);

    /** GRU (reset after the product) step t backward: the equations of {@code GruLayer.stepBackward}. */
    void gruBackward(double[] hidPart, double[] gates, double[] hidden, double[] fromAbove, double[] dhNext,
                     int dhNextOff, double[] dh, double[] dGates, double[] dIn, double[] dHid, int t, int batch,
                     int hs);

    String name();
}
