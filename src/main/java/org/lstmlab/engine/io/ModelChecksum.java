package org.lstmlab.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checksum a model file carries in its {@code checksum} metadata: SHA-256, written {@code sha256:<hex>}, over
 * every other metadata entry (sorted by key) and every tensor (sorted by name: name, dtype, shape, then its values
 * little-endian as its dtype stores them). Any changed byte of a tensor, a name, a shape or a metadata value changes
 * it; re-encoding the loaded values gives back the file's own bytes, so it can be checked after reading.
 */
final class ModelChecksum {
    static final String KEY = "checksum";
    private static final String PREFIX = "sha256:";

    private ModelChecksum() {
    }

    static String of(Map<String, Tensor> tensors, Map<String, String> metadata) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        update(sha, "lstm-lab-model checksum 1");
        for (Map.Entry<String, String> e : new TreeMap<>(metadata).entrySet()) {
            if (!e.getKey().equals(KEY)) {
                update(sha, "meta");
                update(sha, e.getKey());
                update(sha, e.getValue());
            }
        }
        ByteBuffer chunk = TensorCodec.newChunk();
        OutputStream into = new OutputStream() {
            @Override
            public void write(int b) {
                sha.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sha.update(b, off, len);
            }
        };
        for (Tensor t : new TreeMap<>(tensors).values()) {
            update(sha, "tensor");
            update(sha, t.name());
            update(sha, t.dtype().name());
            update(sha, java.util.Arrays.toString(t.shape()));
            try {
                TensorCodec.write(into, t, chunk);
            } catch (IOException e) {
                throw new UncheckedIOException("a digest cannot fail to write", e);
            }
        }
        StringBuilder hex = new StringBuilder(PREFIX);
        for (byte b : sha.digest()) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    /** Length-prefixed, so that no two different sequences of strings hash the same bytes. */
    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        sha.update(b);
    }
}
