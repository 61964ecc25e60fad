package org.lstmlab.engine.nn;

/**
 * What backpropagation through time computed for one layer and one batch, step by step: the gradient trace the
 * debugger's backward mode shows. Arrays are time-major {@code (T, B, width)} like {@link LayerTrace}; "da_x"
 * means the gradient of the loss with respect to gate x's pre-activation. In the float32 training precision, as
 * for the trace, float arrays hold the gradients and the accessors return float64 copies.
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

    /**
     * Whether the last backward pass ran in the float32 training precision: then the gradients are the float arrays
     * below, the double arrays above are not kept and the accessors return float64 copies. Only what backward itself
     * needs is kept: not dc_t (LSTM), dL/dr, dz, dn (GRUs).
     */
    private boolean float32;
    float[] fromAboveF;
    float[] dhF;
    float[] dPreactF;
    float[] dHiddenPartF;
    float[] dResetHiddenF;
    float[] daCandidateF;
    float[] dhPrevF;
    float[] dcPrevF;
    float[] dxF;
    float[] dhLastF;
    float[] dcLastF;

    public LayerGrads(CellType cell, int inputSize, int hiddenSize) {
        this.cell = cell;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    public void ensure(int steps, int batch) {
        this.steps = steps;
        this.batch = batch;
        if (float32) {
            float32 = false;
            fromAboveF = null;
            dhF = null;
            dPreactF = null;
            dHiddenPartF = null;
            dResetHiddenF = null;
            daCandidateF = null;
            dhPrevF = null;
            dcPrevF = null;
            dxF = null;
            dhLastF = null;
            dcLastF = null;
        }
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

    /** Sizes the float32 buffers (the float32 training precision) and lets go of the float64 ones. */
    void ensureFloat(int steps, int batch) {
        this.steps = steps;
        this.batch = batch;
        this.float32 = true;
        fromAbove = null;
        dh = null;
        dc = null;
        dPreact = null;
        dHiddenPart = null;
        dGates = null;
        dResetHidden = null;
        daCandidate = null;
        dhPrev = null;
        dcPrev = null;
        dx = null;
        dhLast = null;
        dcLast = null;
        int tbh = steps * batch * hiddenSize;
        int g = cell.gateCount() * hiddenSize;
        fromAboveF = LayerTrace.fit(fromAboveF, tbh);
        dhF = LayerTrace.fit(dhF, tbh);
        dPreactF = LayerTrace.fit(dPreactF, steps * batch * g);
        dhPrevF = LayerTrace.fit(dhPrevF, tbh);
        dxF = LayerTrace.fit(dxF, steps * batch * inputSize);
        dhLastF = LayerTrace.fit(dhLastF, batch * hiddenSize);
        dcLastF = LayerTrace.fit(dcLastF, batch * hiddenSize);
        if (cell.hasCellState()) {
            dcPrevF = LayerTrace.fit(dcPrevF, tbh);
        } else if (cell.isGru()) {
            dHiddenPartF = LayerTrace.fit(dHiddenPartF, steps * batch * g);
            if (cell == CellType.GRU_RESET_BEFORE) {
                dResetHiddenF = LayerTrace.fit(dResetHiddenF, tbh);
                daCandidateF = LayerTrace.fit(daCandidateF, tbh);
            }
        }
    }

    /** Whether the last backward pass ran in float32. */
    boolean isFloat32() {
        return float32;
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
        return float32 ? LayerTrace.widened(fromAboveF, 0, steps * batch * hiddenSize) : fromAbove;
    }

    public double[] dh() {
        return float32 ? LayerTrace.widened(dhF, 0, steps * batch * hiddenSize) : dh;
    }

    /** Not kept by a float32 backward pass: null then. */
    public double[] dc() {
        return float32 ? null : dc;
    }

    public double[] dPreact() {
        return float32 ? LayerTrace.widened(dPreactF, 0, steps * batch * cell.gateCount() * hiddenSize) : dPreact;
    }

    public double[] dHiddenPart() {
        return float32 ? LayerTrace.widened(dHiddenPartF, 0, steps * batch * cell.gateCount() * hiddenSize)
                : dHiddenPart;
    }

    /** Not kept by a float32 backward pass: null then. */
    public double[] dGates() {
        return float32 ? null : dGates;
    }

    public double[] dResetHidden() {
        return float32 ? LayerTrace.widened(dResetHiddenF, 0, steps * batch * hiddenSize) : dResetHidden;
    }

    public double[] daCandidate() {
        return float32 ? LayerTrace.widened(daCandidateF, 0, steps * batch * hiddenSize) : daCandidate;
    }

    public double[] dhPrev() {
        return float32 ? LayerTrace.widened(dhPrevF, 0, steps * batch * hiddenSize) : dhPrev;
    }

    public double[] dcPrev() {
        return float32 ? LayerTrace.widened(dcPrevF, 0, steps * batch * hiddenSize) : dcPrev;
    }

    public double[] dx() {
        return float32 ? LayerTrace.widened(dxF, 0, steps * batch * inputSize) : dx;
    }

    public double[] dhLast() {
        return float32 ? LayerTrace.widened(dhLastF, 0, batch * hiddenSize) : dhLast;
    }

    public double[] dcLast() {
        return float32 ? LayerTrace.widened(dcLastF, 0, batch * hiddenSize) : dcLast;
    }
}
