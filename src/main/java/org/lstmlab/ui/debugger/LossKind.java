package org.lstmlab.ui.debugger;

/** What backpropagation starts from, in the debugger. */
public enum LossKind {
    /** L = Σ_j h_T[j] of the top layer: one loss at the last step, so the gradient must travel back in time. */
    LAST_STEP_SUM,
    /** L = Σ_t Σ_j h_t[j] of the top layer: a loss at every step. */
    EVERY_STEP_SUM,
    /** The trained model's own Dense head and loss against the sample's target. */
    MODEL_HEAD
}
