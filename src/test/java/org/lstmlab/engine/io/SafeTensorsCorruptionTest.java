package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.SafeTensorsException.Kind;
import org.lstmlab.testing.Await;

/**
 * PER-3 for safetensors: truncated and corrupted files either load or fail with {@link SafeTensorsException},
 * never with another exception type (no IndexOutOfBounds, NegativeArraySize, OutOfMemoryError, ...).
 */
class SafeTensorsCorruptionTest {
    private static byte[] valid;

    @TempDir
    Path dir;

    @BeforeAll
    static void smallValidFile() throws Exception {
        Map<String, Tensor> ts = new LinkedHashMap<>();
        ts.put("w", Tensor.f64("w", new int[] {2, 3}, new double[] {1, -2, 3.5, 0, 1e-3, -7}));
        ts.put("y", Tensor.i64("y", new int[] {3}, new long[] {2, 0, 1}));
        ts.put("h", Tensor.ofDoubles("h", DType.F16, new int[] {2}, new double[] {0.5, -1}));
        ts.put("m", Tensor.ofLongs("m", DType.BOOL, new int[] {2}, new long[] {1, 0}));
        ts.put("loss", Tensor.f64("loss", new int[] {}, new double[] {0.25}));
        ts.put("e", Tensor.f32("e", new int[] {0, 4}, new double[0]));
        valid = SafeTensors.toBytes(ts, Map.of("kind", "test"), WriteOptions.DEFAULT);
        SafeTensors.read(valid, "valid"); // must load
    }

    /** Reads {@code bytes}; returns null on success, the exception if it is a SafeTensorsException, else fails. */
    private static SafeTensorsException attempt(byte[] bytes, String what) {
        try {
            SafeTensors.read(bytes, "mutant");
            return null;
        } catch (SafeTensorsException e) {
            assertTrue(e.getMessage().startsWith("mutant: ") && !e.getMessage().contains("\n"), e.getMessage());
            return e;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t + "\nbytes: " + Arrays.toString(bytes), t);
        }
    }

    @Test
    void everyTruncationIsATypedError() {
        Set<Kind> expected = EnumSet.of(Kind.HEADER_TOO_SMALL, Kind.INVALID_HEADER_LENGTH, Kind.INCOMPLETE_BUFFER);
        long headerEnd = 8 + RawFiles.headerLength(valid);
        for (int len = 0; len < valid.length; len++) {
            SafeTensorsException e = attempt(Arrays.copyOf(valid, len), "truncated to " + len);
            if (e == null) {
                fail("a file truncated to " + len + " of " + valid.length + " bytes loaded");
            }
            assertTrue(expected.contains(e.kind()), len + ": " + e.getMessage());
            Kind k = len < 8 ? Kind.HEADER_TOO_SMALL : len < headerEnd ? Kind.INVALID_HEADER_LENGTH
                    : Kind.INCOMPLETE_BUFFER;
            assertEquals(k, e.kind(), len + ": " + e.getMessage());
        }
    }

    @Test
    void everyTruncationOfAFileOnDiskIsATypedError() throws Exception {
        Path p = dir.resolve("cut.safetensors");
        for (int len = 0; len < valid.length; len++) {
            Files.write(p, Arrays.copyOf(valid, len));
            SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(p));
            assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        }
    }

    @Test
    void everySingleByteCorruptionLoadsOrIsATypedError() {
        int failed = 0;
        for (int i = 0; i < valid.length; i++) {
            for (int mask : new int[] {0x01, 0x20, 0x80, 0xff}) {
                byte[] b = valid.clone();
                b[i] ^= (byte) mask;
                if (attempt(b, "byte " + i + " ^ " + mask) != null) {
                    failed++;
                }
            }
        }
        long headerEnd = 8 + RawFiles.headerLength(valid);
        assertTrue(failed >= 4 * headerEnd / 2, "most header corruptions are caught, got " + failed);
    }

    @Test
    void seededRandomMutationsLoadOrAreTypedErrors() {
        assertTimeoutPreemptively(Duration.ofSeconds(Await.LIMIT_SECONDS), () -> { // a hang backstop only
            int loaded = 0;
            Set<Kind> seen = EnumSet.noneOf(Kind.class);
            for (long seed = 0; seed < 4000; seed++) {
                SplittableRandom rnd = new SplittableRandom(seed);
                byte[] b = seed % 2 == 0 ? mutateBytes(valid, rnd) : mutateHeader(valid, rnd);
                SafeTensorsException e = attempt(b, "seed " + seed);
                if (e == null) {
                    loaded++;
                } else {
                    seen.add(e.kind());
                }
            }
            assertTrue(loaded > 0 && loaded < 4000, "mutants both load and fail: " + loaded);
            // The mutants reach deep into validation, not just the length checks.
            assertTrue(seen.containsAll(EnumSet.of(Kind.INVALID_JSON, Kind.INVALID_OFFSET, Kind.INVALID_SHAPE,
                    Kind.TENSOR_INVALID_INFO, Kind.INCOMPLETE_BUFFER, Kind.INVALID_HEADER_LENGTH)), seen.toString());
        });
    }

    /** 1-8 random byte edits: overwrite, insert, delete, truncate, or a new length prefix. */
    private static byte[] mutateBytes(byte[] src, SplittableRandom rnd) {
        byte[] b = src.clone();
        int edits = 1 + rnd.nextInt(8);
        for (int k = 0; k < edits && b.length > 0; k++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(5)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) rnd.nextInt(256);
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 2 -> {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
                case 3 -> b = Arrays.copyOf(b, at);
                default -> {
                    long n = rnd.nextBoolean() ? rnd.nextLong() : RawFiles.headerLength(src) + rnd.nextInt(-9, 10);
                    if (b.length >= 8) {
                        b = RawFiles.withLength(n, Arrays.copyOfRange(b, 8, b.length));
                    }
                }
            }
        }
        return b;
    }

    /** Edits the header text (digits, quotes, brackets) and fixes the length prefix so the JSON gets parsed. */
    private static byte[] mutateHeader(byte[] src, SplittableRandom rnd) {
        String header = RawFiles.headerText(src);
        byte[] data = Arrays.copyOfRange(src, 8 + (int) RawFiles.headerLength(src), src.length);
        String[] junk = {"0", "-1", "18446744073709551616", "9".repeat(40), "1e999", "2.5", "\"", "[", "]", "{",
            "}", ",", ":", "null", "\"F64\"", "\"BOOL\"", "\"__metadata__\"", " ", "\\u0000", "[[[[[[[[[["};
        StringBuilder sb = new StringBuilder(header);
        int edits = 1 + rnd.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = rnd.nextInt(sb.length());
            int len = rnd.nextInt(Math.min(4, sb.length() - at) + 1);
            sb.replace(at, at + len, junk[rnd.nextInt(junk.length)]);
        }
        byte[] h = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (rnd.nextInt(4) == 0) {
            data = Arrays.copyOf(data, Math.max(0, data.length + rnd.nextInt(-8, 9)));
        }
        return RawFiles.file(h, data);
    }
}
