package org.lstmlab.engine.data;

import java.io.IOException;
import java.util.List;

/**
 * A data file that cannot be loaded, with where and why: the file, the 1-based line and column of the first
 * problem (0 when the problem is the whole file), the reason, and how many more problems were found. Loading is
 * all or nothing: when this is thrown, nothing was loaded.
 */
public final class DataFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** One problem at one place. */
    public record Problem(int line, int column, String reason) {
        @Override
        public String toString() {
            if (line <= 0) {
                return reason;
            }
            return "line " + line + (column > 0 ? ", column " + column : "") + ": " + reason;
        }
    }

    private final String file;
    private final transient List<Problem> problems;
    private final int more;

    public DataFileException(String file, List<Problem> problems, int more) {
        super(message(file, problems, more));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a data file error needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
        this.more = more;
    }

    public DataFileException(String file, int line, int column, String reason) {
        this(file, List.of(new Problem(line, column, reason)), 0);
    }

    /** A problem with the file as a whole (empty, too large, ...). */
    public DataFileException(String file, String reason) {
        this(file, 0, 0, reason);
    }

    private static String message(String file, List<Problem> problems, int more) {
        if (problems.isEmpty()) {
            return file;
        }
        StringBuilder sb = new StringBuilder(file).append(": ").append(problems.get(0));
        int others = problems.size() - 1 + more;
        if (others > 0) {
            sb.append(" (and ").append(others).append(others == 1 ? " more problem)" : " more problems)");
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    /** The first problems found, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's line (0 for the whole file). */
    public int line() {
        return problems.get(0).line();
    }

    /** The first problem's column (0 when not known). */
    public int column() {
        return problems.get(0).column();
    }

    public String reason() {
        return problems.get(0).reason();
    }

    /** Problems found beyond {@link #problems()}. */
    public int more() {
        return more;
    }
}
