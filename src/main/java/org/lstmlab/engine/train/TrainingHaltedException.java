package org.lstmlab.engine.train;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.UserFacing;

/** Training stopped because too many steps in a row had a non-finite loss or gradient. */
public final class TrainingHaltedException extends RuntimeException implements UserFacing {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public TrainingHaltedException(Message message) {
        super(message.english());
        this.message = message;
    }

    @Override
    public Message userMessage() {
        return message;
    }
}
