package org.lstmlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line the user reads on stderr, and its exit code. */
final class CliErrors {
    private CliErrors() {
    }

    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": " + (n.getReason() != null ? n.getReason() : "no such file");
        }
        if (t instanceof AccessDeniedException a) {
            return a.getFile() + ": " + (a.getReason() != null ? a.getReason() : "permission denied");
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        return msg;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof IllegalArgumentException) {
            return LstmLabCommand.EXIT_USAGE;
        }
        return 1;
    }
}
