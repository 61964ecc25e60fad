package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON parser: what it accepts, what lenient parsers accept and it refuses, and the writer's inverse. */
class JsonParserTest {
    @Test
    void parsesEveryValueType() throws JsonException {
        JsonValue v = JsonParser.parse(" {\"a\":[1,-2.5e+3,true,false,null],"
                + "\"b\":{\"c\":\"x\\ty\\u00e9\\ud83d\\ude00\"},\"\":0}\n");
        JsonValue.Obj o = (JsonValue.Obj) v;
        assertEquals(List.of("a", "b", ""), List.copyOf(o.members().keySet()), "document order");
        List<JsonValue> a = ((JsonValue.Arr) o.members().get("a")).elements();
        assertEquals(new JsonValue.Num("1"), a.get(0));
        assertEquals(-2500.0, ((JsonValue.Num) a.get(1)).doubleValue());
        assertEquals(new JsonValue.Bool(true), a.get(2));
        assertEquals(JsonValue.Null.INSTANCE, a.get(4));
        JsonValue.Obj b = (JsonValue.Obj) o.members().get("b");
        assertEquals(new JsonValue.Str("x\ty\u00e9\uD83D\uDE00"), b.members().get("c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "01", "-",
        "1.", ".5", "1e", "+1", "NaN", "Infinity", "tru", "nul", "\"abc", "\"a\\x\"", "\"a\\u12\"", "\"a\\u12G4\"",
        "\"\t\"", "\"\u0001\"", "1 2", "[1] x", "/* c */ 1", "// c\n1", "\u00a01", "\uFEFF1", "\"\\ud800\"",
        "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\u\u0661\u0662\u0663\u0664\""})
    void rejectsWhatStrictJsonRejects(String text) {
        JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse(text));
        assertEquals(JsonException.Kind.SYNTAX, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("at character"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejectedAtAnyDepthAfterUnescaping() {
        String[] texts = {"{\"a\":1,\"a\":2}", "[{\"x\":{\"k\":1,\"k\":1}}]", "{\"a\":1,\"\\u0061\":2}"};
        for (String text : texts) {
            JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse(text));
            assertEquals(JsonException.Kind.DUPLICATE_KEY, e.kind(), text);
        }
    }

    @Test
    void depthIsLimitedWithoutOverflowingTheStack() throws JsonException {
        JsonParser.parse("[".repeat(64) + "]".repeat(64));
        JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse("[".repeat(65) + "]".repeat(65)));
        assertEquals(JsonException.Kind.TOO_DEEP, e.kind());
        assertEquals(JsonException.Kind.TOO_DEEP, assertThrows(JsonException.class,
                () -> JsonParser.parse("{\"a\":".repeat(1_000_000))).kind());
        assertEquals(JsonException.Kind.TOO_DEEP, assertThrows(JsonException.class,
                () -> JsonParser.parse("[[[1]]]", 2)).kind());
    }

    @Test
    void numbersKeepTheirText() throws JsonException {
        JsonValue.Num big = (JsonValue.Num) JsonParser.parse("18446744073709551614");
        assertEquals("18446744073709551614", big.lexeme());
        assertTrue(big.isInteger());
        assertThrows(ArithmeticException.class, big::longValueExact);
        assertEquals(Long.MIN_VALUE, ((JsonValue.Num) JsonParser.parse("-9223372036854775808")).longValueExact());
        assertThrows(ArithmeticException.class, () -> new JsonValue.Num("9".repeat(100_000)).longValueExact());
        assertFalse(((JsonValue.Num) JsonParser.parse("1E2")).isInteger());
        assertThrows(ArithmeticException.class, () -> ((JsonValue.Num) JsonParser.parse("1.0")).longValueExact());
        assertEquals("-0", ((JsonValue.Num) JsonParser.parse("-0")).lexeme());
    }

    @Test
    void writerOutputParsesBackEqual() throws JsonException {
        JsonValue v = new JsonValue.Obj(Map.of(
                "s", new JsonValue.Str("q\" b\\ n\n c\u0001 d\u007f é \uD83D\uDE00 </"),
                "a", new JsonValue.Arr(List.of(JsonValue.Num.of(-3), JsonValue.Num.of(1e-7),
                        new JsonValue.Bool(false), JsonValue.Null.INSTANCE)),
                "o", new JsonValue.Obj(Map.of())));
        String text = JsonWriter.write(v);
        assertEquals(v, JsonParser.parse(text));
        assertFalse(text.chars().anyMatch(c -> c < 0x20), "control characters are escaped");
        assertEquals("\"\\u0001\"", JsonWriter.write(new JsonValue.Str("\u0001")));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new JsonValue.Str("\uDC00")));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.Num.of(Double.NaN));
    }
}
