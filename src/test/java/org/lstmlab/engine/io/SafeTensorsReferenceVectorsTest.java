package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.engine.io.RawFiles.rejects;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.io.SafeTensorsException.Kind;

/**
 * PER-5: the unit-test vectors of the reference implementation ({@code huggingface/safetensors},
 * {@code safetensors/src/tensor.rs}), byte for byte, with the error category it reports.
 */
class SafeTensorsReferenceVectorsTest {
    private static final String DOC_HEADER = "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";

    /** Bytes of a string whose chars are all below 256 (so {@code \0} and {@code \u00ff} are single bytes). */
    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] zeros(int n) {
        return new byte[n];
    }

    @Test
    void theSixtyByteDocExampleLoads() throws Exception {
        byte[] file = RawFiles.concat(latin1("<\0\0\0\0\0\0\0" + DOC_HEADER), zeros(16));
        assertEquals(60, DOC_HEADER.length());
        SafeTensorsFile f = SafeTensors.read(file, "doc");
        Tensor t = f.tensor("test");
        assertEquals(DType.I32, t.dtype());
        assertArrayEquals(new int[] {2, 2}, t.shape());
        assertArrayEquals(new long[4], t.longs());
        assertTrue(f.metadata().isEmpty());
    }

    @Test
    void jsonAttackTenTensorsOnTheSameBytesIsInvalidOffset() {
        StringBuilder h = new StringBuilder("{");
        for (int i = 0; i < 10; i++) {
            h.append(i == 0 ? "" : ",").append(RawFiles.entry("weight_" + i, "F32", "[2,2]", 0, 16));
        }
        h.append('}');
        SafeTensorsException e = rejects(RawFiles.file(h.toString(), 16));
        assertEquals(Kind.INVALID_OFFSET, e.kind());
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void polyglotTrailingBytesAreIncompleteBuffer() {
        byte[] file = RawFiles.concat(latin1("<\0\0\0\0\0\0\0" + DOC_HEADER), zeros(16));
        file = RawFiles.concat(file, latin1("extra_bogus_data_for_polyglot_file"));
        SafeTensorsException e = rejects(file);
        assertEquals(Kind.INCOMPLETE_BUFFER, e.kind());
        assertTrue(e.getMessage().contains("34 bytes after the last tensor"), e.getMessage());
    }

    @Test
    void twoMissingDataBytesAreIncompleteBuffer() {
        SafeTensorsException e = rejects(RawFiles.concat(latin1("<\0\0\0\0\0\0\0" + DOC_HEADER), zeros(14)));
        assertEquals(Kind.INCOMPLETE_BUFFER, e.kind());
        assertTrue(e.getMessage().contains("needs 16 data bytes but the file holds 14"), e.getMessage());
    }

    @Test
    void headerTooLarge() {
        SafeTensorsException e = rejects(RawFiles.concat(latin1("<\0\0\0\0\u00ff\u00ff\u00ff" + DOC_HEADER),
                zeros(16)));
        assertEquals(Kind.HEADER_TOO_LARGE, e.kind());
    }

    @Test
    void emptyInputIsHeaderTooSmall() {
        assertEquals(Kind.HEADER_TOO_SMALL, rejects(new byte[0]).kind());
    }

    @Test
    void lengthSixtyWithNoHeaderIsInvalidHeaderLength() {
        assertEquals(Kind.INVALID_HEADER_LENGTH, rejects(latin1("<\0\0\0\0\0\0\0")).kind());
    }

    @Test
    void nonUtf8HeaderIsInvalidUtf8() {
        SafeTensorsException e = rejects(latin1("\1\0\0\0\0\0\0\0\u00ff"));
        assertEquals(Kind.INVALID_UTF8, e.kind());
        assertTrue(e.getMessage().contains("0xFF at header offset 0"), e.getMessage());
    }

    @Test
    void nonJsonHeaderIsInvalidJson() {
        assertEquals(Kind.INVALID_JSON, rejects(latin1("\1\0\0\0\0\0\0\0{")).kind());
    }

    @Test
    void shapeProductOverflowsAreRejected() {
        for (String dim : new String[] {"18446744073709551614", "9223372036854775807"}) {
            String h = "{\"test\":{\"dtype\":\"I32\",\"shape\":[2," + dim + "],\"data_offsets\":[0,16]}}";
            SafeTensorsException e = rejects(RawFiles.file(h, 16));
            assertEquals(Kind.OVERFLOW, e.kind(), dim);
            assertTrue(e.getMessage().contains("tensor 'test'") && e.getMessage().contains(dim), e.getMessage());
        }
    }

    @Test
    void whitespacePaddedHeadersLoad() throws Exception {
        for (String padded : new String[] {"{}\r \t\n", "\t\n{}\r "}) {
            byte[] file = latin1("\6\0\0\0\0\0\0\0" + padded);
            SafeTensorsFile f = SafeTensors.read(file, "padded");
            assertTrue(f.tensors().isEmpty());
        }
    }

    @Test
    void zeroSizedTensorLoads() throws Exception {
        String h = "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,0],\"data_offsets\":[0, 0]}}";
        assertEquals(60, h.length());
        Tensor t = SafeTensors.read(latin1("<\0\0\0\0\0\0\0" + h), "zero").tensor("test");
        assertEquals(0, t.numel());
        assertArrayEquals(new int[] {2, 0}, t.shape());
    }

    @Test
    void invalidInfoIsTensorInvalidInfo() {
        String h = "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0, 4]}}";
        SafeTensorsException e = rejects(latin1("<\0\0\0\0\0\0\0" + h));
        assertEquals(Kind.TENSOR_INVALID_INFO, e.kind());
        assertEquals("case.safetensors: tensor 'test': data_offsets [0,4] hold 4 bytes but shape [2,2] of I32 "
                + "needs 16", e.getMessage());
    }
}
