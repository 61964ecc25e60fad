package org.lstmlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.data.DataFileException;

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

    /**
     * The lines that follow {@link #describe}'s: a data file's further problems, one per line with the file's name
     * (as many as the loader collected), then how many more it counted. Empty for every other error.
     */
    static List<String> details(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        List<String> lines = new ArrayList<>();
        if (t instanceof DataFileException d) {
            for (DataFileException.Problem p : d.problems().subList(1, d.problems().size())) {
                lines.add(d.file() + ": " + p);
            }
            if (d.more() > 0) {
                lines.add(d.file() + ": " + d.more() + (d.more() == 1 ? " more problem" : " more problems")
                        + " not listed");
            }
        }
        return lines;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof IllegalArgumentException) {
            return LstmLabCommand.EXIT_USAGE;
        }
        return 1;
    }
}
