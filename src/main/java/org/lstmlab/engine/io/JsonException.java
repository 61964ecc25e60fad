package org.lstmlab.engine.io;

import java.io.IOException;

import org.lstmlab.engine.text.Message;

/**
 * Text that is not strict JSON (RFC 8259), or that holds a duplicate key or nests too deeply. {@link #getMessage()}
 * is the English the command line prints ({@code expected ',' or '}' in an object, found end of text at character
 * 149}); {@link #detail()} is the same as a {@link Message}, which a file's error puts inside its own so that the
 * app says it in its language.
 */
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
    private final transient Message detail;

    /**
     * @param kind   what is wrong
     * @param offset the character index in the text where it was found
     * @param reason what was found, without the position ({@code engine.json.*})
     */
    public JsonException(Kind kind, int offset, Message reason) {
        super(placed(reason, offset).english());
        this.kind = kind;
        this.offset = offset;
        this.detail = placed(reason, offset);
    }

    private static Message placed(Message reason, int offset) {
        return Message.of("engine.json.at", reason, Integer.toString(offset));
    }

    public Kind kind() {
        return kind;
    }

    /** Character index in the parsed text. */
    public int offset() {
        return offset;
    }

    /** What is wrong and where, as the message whose English is {@link #getMessage()}. */
    public Message detail() {
        return detail;
    }
}
