package org.lstmlab.engine.nn;

/**
 * What backpropagation through time computed for one layer and one batch, step by step: the gradient trace the
 * debugger's backward mode shows. Arrays are time-major {@code (T, B, width)} like {@link LayerTrace}; "da_x"
 * means the gradient of the loss with respect to gate x's pre-activation.
 */
public final class LayerGrads {
    private final CellType cell;
    private final int inputSize;
    private final int hiddenSize;
    private int steps;
    private int batch;

    /** dL/dy_t (T, B, H): the gradient arriving from above (the loss head, or the next layer's dx). */
    double[] fromAbove;
    /** dL/dh_t (T, B, H): from above plus what flows back from step t+1. */
    double[] dh;
    /** LSTM dL/dc_t (T, B, H), total: through h_t and through c_{t+1}. */
    double[] dc;
    /** dL/d(pre-activation) (T, B, G·H): LSTM da_i, da_f, da_g, da_o; GRU the input part da_r, da_z, da_n. */
    double[] dPreact;
    /**
     * GRUs (T, B, 3H): what multiplies W_hh at step t. GRU: dL/d(W_hh h + b_hh) = da_r, da_z, r ⊙ da_n. Reset-before
     * GRU: da_r, da_z, 0 (its n rows multiply r ⊙ h_{t-1}, not h_{t-1}: see {@link #daCandidate}).
     */
    double[] dHiddenPart;
    /** GRUs (T, B, 3H): dL/dr, dL/dz, dL/dn (with respect to the gate values). */
    double[] dGates;
    /** Reset-before GRU (T, B, H): dL/d(r ⊙ h_{t-1}) = W_hnᵀ δa_n. */
    double[] dResetHidden;
    /** Reset-before GRU (T, B, H): δa_n again, contiguous, for the products with W_hn. */
    double[] daCandidate;
    /** dL/dh_{t-1} through step t (T, B, H); at t = 0 it is dL/dh0. */
    double[] dhPrev;
    /** LSTM dL/dc_{t-1} through step t: dc_t ⊙ f_t (T, B, H); at t = 0 it is dL/dc0. */
    double[] dcPrev;
    /** dL/dx_t (T, B, D). */
    double[] dx;
    /** dL/dh_T and dL/dc_T through the final states (B, H), zeros when none was given. */
    double[] dhLast;
    double[] dcLast;

    public LayerGrads(CellType cell, int inputSize, int hiddenSize) {
        this.cell = cell;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    public void ensure(int steps, int batch) {
        this.steps = steps;
        this.batch = batch;
        int tbh = steps * batch * hiddenSize;
        int g = cell.gateCount() * hiddenSize;
        fromAbove = LayerTrace.fit(fromAbove, tbh);
        dh = LayerTrace.fit(dh, tbh);
        dPreact = LayerTrace.fit(dPreact, steps * batch * g);
        dhPrev = LayerTrace.fit(dhPrev, tbh);
        dx = LayerTrace.fit(dx, steps * batch * inputSize);
        dhLast = LayerTrace.fit(dhLast, batch * hiddenSize);
        dcLast = LayerTrace.fit(dcLast, batch * hiddenSize);
        if (cell.hasCellState()) {
            dc = LayerTrace.fit(dc, tbh);
            dcPrev = LayerTrace.fit(dcPrev, tbh);
        } else if (cell.isGru()) {
            dHiddenPart = LayerTrace.fit(dHiddenPart, steps * batch * g);
            dGates = LayerTrace.fit(dGates, steps * batch * g);
            if (cell == CellType.GRU_RESET_BEFORE) {
                dResetHidden = LayerTrace.fit(dResetHidden, tbh);
                daCandidate = LayerTrace.fit(daCandidate, tbh);
            }
        }
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int steps() {
        return steps;
    }

    public int batch() {
        return batch;
    }

    public double[] fromAbove() {
        return fromAbove;
    }

    public double[] dh() {
        return dh;
    }

    public double[] dc() {
        return dc;
    }

    public double[] dPreact() {
        return dPreact;
    }

    public double[] dHiddenPart() {
        return dHiddenPart;
    }

    public double[] dGates() {
        return dGates;
    }

    public double[] dResetHidden() {
        return dResetHidden;
    }

    public double[] daCandidate() {
        return daCandidate;
    }

    public double[] dhPrev() {
        return dhPrev;
    }

    public double[] dcPrev() {
        return dcPrev;
    }

    public double[] dx() {
        return dx;
    }

    public double[] dhLast() {
        return dhLast;
    }

    public double[] dcLast() {
        return dcLast;
    }
}
