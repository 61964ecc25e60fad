package org.lstmlab.engine.math;

/**
 * The element-wise work of the {@code float32} training precision, all sequences of one step at once: the gate
 * activations and the cell equations forward and backward of the LSTM, the GRU and the simple RNN, on float32
 * arrays. {@link PlainFloatCells} states them as scalar loops (the float32 twins of the float64 loops in
 * {@code LstmLayer}, {@code GruLayer} and {@code RnnLayer}, operation for operation) and {@code simd.VectorFloatCells}
 * runs the same operations on float vectors (16 lanes at 512 bits); a test compares the two bit for bit on every
 * vector width. {@link FloatCells} chooses between them.
 *
 * <p>Array layouts are the layers' (time-major, letters as in {@code RecurrentLayer}): gates (T, B, G·H), states
 * (T + 1, B, H) with the initial state at step 0, per-step gradients (T, B, H). In the float32 trace the gate array
 * first receives the pre-activations of a step (the input projection and the recurrent product) and the forward
 * methods replace them with the gates, in place: backward reads only the gates.
 */
public interface FloatCellKernel {
    String name();

    /** out[outOff + i] = σ(in[inOff + i]) for i in [0, n), as {@link FloatGateMath#sigmoid}. */
    void sigmoid(float[] in, int inOff, float[] out, int outOff, int n);

    /** out[outOff + i] = tanh(in[inOff + i]) for i in [0, n), as {@link FloatGateMath#tanh}. */
    void tanh(float[] in, int inOff, float[] out, int outOff, int n);

    /** dst[dstOff + i] += src[srcOff + i] for i in [0, n): the one-hot input's weight gradient, row by row. */
    void add(float[] src, int srcOff, float[] dst, int dstOff, int n);

    /**
     * LSTM step t forward. On entry {@code gates} holds step t's pre-activations a (blocks i, f, g, o); on return
     * the gates {@code i = σ(a_i)} (tanh for the tutorial's tanh input gate), {@code f = σ(a_f)},
     * {@code g = tanh(a_g)}, {@code o = σ(a_o)}; then {@code c_t = f ⊙ c_{t-1} + i ⊙ g} (squashed by tanh for the
     * tutorial's squashed cell), {@code tanh(c_t)} into {@code tanhCell} at step t and {@code h_t = o ⊙ tanh(c_t)}.
     */
    void lstmForward(float[] gates, float[] cellState, float[] tanhCell, float[] hidden, int t, int batch, int hs,
                     boolean squashedCell, boolean tanhInput);

    /**
     * LSTM step t backward, the equations of {@code LstmLayer.stepBackward}: dh_t into {@code dh}, the four gate
     * gradients into {@code dPre} and dc_{t-1} into {@code dcPrev} (the total dc_t is not kept).
     */
    void lstmBackward(float[] gates, float[] tanhCell, float[] cellState, float[] fromAbove, float[] dhNext,
                      int dhNextOff, float[] dcNext, int dcNextOff, float[] dh, float[] dPre, float[] dcPrev, int t,
                      int batch, int hs, boolean squashedCell, boolean tanhInput);

    /**
     * GRU (reset after the product) step t forward. On entry {@code gates} holds the input part
     * {@code W_ih x + b_ih} of step t and {@code hidPart} the recurrent part {@code W_hh h_{t-1} + b_hh}; on return
     * {@code gates} holds r, z and n, and {@code h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}}.
     */
    void gruForward(float[] gates, float[] hidPart, float[] hidden, int t, int batch, int hs);

    /**
     * GRU (reset after the product) step t backward, the equations of {@code GruLayer.stepBackward}: dh_t into
     * {@code dh}, (da_r, da_z, da_n) into {@code dIn} and (da_r, da_z, r ⊙ da_n) into {@code dHid} (dL/dr, dz, dn
     * are not kept).
     */
    void gruBackward(float[] hidPart, float[] gates, float[] hidden, float[] fromAbove, float[] dhNext,
                     int dhNextOff, float[] dh, float[] dIn, float[] dHid, int t, int batch, int hs);

    /** GRU step t: {@code dh_{t-1} += z_t ⊙ dh_t}, the direct path through the update gate. */
    void gruDirect(float[] gates, float[] dh, float[] dhPrev, int t, int batch, int hs);

    /** Simple RNN step t forward: {@code h_t = φ(a_t)} (tanh, or ReLU), for the n = B·H values of the step. */
    void rnnForward(float[] preact, float[] hidden, int t, int n, boolean relu);

    /**
     * Simple RNN step t backward: {@code dh_t = dy_t + dh_next}, {@code da_t = dh_t ⊙ φ'(a_t)} with
     * tanh' = 1 − h_t² and ReLU' = [h_t &gt; 0] (the same as [a_t &gt; 0]).
     */
    void rnnBackward(float[] hidden, float[] fromAbove, float[] dhNext, int dhNextOff, float[] dh, float[] dPre,
                     int t, int n, boolean relu);
}
