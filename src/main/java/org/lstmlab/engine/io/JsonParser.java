package org.lstmlab.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) for headers and metadata written by programs, not people. It accepts exactly one
 * value with optional surrounding whitespace (space, tab, LF, CR) and rejects everything lenient parsers let
 * through: comments, trailing commas, single quotes, leading zeros, {@code NaN}, control characters in strings,
 * unpaired surrogate escapes, duplicate keys in an object, and nesting deeper than a limit (so hostile input
 * cannot overflow the stack).
 */
public final class JsonParser {
    /** The nesting limit of {@link #parse(String)}; a safetensors header needs 3. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private final String text;
    private final int maxDepth;
    private final long maxValues;
    private long values;
    private int pos;

    private JsonParser(String text, int maxDepth, long maxValues) {
        this.text = text;
        this.maxDepth = maxDepth;
        this.maxValues = maxValues;
    }

    /** Parses {@code text}, which must be one JSON value, nesting at most {@value #DEFAULT_MAX_DEPTH} deep. */
    public static JsonValue parse(String text) throws JsonException {
        return parse(text, DEFAULT_MAX_DEPTH);
    }

    /** Parses {@code text} with objects and arrays nested at most {@code maxDepth} deep. */
    public static JsonValue parse(String text, int maxDepth) throws JsonException {
        return parse(text, maxDepth, Long.MAX_VALUE);
    }

    /**
     * Parses {@code text} with objects and arrays nested at most {@code maxDepth} deep and at most
     * {@code maxValues} values in all (every object, array, string, number and literal counts one), so that the
     * tree built from hostile text stays proportional to what the caller expects, not to the text's length.
     */
    public static JsonValue parse(String text, int maxDepth, long maxValues) throws JsonException {
        JsonParser p = new JsonParser(text, maxDepth, maxValues);
        p.skipWhitespace();
        JsonValue v = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the JSON value");
        }
        return v;
    }

    private JsonValue value(int depth) throws JsonException {
        if (++values > maxValues) {
            throw new JsonException(JsonException.Kind.TOO_MANY_VALUES, pos, "more than " + maxValues
                    + " values");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of text, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> new JsonValue.Str(string());
            case 't' -> literal("true", new JsonValue.Bool(true));
            case 'f' -> literal("false", new JsonValue.Bool(false));
            case 'n' -> literal("null", JsonValue.Null.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + describe(pos) + ", expected a value");
            }
        };
    }

    private JsonValue object(int depth) throws JsonException {
        enter(depth);
        pos++; // '{'
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonValue.Obj(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key, found " + describe(pos));
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue v = value(depth);
            if (members.putIfAbsent(key, v) != null) {
                throw new JsonException(JsonException.Kind.DUPLICATE_KEY, keyStart, "duplicate key \""
                        + JsonWriter.abbreviate(key) + "\"");
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new JsonValue.Obj(members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object, found " + describe(pos));
            }
        }
    }

    private JsonValue array(int depth) throws JsonException {
        enter(depth);
        pos++; // '['
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonValue.Arr(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new JsonValue.Arr(elements);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array, found " + describe(pos));
            }
        }
    }

    private void enter(int depth) throws JsonException {
        if (depth > maxDepth) {
            throw new JsonException(JsonException.Kind.TOO_DEEP, pos, "objects and arrays nested deeper than "
                    + maxDepth);
        }
    }

    private String string() throws JsonException {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character U+" + hex4(c) + " inside a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> unicodeEscape(sb);
                default -> {
                    pos -= 2;
                    throw error("invalid escape \\" + printable(e));
                }
            }
        }
    }

    /** After {@code \\u}: four hex digits; a high surrogate must be followed by an escaped low surrogate. */
    private void unicodeEscape(StringBuilder sb) throws JsonException {
        int start = pos - 2;
        char c = (char) hexDigits();
        if (Character.isLowSurrogate(c)) {
            pos = start;
            throw error("unpaired low surrogate \\u" + hex4(c));
        }
        if (Character.isHighSurrogate(c)) {
            if (!text.startsWith("\\u", pos)) {
                pos = start;
                throw error("unpaired high surrogate \\u" + hex4(c));
            }
            pos += 2;
            char low = (char) hexDigits();
            if (!Character.isLowSurrogate(low)) {
                pos = start;
                throw error("high surrogate \\u" + hex4(c) + " not followed by a low surrogate");
            }
            sb.append(c).append(low);
            return;
        }
        sb.append(c);
    }

    private int hexDigits() throws JsonException {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos), 16);
            if (d < 0 || text.charAt(pos) > 'f') { // Character.digit also accepts non-ASCII digits
                throw error("invalid hex digit " + describe(pos) + " in a \\u escape");
            }
            v = v * 16 + d;
            pos++;
        }
        return v;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    private JsonValue number() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit, found " + describe(pos));
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.', found " + describe(pos));
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, found " + describe(pos));
            }
            digits();
        }
        return new JsonValue.Num(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonValue literal(String word, JsonValue v) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe(pos) + ", expected a value");
        }
        pos += word.length();
        return v;
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + describe(pos));
        }
        pos++;
    }

    /** The character at the cursor, or U+FFFF at the end (which no rule accepts). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\uffff';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe(int at) {
        return at >= text.length() ? "end of text" : "'" + printable(text.charAt(at)) + "'";
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : "U+" + hex4(c);
    }

    private static String hex4(int c) {
        return String.format("%04X", c);
    }

    private JsonException error(String reason) {
        return new JsonException(JsonException.Kind.SYNTAX, pos, reason);
    }
}
