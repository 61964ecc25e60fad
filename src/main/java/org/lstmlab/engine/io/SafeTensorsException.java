package org.lstmlab.engine.io;

import java.io.IOException;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.UserFacing;

/**
 * A safetensors file that cannot be read as it is, or a tensor that is not what the caller needs. The message is
 * one line that names the file, the tensor or header field and the reason, e.g.
 * {@code case.safetensors: tensor 'input': data_offsets [0,16] hold 16 bytes but shape [2,3] of F64 needs 48}.
 */
public final class SafeTensorsException extends IOException implements UserFacing {
    private static final long serialVersionUID = 1L;

    /** What is wrong; the names follow the reference implementation's error variants where there is one. */
    public enum Kind {
        /** Fewer than the 8 bytes of the header length. */
        HEADER_TOO_SMALL,
        /**
         * The header length is above {@value SafeTensorsHeader#MAX_HEADER_BYTES} bytes, or the header holds more
         * than {@value SafeTensorsHeader#MAX_VALUES} JSON values.
         */
        HEADER_TOO_LARGE,
        /** The header length points past the end of the file. */
        INVALID_HEADER_LENGTH,
        /** The header is not valid UTF-8. */
        INVALID_UTF8,
        /** The header is not valid JSON, or its structure is not a safetensors header (too deep, not an object). */
        INVALID_JSON,
        /** The same key appears twice in one JSON object. */
        DUPLICATE_KEY,
        /** {@code __metadata__} is not an object of string values. */
        INVALID_METADATA,
        /** A dtype this reader does not know. */
        UNKNOWN_DTYPE,
        /** A shape that is not a list of non-negative integers. */
        INVALID_SHAPE,
        /** A dimension, element count or byte count too large to represent. */
        OVERFLOW,
        /** {@code data_offsets} malformed, or the tensors do not tile the buffer from 0 without gaps or overlap. */
        INVALID_OFFSET,
        /** A tensor entry that is not {dtype, shape, data_offsets}, or whose byte length does not match its shape. */
        TENSOR_INVALID_INFO,
        /** Bytes after the last tensor (polyglot files), or fewer bytes than the header promises. */
        INCOMPLETE_BUFFER,
        /** More tensors than {@value SafeTensorsHeader#MAX_TENSORS}. */
        TOO_MANY_TENSORS,
        /** A tensor name longer than {@value SafeTensorsHeader#MAX_NAME_LENGTH} characters. */
        NAME_TOO_LONG,
        /** A stored value that is not valid for its dtype (a BOOL byte other than 0 or 1). */
        INVALID_VALUE,
        /** Writing: a NaN or infinite value where the caller asked for finite values only. */
        NON_FINITE_VALUE,
        /** A tensor the caller needs is not in the file. */
        MISSING_TENSOR,
        /** A tensor has a different shape (or dtype) than the caller needs. */
        WRONG_SHAPE,
        /** The tensors to read need more memory than {@link org.lstmlab.engine.bounds.MemoryBudget} allows. */
        OVER_MEMORY_LIMIT
    }

    private final Kind kind;
    private final String source;
    private final String detail;
    private transient Message message;

    /**
     * @param kind   what is wrong
     * @param source the file name (or another label for an in-memory buffer)
     * @param detail the rest of the message: the tensor or field and the reason
     */
    public SafeTensorsException(Kind kind, String source, String detail) {
        super(source + ": " + detail);
        this.kind = kind;
        this.source = source;
        this.detail = detail;
    }

    /** A problem whose detail has a template of its own (said in the app's language). */
    public SafeTensorsException(Kind kind, String source, Message detail) {
        this(kind, source, detail.english());
        this.message = Message.of("engine.file.named", source, detail);
    }

    /**
     * What is wrong in the app's language: the detail's own sentence where it has one, else the file's name and
     * what this kind of problem means (the English keeps the precise detail, another language says the kind).
     */
    @Override
    public Message userMessage() {
        return message != null ? message : Message.of("engine.safetensors.problem", source,
                Message.of("engine.safetensors." + kind.name().toLowerCase(java.util.Locale.ROOT)),
                Message.verbatim(detail));
    }

    public SafeTensorsException(Kind kind, String source, String detail, Throwable cause) {
        this(kind, source, detail);
        initCause(cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The file name or label the message starts with. */
    public String source() {
        return source;
    }
}
