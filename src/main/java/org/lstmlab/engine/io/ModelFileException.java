package org.lstmlab.engine.io;

import java.io.IOException;

/** A model file that cannot be used: the message names the file and says what is wrong with it. */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String file, String reason) {
        super(file + ": " + reason);
    }
}
