package org.lstmlab.engine.io;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The element types a safetensors file may hold that LSTM Lab reads. Floating types are read into
 * {@code double[]}, integer types and {@code BOOL} into {@code long[]}. The names are the ones safetensors writes
 * in the header ({@code "F64"}, {@code "I64"}, ...). Every type can also be written.
 */
public enum DType {
    F64(8, true),
    F32(4, true),
    F16(2, true),
    BF16(2, true),
    I64(8, false),
    I32(4, false),
    I16(2, false),
    I8(1, false),
    U8(1, false),
    BOOL(1, false);

    private final int byteSize;
    private final boolean floating;

    DType(int byteSize, boolean floating) {
        this.byteSize = byteSize;
        this.floating = floating;
    }

    /** Bytes per element in the file. */
    public int byteSize() {
        return byteSize;
    }

    /** True for F64, F32, F16 and BF16: values live in a {@code double[]}; otherwise in a {@code long[]}. */
    public boolean isFloating() {
        return floating;
    }

    /** The smallest value an element of this integer type can hold (meaningless for floating types). */
    public long minValue() {
        return switch (this) {
            case I64 -> Long.MIN_VALUE;
            case I32 -> Integer.MIN_VALUE;
            case I16 -> Short.MIN_VALUE;
            case I8 -> Byte.MIN_VALUE;
            default -> 0;
        };
    }

    /** The largest value an element of this integer type can hold (meaningless for floating types). */
    public long maxValue() {
        return switch (this) {
            case I64 -> Long.MAX_VALUE;
            case I32 -> Integer.MAX_VALUE;
            case I16 -> Short.MAX_VALUE;
            case I8 -> Byte.MAX_VALUE;
            case U8 -> 255;
            case BOOL -> 1;
            default -> 0;
        };
    }

    /** The header spelling, e.g. {@code "F64"}. */
    public String headerName() {
        return name();
    }

    /** The type for a header dtype string; exact, case-sensitive match as in the format, empty if unknown. */
    public static Optional<DType> fromHeaderName(String s) {
        for (DType t : values()) {
            if (t.name().equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** {@code "F64, F32, ..."}: for error messages. */
    public static String supportedList() {
        return Arrays.stream(values()).map(DType::headerName).collect(Collectors.joining(", "));
    }
}
