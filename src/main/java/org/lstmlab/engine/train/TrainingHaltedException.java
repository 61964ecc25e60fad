package org.lstmlab.engine.train;

/** Training stopped because too many steps in a row had a non-finite loss or gradient. */
public final class TrainingHaltedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingHaltedException(String message) {
        super(message);
    }
}
