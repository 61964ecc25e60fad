package org.lstmlab.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.text.Message;

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
            throw p.error(Message.of("engine.json.afterValue", p.describe(p.pos)));
        }
        return v;
    }

    private JsonValue value(int depth) throws JsonException {
        if (++values > maxValues) {
            throw new JsonException(JsonException.Kind.TOO_MANY_VALUES, pos,
                    Message.of("engine.json.tooManyValues", Long.toString(maxValues)));
        }
        if (pos >= text.length()) {
            throw error(Message.of("engine.json.endNoValue"));
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
                throw error(Message.of("engine.json.noValue", describe(pos)));
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
                throw error(Message.of("engine.json.key", describe(pos)));
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue v = value(depth);
            if (members.putIfAbsent(key, v) != null) {
                throw new JsonException(JsonException.Kind.DUPLICATE_KEY, keyStart,
                        Message.of("engine.json.duplicateKey", JsonWriter.abbreviate(key)));
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new JsonValue.Obj(members);
            }
            if (c != ',') {
                pos--;
                throw error(Message.of("engine.json.inObject", ",", "}", describe(pos)));
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
                throw error(Message.of("engine.json.inArray", ",", "]", describe(pos)));
            }
        }
    }

    private void enter(int depth) throws JsonException {
        if (depth > maxDepth) {
            throw new JsonException(JsonException.Kind.TOO_DEEP, pos,
                    Message.of("engine.json.tooDeep", Integer.toString(maxDepth)));
        }
    }

    private String string() throws JsonException {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(Message.of("engine.json.unterminated"));
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error(Message.of("engine.json.control", hex4(c)));
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error(Message.of("engine.json.unterminated"));
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
                    throw error(Message.of("engine.json.escape", printable(e)));
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
            throw error(Message.of("engine.json.lowSurrogate", hex4(c)));
        }
        if (Character.isHighSurrogate(c)) {
            if (!text.startsWith("\\u", pos)) {
                pos = start;
                throw error(Message.of("engine.json.highSurrogate", hex4(c)));
            }
            pos += 2;
            char low = (char) hexDigits();
            if (!Character.isLowSurrogate(low)) {
                pos = start;
                throw error(Message.of("engine.json.noLowSurrogate", hex4(c)));
            }
            sb.append(c).append(low);
            return;
        }
        sb.append(c);
    }

    private int hexDigits() throws JsonException {
        if (pos + 4 > text.length()) {
            throw error(Message.of("engine.json.truncatedEscape"));
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos), 16);
            if (d < 0 || text.charAt(pos) > 'f') { // Character.digit also accepts non-ASCII digits
                throw error(Message.of("engine.json.hexDigit", describe(pos)));
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
                throw error(Message.of("engine.json.leadingZero"));
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error(Message.of("engine.json.digit", describe(pos)));
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error(Message.of("engine.json.fraction", describe(pos)));
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error(Message.of("engine.json.exponent", describe(pos)));
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
            throw error(Message.of("engine.json.noValue", describe(pos)));
        }
        pos += word.length();
        return v;
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error(Message.of("engine.json.expected", String.valueOf(c), describe(pos)));
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

    /** What is at {@code at}: "end of text" or the character in quotes. */
    private Message describe(int at) {
        return at >= text.length() ? Message.of("engine.json.endOfText")
                : Message.of("engine.json.character", printable(text.charAt(at)));
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : "U+" + hex4(c);
    }

    private static String hex4(int c) {
        return String.format("%04X", c);
    }

    private JsonException error(Message reason) {
        return new JsonException(JsonException.Kind.SYNTAX, pos, reason);
    }
}
