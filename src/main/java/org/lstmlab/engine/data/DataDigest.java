package org.lstmlab.engine.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint (SHA-256, hex) of the data a run trains on, made from the user's file: a saved run records it, and
 * resuming checks that the file still gives the same data, so that a file edited in between is said, not silently
 * trained on. Only what reaches the model counts: a column the run does not read may change.
 */
public final class DataDigest {
    private DataDigest() {
    }

    /** Of a text, as the character model reads it (its code points, in UTF-8). */
    public static String ofText(String text) {
        MessageDigest d = sha256();
        d.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    /** Of a dataset's samples, training then validation: every input value or token and every target. */
    public static String of(Dataset data) {
        MessageDigest d = sha256();
        ByteBuffer b = ByteBuffer.allocate(8);
        for (List<Sample> part : List.of(data.train(), data.validation())) {
            put(d, b, part.size());
            for (Sample s : part) {
                put(d, b, s.steps());
                put(d, b, s.size());
                if (s.tokens() != null) {
                    for (int t : s.tokens()) {
                        put(d, b, t);
                    }
                } else {
                    for (double v : s.x()) {   // the sample's T·D values (a copy of a window's)
                        put(d, b, Double.doubleToLongBits(v));
                    }
                }
                if (s.classes() != null) {
                    for (int c : s.classes()) {
                        put(d, b, c);
                    }
                } else {
                    for (double v : s.target()) {
                        put(d, b, Double.doubleToLongBits(v));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void put(MessageDigest d, ByteBuffer b, long v) {
        b.clear();
        b.putLong(v);
        d.update(b.array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
