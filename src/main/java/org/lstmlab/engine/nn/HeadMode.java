package org.lstmlab.engine.nn;

/** Which hidden states the Dense head reads. */
public enum HeadMode {
    /** Only the last step's h (Keras {@code return_sequences=False}): one prediction per sequence. */
    LAST,
    /** Every step's h (Keras {@code return_sequences=True} + {@code TimeDistributed(Dense)}): one per step. */
    EVERY_STEP
}
