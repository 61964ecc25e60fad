package org.lstmlab.engine.data;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.UserFacing;

/**
 * A data file that cannot be loaded, with where and why: the file, the 1-based line and column of the first
 * problem (0 when the problem is the whole file), the reason, and how many more problems were found. Loading is
 * all or nothing: when this is thrown, nothing was loaded. Each reason is a {@link Message}: the command line
 * prints it in English, the app in its own language.
 */
public final class DataFileException extends IOException implements UserFacing {
    private static final long serialVersionUID = 1L;

    /** One problem at one place. */
    public record Problem(int line, int column, Message why) {
        /** The problem with its place: "line 9: field 2 (temp): 'abc' is not a number". */
        public Message message() {
            if (line <= 0) {
                return why;
            }
            return column > 0 ? Message.of("engine.data.atLineColumn", Integer.toString(line),
                    Integer.toString(column), why) : Message.of("engine.data.atLine", Integer.toString(line), why);
        }

        /** The reason in English. */
        public String reason() {
            return why.english();
        }

        @Override
        public String toString() {
            return message().english();
        }
    }

    /**
     * The reasons no choice of columns, target or encoding mends: the file is empty, no text at all, or its fields
     * separated by a full-width comma.
     */
    private static final Set<String> WHOLE_FILE = Set.of("engine.data.empty",
            "engine.data.onlyBom", "engine.data.zipFile", "engine.data.oleFile", "engine.data.noRows",
            "engine.data.fullWidthSeparator");

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

    public DataFileException(String file, int line, int column, Message why) {
        this(file, List.of(new Problem(line, column, why)), 0);
    }

    /** A problem with the file as a whole (empty, too large, ...). */
    public DataFileException(String file, Message why) {
        this(file, 0, 0, why);
    }

    private static String message(String file, List<Problem> problems, int more) {
        return problems.isEmpty() ? file : file + ": " + describe(problems, more).english();
    }

    /** The first problem, and how many others there are. */
    private static Message describe(List<Problem> problems, int more) {
        int others = problems.size() - 1 + more;
        Message first = problems.get(0).message();
        return others > 0 ? Message.of("engine.data.andMore", first, others) : first;
    }

    /** What is wrong, without the file's name: the first problem with its place, and how many more there are. */
    @Override
    public Message userMessage() {
        return describe(problems, more);
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

    /** The first problem's reason, as a message. */
    public Message why() {
        return problems.get(0).why();
    }

    /**
     * Whether the file itself must change, whatever its reader is told: it is empty, has no data rows, or is a
     * workbook rather than CSV text. A tab then asks for another file, not for other columns.
     */
    public boolean wholeFile() {
        return problems.size() == 1 && more == 0 && WHOLE_FILE.contains(why().key());
    }

    /** Problems found beyond {@link #problems()}. */
    public int more() {
        return more;
    }
}
