package org.lstmlab.engine.io;

import java.io.IOException;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.UserFacing;

/**
 * A model file that cannot be used: the message names the file and says what is wrong with it. The reason is a
 * {@link Message}: the command line prints it in English, the app in its own language.
 */
public final class ModelFileException extends IOException implements UserFacing {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public ModelFileException(String file, Message reason) {
        this(Message.of("engine.file.named", file, reason));
    }

    /** A reason given as English text only (shown in English in every language). */
    public ModelFileException(String file, String reason) {
        this(file, Message.verbatim(reason));
    }

    private ModelFileException(Message message) {
        super(message.english());
        this.message = message;
    }

    @Override
    public Message userMessage() {
        return message;
    }
}
