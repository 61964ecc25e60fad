package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.engine.io.RawFiles.entry;
import static org.lstmlab.engine.io.RawFiles.rejects;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.engine.io.SafeTensorsException.Kind;
import org.lstmlab.testing.Await;

/** PER-6: hostile headers are rejected with the right typed error and a message that says what is wrong. */
class SafeTensorsHostileInputTest {

    static Stream<Arguments> badHeaders() {
        String ok = entry("a", "F64", "[2]", 0, 16);
        return Stream.of(
                // JSON syntax and structure
                Arguments.of("{", 0, Kind.INVALID_JSON, "not valid JSON"),
                Arguments.of("", 0, Kind.INVALID_JSON, "end of text"),
                Arguments.of("[]", 0, Kind.INVALID_JSON, "header is a JSON array, not an object"),
                Arguments.of("{" + ok + ",}", 16, Kind.INVALID_JSON, "expected a string key"),
                Arguments.of("{" + ok + "} x", 16, Kind.INVALID_JSON, "after the JSON value"),
                Arguments.of("{" + ok + "}\0\0\0", 16, Kind.INVALID_JSON, "U+0000"),
                Arguments.of("\uFEFF{" + ok + "}", 16, Kind.INVALID_JSON, "U+FEFF"),
                Arguments.of("{'a':1}", 0, Kind.INVALID_JSON, "expected a string key"),
                // duplicate keys anywhere
                Arguments.of("{" + ok + "," + entry("a", "F64", "[2]", 16, 32) + "}", 32, Kind.DUPLICATE_KEY,
                        "duplicate key \"a\""),
                Arguments.of("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0, Kind.DUPLICATE_KEY, "\"k\""),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}",
                        16, Kind.DUPLICATE_KEY, "\"dtype\""),
                Arguments.of("{\"__metadata__\":{},\"__metadata__\":{}}", 0, Kind.DUPLICATE_KEY, "__metadata__"),
                // metadata
                Arguments.of("{\"__metadata__\":{\"steps\":5}}", 0, Kind.INVALID_METADATA,
                        "__metadata__ value of 'steps' is a number, not a string"),
                Arguments.of("{\"__metadata__\":{\"a\":null}}", 0, Kind.INVALID_METADATA,
                        "value of 'a' is null, not a string"),
                Arguments.of("{\"__metadata__\":{\"a\":{\"b\":\"c\"}}}", 0, Kind.INVALID_METADATA, "is an object"),
                Arguments.of("{\"__metadata__\":[\"a\"]}", 0, Kind.INVALID_METADATA, "__metadata__ is an array"),
                Arguments.of("{\"__metadata__\":\"x\"}", 0, Kind.INVALID_METADATA, "__metadata__ is a string"),
                // dtype
                Arguments.of("{" + entry("a", "F8_E4M3", "[2]", 0, 2) + "}", 2, Kind.UNKNOWN_DTYPE,
                        "tensor 'a': dtype 'F8_E4M3' is not one of F64, F32"),
                Arguments.of("{" + entry("a", "f64", "[2]", 0, 16) + "}", 16, Kind.UNKNOWN_DTYPE, "'f64'"),
                Arguments.of("{\"a\":{\"dtype\":64,\"shape\":[2],\"data_offsets\":[0,16]}}", 16,
                        Kind.TENSOR_INVALID_INFO, "dtype is a number"),
                // shape
                Arguments.of("{" + entry("a", "F64", "[-2]", 0, 16) + "}", 16, Kind.INVALID_SHAPE, "-2 at index 0"),
                Arguments.of("{" + entry("a", "F64", "[2.0]", 0, 16) + "}", 16, Kind.INVALID_SHAPE, "2.0"),
                Arguments.of("{" + entry("a", "F64", "[2e0]", 0, 16) + "}", 16, Kind.INVALID_SHAPE, "2e0"),
                Arguments.of("{" + entry("a", "F64", "[\"2\"]", 0, 16) + "}", 16, Kind.INVALID_SHAPE, "a string"),
                Arguments.of("{" + entry("a", "F64", "2", 0, 16) + "}", 16, Kind.INVALID_SHAPE, "shape is a number"),
                Arguments.of("{" + entry("a", "F64", "[null]", 0, 16) + "}", 16, Kind.INVALID_SHAPE, "null"),
                Arguments.of("{" + entry("a", "F64", "[2147483648]", 0, 16) + "}", 16, Kind.OVERFLOW,
                        "dimension 2147483648"),
                Arguments.of("{" + entry("a", "F64", "[65536,65536,65536]", 0, 16) + "}", 16, Kind.OVERFLOW,
                        "more elements than a Java array can hold"),
                Arguments.of("{" + entry("a", "F64", "[" + "9".repeat(5000) + "]", 0, 16) + "}", 16, Kind.OVERFLOW,
                        "too large"),
                // data_offsets
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[-16,0]}}", 16,
                        Kind.INVALID_OFFSET, "-16"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16,32]}}", 16,
                        Kind.INVALID_OFFSET, "[0,16,32] is not a pair"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[16]}}", 16,
                        Kind.INVALID_OFFSET, "[16] is not a pair"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[]}}", 16,
                        Kind.INVALID_OFFSET, "[] is not a pair"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":{}}}", 16,
                        Kind.INVALID_OFFSET, "is not a pair"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[0],\"data_offsets\":[16,0]}}", 16,
                        Kind.INVALID_OFFSET, "[16,0] end before they begin"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16.0]}}", 16,
                        Kind.INVALID_OFFSET, "16.0"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[18446744073709551600,"
                        + "18446744073709551616]}}", 16, Kind.INVALID_OFFSET, "beyond any file"),
                // tiling: gaps, overlaps, aliasing, first tensor not at 0
                Arguments.of("{" + entry("a", "F64", "[2]", 8, 24) + "}", 24, Kind.INVALID_OFFSET,
                        "tensor 'a': data_offsets [8,24] must start at 0"),
                Arguments.of("{" + ok + "," + entry("b", "F64", "[1]", 24, 32) + "}", 32, Kind.INVALID_OFFSET,
                        "leave a gap after tensor 'a', which ends at 16"),
                Arguments.of("{" + ok + "," + entry("b", "F64", "[2]", 8, 24) + "}", 24, Kind.INVALID_OFFSET,
                        "overlap tensor 'a', which ends at 16"),
                Arguments.of("{" + ok + "," + entry("b", "F64", "[2]", 0, 16) + "}", 16, Kind.INVALID_OFFSET,
                        "overlap"),
                // entry structure
                Arguments.of("{\"a\":[0,16]}", 16, Kind.TENSOR_INVALID_INFO, "tensor 'a': entry is an array"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2]}}", 16, Kind.TENSOR_INVALID_INFO,
                        "missing field 'data_offsets'"),
                Arguments.of("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16],\"x\":1}}", 16,
                        Kind.TENSOR_INVALID_INFO, "unknown field 'x'"),
                // buffer not fully indexed
                Arguments.of("{" + ok + "}", 17, Kind.INCOMPLETE_BUFFER, "1 bytes after the last tensor"),
                Arguments.of("{}", 1, Kind.INCOMPLETE_BUFFER, "1 bytes after the last tensor"),
                // nesting far beyond a header's needs, and deeper than any stack
                Arguments.of("{\"__metadata__\":" + "[".repeat(20) + "]".repeat(20) + "}", 0, Kind.INVALID_JSON,
                        "nested deeper than 8"),
                Arguments.of("[".repeat(200_000) + "]".repeat(200_000), 0, Kind.INVALID_JSON, "nested deeper"));
    }

    @ParameterizedTest(name = "[{index}] {2}: {3}")
    @MethodSource("badHeaders")
    void rejected(String header, int dataBytes, Kind kind, String messagePart) {
        // The timeout only catches a hang (a parser that loops or recurses without end); speed is not tested here.
        SafeTensorsException e = assertTimeoutPreemptively(Duration.ofSeconds(Await.LIMIT_SECONDS),
                () -> rejects(RawFiles.file(header, dataBytes)));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("case.safetensors: "), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void headerLengthIsReadAsUnsigned() {
        SafeTensorsException e = rejects(RawFiles.withLength(-1L, new byte[16]));
        assertEquals(Kind.HEADER_TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("18446744073709551615"), e.getMessage());
        assertEquals(Kind.HEADER_TOO_LARGE, rejects(RawFiles.withLength(Long.MIN_VALUE, new byte[16])).kind());
    }

    @Test
    void headerLengthJustAboveTheLimitIsTooLargeAndAtTheLimitIsCheckedAgainstTheFile() {
        long cap = SafeTensorsHeader.MAX_HEADER_BYTES;
        assertEquals(Kind.HEADER_TOO_LARGE, rejects(RawFiles.withLength(cap + 1, new byte[2])).kind());
        SafeTensorsException e = rejects(RawFiles.withLength(cap, new byte[2]));
        assertEquals(Kind.INVALID_HEADER_LENGTH, e.kind());
        assertTrue(e.getMessage().contains("runs past the end of the file (10 bytes)"), e.getMessage());
    }

    @Test
    void headerLengthPastTheEndIsInvalidHeaderLength() {
        byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
        SafeTensorsException e = rejects(RawFiles.withLength(3, header));
        assertEquals(Kind.INVALID_HEADER_LENGTH, e.kind());
        assertEquals("case.safetensors: header length 3 runs past the end of the file (10 bytes)", e.getMessage());
    }

    @Test
    void overlongUtf8AndEncodedSurrogatesAreNotUtf8() {
        byte[][] bad = {
            {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'}, // overlong '/'
            {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // U+D800 encoded directly
            {'{', '"', (byte) 0xE2, (byte) 0x82, '"', '}'}, // truncated sequence
        };
        for (byte[] h : bad) {
            assertEquals(Kind.INVALID_UTF8, rejects(RawFiles.file(h, new byte[0])).kind());
        }
    }

    @Test
    void unpairedSurrogateEscapeInANameIsInvalidJson() {
        String h = "{" + entry("a\\ud800", "F64", "[0]", 0, 0) + "}";
        SafeTensorsException e = rejects(RawFiles.file(h, 0));
        assertEquals(Kind.INVALID_JSON, e.kind());
        assertTrue(e.getMessage().contains("unpaired high surrogate"), e.getMessage());
    }

    @Test
    void tooManyTensors() {
        StringBuilder h = new StringBuilder("{");
        for (int i = 0; i <= SafeTensorsHeader.MAX_TENSORS; i++) {
            h.append(i == 0 ? "" : ",").append(entry("t" + i, "F64", "[0]", 0, 0));
        }
        SafeTensorsException e = rejects(RawFiles.file(h.append('}').toString(), 0));
        assertEquals(Kind.TOO_MANY_TENSORS, e.kind());
        assertTrue(e.getMessage().contains("100001 tensors"), e.getMessage());
    }

    @Test
    void nameTooLong() {
        String name = "w".repeat(SafeTensorsHeader.MAX_NAME_LENGTH + 1);
        SafeTensorsException e = rejects(RawFiles.file("{" + entry(name, "F64", "[0]", 0, 0) + "}", 0));
        assertEquals(Kind.NAME_TOO_LONG, e.kind());
        assertTrue(e.getMessage().length() < 200, "the message abbreviates the name: " + e.getMessage());
    }

    @Test
    void boolBytesOtherThanZeroAndOneAreInvalidValues() throws Exception {
        String h = "{" + entry("mask", "BOOL", "[3]", 0, 3) + "}";
        assertArrayEquals(new long[] {0, 1, 1}, SafeTensors.read(RawFiles.file(h, new byte[] {0, 1, 1}), "x")
                .tensor("mask").longs());
        SafeTensorsException e = rejects(RawFiles.file(h, new byte[] {0, 1, 2}));
        assertEquals(Kind.INVALID_VALUE, e.kind());
        assertEquals("case.safetensors: tensor 'mask': BOOL byte 0x02 at flat index 2 is neither 0 nor 1",
                e.getMessage());
    }

    @Test
    void theExampleMessageFromTheDesign() {
        String h = "{" + entry("input", "F64", "[2,3]", 0, 16) + "}";
        assertEquals("case.safetensors: tensor 'input': data_offsets [0,16] hold 16 bytes but shape [2,3] of F64 "
                + "needs 48", rejects(RawFiles.file(h, 16)).getMessage());
    }

    @Test
    void aZeroSizeTensorMayShareAnOffsetWithARealOneButOwnsNoBytes() throws Exception {
        String h = "{" + entry("a", "F64", "[1]", 0, 8) + "," + entry("e", "F64", "[0,5]", 8, 8) + ","
                + entry("b", "F64", "[1]", 8, 16) + "}";
        SafeTensorsFile f = SafeTensors.read(RawFiles.file(h, 16), "x");
        assertEquals(0, f.tensor("e").numel());
        assertEquals(3, f.tensors().size());
    }

    @Test
    void scalarsAndEmptyHeadersAreValid() throws Exception {
        String h = "{\"__metadata__\":{}," + entry("s", "F64", "[]", 0, 8) + "}";
        byte[] data = new byte[8];
        data[7] = 0x40; // 2.0 little-endian
        assertEquals(2.0, SafeTensors.read(RawFiles.file(h, data), "x").tensor("s").item());
        assertTrue(SafeTensors.read(RawFiles.file("{}", 0), "x").tensors().isEmpty());
    }
}
