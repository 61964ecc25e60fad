package org.lstmlab.engine.io;

import java.io.IOException;

/** Text that is not strict JSON (RFC 8259), or that holds a duplicate key or nests too deeply. */
public final class JsonException extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Not JSON: a bad token, a missing comma, trailing text, an invalid escape, ... */
        SYNTAX,
        /** An object holds the same key twice. */
        DUPLICATE_KEY,
        /** Objects and arrays nest deeper than the parser's limit. */
        TOO_DEEP,
        /** More values (objects, arrays, strings, numbers, literals) than the parser's limit. */
        TOO_MANY_VALUES
    }

    private final Kind kind;
    private final int offset;

    /**
     * @param kind   what is wrong
     * @param offset the character index in the text where it was found
     * @param reason what was found, without the position
     */
    public JsonException(Kind kind, int offset, String reason) {
        super(reason + " at character " + offset);
        this.kind = kind;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** Character index in the parsed text. */
    public int offset() {
        return offset;
    }
}
