package org.lstmlab.engine.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed JSON value: what {@link JsonParser} returns and {@link JsonWriter} writes. Objects keep their key order
 * and never hold a key twice; numbers keep their exact text so that a huge integer is never silently rounded.
 */
public sealed interface JsonValue permits JsonValue.Obj, JsonValue.Arr, JsonValue.Str, JsonValue.Num,
        JsonValue.Bool, JsonValue.Null {

    /** A short name of the value's JSON type, for error messages: object, array, string, number, boolean, null. */
    String typeName();

    /** A JSON object; the map is unmodifiable and in document order. */
    record Obj(Map<String, JsonValue> members) implements JsonValue {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    /** A JSON array; the list is unmodifiable. */
    record Arr(List<JsonValue> elements) implements JsonValue {
        public Arr {
            elements = List.copyOf(elements);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    record Str(String value) implements JsonValue {
        public Str {
            Objects.requireNonNull(value);
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    /**
     * A JSON number as written in the document, e.g. {@code 18446744073709551614} or {@code 1.5e-3}. The lexeme
     * is valid JSON number syntax (the parser and the factories guarantee it).
     */
    record Num(String lexeme) implements JsonValue {
        public Num {
            Objects.requireNonNull(lexeme);
        }

        public static Num of(long v) {
            return new Num(Long.toString(v));
        }

        /** A finite double, written so that parsing it back gives the same double. */
        public static Num of(double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("JSON has no number for " + v);
            }
            return new Num(Double.toString(v));
        }

        /** True if written without a fraction or exponent: {@code -3} is, {@code 1.0} and {@code 1e2} are not. */
        public boolean isInteger() {
            return lexeme.indexOf('.') < 0 && lexeme.indexOf('e') < 0 && lexeme.indexOf('E') < 0;
        }

        public boolean isNegative() {
            return lexeme.startsWith("-");
        }

        /**
         * The value of an integer lexeme as a long.
         *
         * @throws ArithmeticException if it is not an integer or does not fit in a long
         */
        public long longValueExact() {
            if (!isInteger()) {
                throw new ArithmeticException(lexeme + " is not an integer");
            }
            int digits = lexeme.length() - (isNegative() ? 1 : 0);
            if (digits > 19) { // never parse a thousand-digit number: it cannot fit anyway
                throw new ArithmeticException(abbreviated() + " does not fit in 64 bits");
            }
            try {
                return Long.parseLong(lexeme);
            } catch (NumberFormatException e) {
                throw new ArithmeticException(lexeme + " does not fit in 64 bits");
            }
        }

        public double doubleValue() {
            return Double.parseDouble(lexeme);
        }

        /** The lexeme, cut to 40 characters for messages. */
        public String abbreviated() {
            return lexeme.length() <= 40 ? lexeme : lexeme.substring(0, 37) + "...";
        }

        @Override
        public String typeName() {
            return "number";
        }
    }

    record Bool(boolean value) implements JsonValue {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    record Null() implements JsonValue {
        public static final Null INSTANCE = new Null();

        @Override
        public String typeName() {
            return "null";
        }
    }
}
