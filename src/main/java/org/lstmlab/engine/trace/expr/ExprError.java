package org.lstmlab.engine.trace.expr;

import java.util.List;

/**
 * Why an expression cannot be parsed or evaluated, with the character position it concerns. The UI turns
 * {@link #kind()} and {@link #args()} into a translated message; {@link #getMessage()} is the English fallback.
 */
public final class ExprError extends RuntimeException {
    /** The kinds of problem; each has a UI label {@code debugger.expr.error.<name in lower case>}. */
    public enum Kind {
        EMPTY, UNEXPECTED_CHARACTER, UNEXPECTED_END, UNEXPECTED_TOKEN, BAD_NUMBER, UNKNOWN_NAME, UNKNOWN_FUNCTION,
        WRONG_ARGUMENT_COUNT, INDEX_OUT_OF_RANGE, INDEX_NOT_INTEGER, SIZE_MISMATCH, NOT_A_MATRIX, NOT_A_SCALAR,
        NOT_YET_COMPUTED, TOO_LONG, TOO_DEEP
    }

    private final Kind kind;
    private final int position;
    private final List<Object> args;

    public ExprError(Kind kind, int position, String english, Object... args) {
        super(english);
        this.kind = kind;
        this.position = position;
        this.args = List.of(args);
    }

    public Kind kind() {
        return kind;
    }

    /** 0-based character offset in the source, or -1 when the problem has no single place. */
    public int position() {
        return position;
    }

    /** Message arguments: a name, a size, an index. */
    public List<Object> args() {
        return args;
    }
}
