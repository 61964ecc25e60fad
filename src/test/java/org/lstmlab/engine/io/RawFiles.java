package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds safetensors bytes by hand, so tests can state exactly what is in a file, hostile or not. */
final class RawFiles {
    private RawFiles() {
    }

    /** 8-byte little-endian length of the UTF-8 header, the header, then {@code data}. */
    static byte[] file(String header, byte[] data) {
        return file(header.getBytes(StandardCharsets.UTF_8), data);
    }

    static byte[] file(String header, int dataBytes) {
        return file(header, new byte[dataBytes]);
    }

    static byte[] file(byte[] header, byte[] data) {
        return withLength(header.length, concat(header, data));
    }

    /** An arbitrary (possibly lying) header length followed by {@code rest}. */
    static byte[] withLength(long n, byte[] rest) {
        ByteBuffer b = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(n).put(rest);
        return b.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The header length field of a file. */
    static long headerLength(byte[] file) {
        return ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** The header text of a file. */
    static String headerText(byte[] file) {
        return new String(file, 8, (int) headerLength(file), StandardCharsets.UTF_8);
    }

    /** Reading {@code bytes} must fail with a {@link SafeTensorsException}; returns it. */
    static SafeTensorsException rejects(byte[] bytes) {
        return assertThrows(SafeTensorsException.class, () -> SafeTensors.read(bytes, "case.safetensors"));
    }

    /** One tensor entry in header syntax. */
    static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin
                + "," + end + "]}";
    }
}
