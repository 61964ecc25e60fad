package org.lstmlab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.io.JsonWriter;

/**
 * The command line's machine-readable lines: a map of numbers, strings, booleans and lists of them, written by the
 * engine.
 */
final class Json {
    private Json() {
    }

    /** One line of JSON; a number that is not finite is written as {@code null}. */
    static String line(Map<String, ?> fields) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            members.put(e.getKey(), value(e.getValue()));
        }
        return JsonWriter.writeSpaced(new JsonValue.Obj(members));
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.Null.INSTANCE;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? JsonValue.Num.of(d) : JsonValue.Null.INSTANCE;
        }
        if (v instanceof Number n) {
            return JsonValue.Num.of(n.longValue());
        }
        if (v instanceof Boolean b) {
            return new JsonValue.Bool(b);
        }
        if (v instanceof List<?> list) {
            return new JsonValue.Arr(list.stream().map(Json::value).toList());
        }
        return new JsonValue.Str(String.valueOf(v));
    }
}
