package org.lstmlab.engine.lessons;

/**
 * A lesson file that cannot be used, with where and why: {@code forget-gate.yaml:42: steps[3].exercise.answer:
 * ...}. Line numbers count from 1; 0 means the file as a whole.
 */
public final class LessonFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final String field;
    private final String reason;

    public LessonFormatException(String file, int line, String field, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + reason);
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
