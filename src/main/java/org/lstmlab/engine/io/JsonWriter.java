package org.lstmlab.engine.io;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link JsonValue}s as compact JSON that {@link JsonParser} reads back to an equal value. Strings are
 * written as UTF-8 text with {@code "}, {@code \} and control characters escaped; a string with an unpaired
 * surrogate has no UTF-8 form and is refused.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** The compact JSON text of {@code v}. */
    public static String write(JsonValue v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    /**
     * {@code v} on one line with a space after each comma and colon, as Python's {@code json.dumps} writes it: the
     * form of the command line's machine-readable lines.
     */
    public static String writeSpaced(JsonValue v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, ", ", ": ");
        return sb.toString();
    }

    /** Appends the compact JSON text of {@code v}. */
    public static void append(StringBuilder sb, JsonValue v) {
        append(sb, v, ",", ":");
    }

    private static void append(StringBuilder sb, JsonValue v, String comma, String colon) {
        if (v == null) {
            throw new NullPointerException("null JsonValue (use JsonValue.Null.INSTANCE)");
        }
        if (v instanceof JsonValue.Obj o) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonValue>> it = o.members().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonValue> e = it.next();
                quote(sb, e.getKey());
                sb.append(colon);
                append(sb, e.getValue(), comma, colon);
                if (it.hasNext()) {
                    sb.append(comma);
                }
            }
            sb.append('}');
        } else if (v instanceof JsonValue.Arr a) {
            List<JsonValue> els = a.elements();
            sb.append('[');
            for (int i = 0; i < els.size(); i++) {
                if (i > 0) {
                    sb.append(comma);
                }
                append(sb, els.get(i), comma, colon);
            }
            sb.append(']');
        } else if (v instanceof JsonValue.Str s) {
            quote(sb, s.value());
        } else if (v instanceof JsonValue.Num n) {
            sb.append(n.lexeme());
        } else if (v instanceof JsonValue.Bool b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(StringBuilder sb, String s) {
        checkEncodable(s);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Refuses a string with an unpaired surrogate: it has no UTF-8 encoding, and the parser rejects it. */
    public static void checkEncodable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("string \"" + abbreviate(s) + "\" has an unpaired surrogate at "
                        + i + " and cannot be written as UTF-8");
            }
        }
    }

    /** {@code s} cut to 60 characters for messages. */
    public static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
