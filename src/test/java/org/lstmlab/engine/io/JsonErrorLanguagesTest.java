package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Reasons;

/**
 * Text that is not JSON is explained in the language of the app: the parser's English (which the command line
 * prints after a file's name) is what it always was, and the Chinese app says the same in Chinese with the same
 * character position, inside the error of the file that holds the text (a model's metadata, a safetensors header, a
 * Keras config).
 */
class JsonErrorLanguagesTest {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle EN = ResourceBundle.getBundle(Message.BUNDLE, Locale.ROOT, NO_FALLBACK);
    private static final ResourceBundle ZH =
            ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE, NO_FALLBACK);

    /** Text, the parser's English (as before messages had keys), the Chinese. */
    private static final String[][] CASES = {
        {"{} x", "unexpected 'x' after the JSON value at character 3",
            "JSON 值之后还有多余的“x”（第 3 个字符处）"},
        {"", "unexpected end of text, expected a value at character 0",
            "文本意外结束，这里应有一个值（第 0 个字符处）"},
        {"?", "unexpected '?', expected a value at character 0",
            "意外的“?”，这里应有一个值（第 0 个字符处）"},
        {"{1:2}", "expected a string key, found '1' at character 1",
            "这里应是字符串形式的键，却遇到“1”（第 1 个字符处）"},
        {"{\"a\":1,\"a\":2}", "duplicate key \"a\" at character 7",
            "重复的键“a”（第 7 个字符处）"},
        {"{\"a\":1 \"b\"}", "expected ',' or '}' in an object, found '\"' at character 7",
            "对象中这里应是“,”或“}”，却遇到“\"”（第 7 个字符处）"},
        {"[1 2]", "expected ',' or ']' in an array, found '2' at character 3",
            "数组中这里应是“,”或“]”，却遇到“2”（第 3 个字符处）"},
        {"[[[1]]]", "objects and arrays nested deeper than 2 at character 2",
            "对象和数组的嵌套超过了 2 层（第 2 个字符处）"},
        {"[1,2,3]", "more than 2 values at character 3",
            "值的个数超过了 2 个（第 3 个字符处）"},
        {"\"abc", "unterminated string at character 4",
            "字符串缺少结尾的引号（第 4 个字符处）"},
        {"\"ab\\", "unterminated string at character 4",
            "字符串缺少结尾的引号（第 4 个字符处）"},
        {"\"a\u0001\"", "control character U+0001 inside a string at character 2",
            "字符串里有控制字符 U+0001（第 2 个字符处）"},
        {"\"\\q\"", "invalid escape \\q at character 1",
            "无效的转义序列 \\q（第 1 个字符处）"},
        {"\"\\udc00\"", "unpaired low surrogate \\uDC00 at character 1",
            "不成对的低位代理 \\uDC00（第 1 个字符处）"},
        {"\"\\ud800\"", "unpaired high surrogate \\uD800 at character 1",
            "不成对的高位代理 \\uD800（第 1 个字符处）"},
        {"\"\\ud800\\u0041\"", "high surrogate \\uD800 not followed by a low surrogate at character 1",
            "高位代理 \\uD800 后面没有低位代理（第 1 个字符处）"},
        {"\"\\u12\"", "truncated \\u escape at character 3",
            "\\u 转义不完整（第 3 个字符处）"},
        {"\"\\u12G4\"", "invalid hex digit 'G' in a \\u escape at character 5",
            "\\u 转义里有无效的十六进制数字“G”（第 5 个字符处）"},
        {"01", "leading zero in a number at character 1",
            "数字不能以多余的 0 开头（第 1 个字符处）"},
        {"-", "expected a digit, found end of text at character 1",
            "这里应是数字，却遇到文本末尾（第 1 个字符处）"},
        {"1.", "expected a digit after '.', found end of text at character 2",
            "小数点之后应是数字，却遇到文本末尾（第 2 个字符处）"},
        {"1e", "expected a digit in the exponent, found end of text at character 2",
            "指数部分应是数字，却遇到文本末尾（第 2 个字符处）"},
        {"tru", "unexpected 't', expected a value at character 0",
            "意外的“t”，这里应有一个值（第 0 个字符处）"},
        {"{\"a\" 1}", "expected ':', found '1' at character 5",
            "这里应是“:”，却遇到“1”（第 5 个字符处）"},
        {"\u0001", "unexpected 'U+0001', expected a value at character 0",
            "意外的“U+0001”，这里应有一个值（第 0 个字符处）"},
        {"{\"a\":", "unexpected end of text, expected a value at character 5",
            "文本意外结束，这里应有一个值（第 5 个字符处）"},
        {"[1,", "unexpected end of text, expected a value at character 3",
            "文本意外结束，这里应有一个值（第 3 个字符处）"},
        {"\"\\u00e9\\u00", "truncated \\u escape at character 9",
            "\\u 转义不完整（第 9 个字符处）"},
        {"{\"ké\\x\":1}", "invalid escape \\x at character 4",
            "无效的转义序列 \\x（第 4 个字符处）"},
        {"[1]]", "unexpected ']' after the JSON value at character 3",
            "JSON 值之后还有多余的“]”（第 3 个字符处）"},
        {"{\"a\":1,}", "expected a string key, found '}' at character 7",
            "这里应是字符串形式的键，却遇到“}”（第 7 个字符处）"},
        {"[1,]", "unexpected ']', expected a value at character 3",
            "意外的“]”，这里应有一个值（第 3 个字符处）"},
    };

    private static JsonException refusal(String text) {
        int depth = text.equals("[[[1]]]") ? 2 : JsonParser.DEFAULT_MAX_DEPTH;
        long values = text.equals("[1,2,3]") ? 2 : Long.MAX_VALUE;
        return assertThrows(JsonException.class, () -> JsonParser.parse(text, depth, values), text);
    }

    @Test
    void everyProblemIsSaidInEnglishAsBeforeAndInChinese() {
        for (String[] c : CASES) {
            JsonException e = refusal(c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
            assertEquals(c[1], e.detail().in(EN), c[0]);
            assertEquals(c[2], e.detail().in(ZH), c[0]);
        }
    }

    /** Each template of the parser has a case above, so that each is seen in Chinese. */
    @Test
    void everyJsonKeyHasACaseAndChinese() {
        Set<String> seen = new TreeSet<>();
        for (String[] c : CASES) {
            keys(refusal(c[0]).detail(), seen);
        }
        Set<String> expected = new TreeSet<>();
        for (String k : EN.keySet()) {
            if (k.startsWith("engine.json.")) {
                expected.add(k);
                assertTrue(ZH.containsKey(k) && !ZH.getString(k).equals(EN.getString(k)), k);
            }
        }
        assertEquals(expected, seen);
    }

    private static void keys(Message m, Set<String> into) {
        into.add(m.key());
        for (Object a : m.args()) {
            if (a instanceof Message inner) {
                keys(inner, into);
            }
        }
    }

    @Test
    void aSafetensorsHeaderThatIsNotJsonSaysWhereInChinese(@TempDir Path dir) throws IOException {
        Path syntax = dir.resolve("h.safetensors");
        header(syntax, "{\"a\":1,}");
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(syntax));
        assertEquals(syntax + ": header is not valid JSON: expected a string key, found '}' at character 7",
                e.getMessage());
        assertEquals(syntax + "：文件头不是有效的 JSON：这里应是字符串形式的键，却遇到“}”（第 7 个字符处）",
                Reasons.of(e).in(ZH));
        assertEquals(SafeTensorsException.Kind.INVALID_JSON, e.kind());

        Path twice = dir.resolve("d.safetensors");
        header(twice, "{\"__metadata__\":{},\"__metadata__\":{}}");
        e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(twice));
        assertEquals(twice + ": header has a duplicate key \"__metadata__\" at character 19", e.getMessage());
        assertEquals(twice + "：文件头里有重复的键“__metadata__”（第 19 个字符处）", Reasons.of(e).in(ZH));
        assertEquals(SafeTensorsException.Kind.DUPLICATE_KEY, e.kind());
    }

    /** A safetensors file of this header and no tensors. */
    private static void header(Path file, String json) throws IOException {
        byte[] h = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Files.write(file, b.array());
    }

    @Test
    void aModelWhoseMetadataIsNotJsonSaysWhereInChinese(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.safetensors");
        SafeTensors.write(file, Map.of("x", Tensor.f64("x", new int[] {1}, new double[] {0})),
                Map.of("format", "lstm-lab-model", "format_version", "1.0", "architecture", "{\"cell\": lstm}"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": architecture metadata is not valid JSON: unexpected 'l', expected a value at "
                + "character 9", e.getMessage());
        assertEquals(file + "：元数据 architecture 不是有效的 JSON：意外的“l”，这里应有一个值（第 9 个字符处）",
                Reasons.of(e).in(ZH));
    }

    @Test
    void aKerasConfigThatIsNotJsonSaysWhereInChinese() throws IOException {
        Path file = Path.of("src/test/resources/interop/bad_config_not_json.keras");
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelImport.load(file, ImportOptions.NONE));
        assertEquals(file + ": the Keras model config is not valid JSON: expected a string key, "
                + "found end of text at character 40", e.getMessage());
        assertEquals(file + "：Keras 模型配置不是有效的 JSON：这里应是字符串形式的键，却遇到文本末尾"
                + "（第 40 个字符处）", Reasons.of(e).in(ZH));
    }
}
