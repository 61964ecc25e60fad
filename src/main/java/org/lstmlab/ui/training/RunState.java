package org.lstmlab.ui.training;

/** Where a training run is. */
public enum RunState {
    /** Building the data and the model. */
    PREPARING,
    RUNNING,
    PAUSED,
    /** Every epoch trained. */
    FINISHED,
    /** Stopped by the user. */
    STOPPED,
    /** Stopped by the NaN guard: too many steps in a row with a loss or gradient that is not finite. */
    HALTED,
    /** Something went wrong (a bad data file, an error in the engine); the message says what. */
    FAILED;

    /** True once the worker has ended. */
    public boolean isOver() {
        return this == FINISHED || this == STOPPED || this == HALTED || this == FAILED;
    }
}
