package org.lstmlab.engine.text;

import java.nio.file.FileSystemException;

/**
 * A file the program will not read or write as asked (a folder where a file is needed, a file over a size cap, a
 * save that would replace a device), with the reason as a {@link Message}: {@link #getMessage()} is the English
 * "{file}: {reason}" of the command line, {@link #userMessage()} the same in the app's language.
 */
public class FileRefusal extends FileSystemException implements UserFacing {
    private static final long serialVersionUID = 1L;

    private final transient Message reason;

    public FileRefusal(String file, Message reason) {
        super(file, null, reason.english());
        this.reason = reason;
    }

    /** What is wrong with the file, without its name. */
    public Message reason() {
        return reason;
    }

    @Override
    public Message userMessage() {
        return Message.of("engine.file.named", getFile(), reason);
    }
}
