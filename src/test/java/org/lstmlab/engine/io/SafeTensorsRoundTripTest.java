package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.SafeTensorsException.Kind;

/** Write then read: values come back bit for bit, and what we write has the structure PER-9 asks for. */
class SafeTensorsRoundTripTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> byName(Tensor... ts) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Tensor t : ts) {
            m.put(t.name(), t);
        }
        return m;
    }

    private static void assertBitwiseEqual(Tensor expected, Tensor actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(expected.shape(), actual.shape(), expected.name());
        if (expected.dtype().isFloating()) {
            double[] e = expected.doubles();
            double[] a = actual.doubles();
            assertEquals(e.length, a.length);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]),
                        expected.name() + "[" + i + "]");
            }
        } else {
            assertArrayEquals(expected.longs(), actual.longs(), expected.name());
        }
    }

    @Test
    void f64F32AndI64SurviveAFileRoundTrip() throws Exception {
        Tensor w = Tensor.f64("rnn.weight_ih_l0", new int[] {2, 3},
                new double[] {-0.0, 1.5, Math.PI, Double.MIN_VALUE, -Double.MAX_VALUE, 1e-300});
        Tensor f = Tensor.f32("fc.bias", new int[] {3}, new double[] {0.1, -2.5, 3.4028234663852886E38});
        Tensor y = Tensor.i64("target", new int[] {2, 2}, new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE});
        Path p = dir.resolve("model.safetensors");
        Map<String, String> meta = Map.of("cell", "lstm",
                "note", "quote \" backslash \\ newline \n tab \t nul \0 中文 \uD83D\uDE00");
        SafeTensors.write(p, byName(w, f, y), meta);

        SafeTensorsFile back = SafeTensors.read(p);
        assertEquals(List.of("fc.bias", "rnn.weight_ih_l0", "target"), new ArrayList<>(back.tensors().keySet()));
        assertBitwiseEqual(w, back.tensor("rnn.weight_ih_l0"));
        assertBitwiseEqual(f, back.tensor("fc.bias"));
        assertBitwiseEqual(y, back.tensor("target"));
        assertEquals((double) 0.1f, back.tensor("fc.bias").doubles()[0]); // F32 holds the float nearest 0.1
        assertEquals(meta, back.metadata());
        assertEquals(p.toString(), back.source());
    }

    @Test
    void everyDTypeRoundTrips() throws Exception {
        List<Tensor> ts = List.of(
                Tensor.ofDoubles("f16", DType.F16, new int[] {4}, new double[] {1.0, -2.0, 65504, 0x1p-24}),
                Tensor.ofDoubles("bf16", DType.BF16, new int[] {3}, new double[] {1.0, -3.0e38, 0.1}),
                Tensor.ofLongs("i32", DType.I32, new int[] {2}, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}),
                Tensor.ofLongs("i16", DType.I16, new int[] {2}, new long[] {-32768, 32767}),
                Tensor.ofLongs("i8", DType.I8, new int[] {2}, new long[] {-128, 127}),
                Tensor.ofLongs("u8", DType.U8, new int[] {2}, new long[] {0, 255}),
                Tensor.ofLongs("bool", DType.BOOL, new int[] {3}, new long[] {1, 0, 1}));
        SafeTensorsFile back = SafeTensors.read(SafeTensors.toBytes(byName(ts.toArray(Tensor[]::new)), Map.of(),
                WriteOptions.DEFAULT), "mem");
        for (Tensor t : ts) {
            assertBitwiseEqual(t, back.tensor(t.name()));
        }
        assertEquals(0.1f, (float) back.tensor("bf16").doubles()[2], 1e-3); // rounded to 8 bits of mantissa
    }

    @Test
    void emptyTensorsAndScalarsRoundTrip() throws Exception {
        Tensor empty = Tensor.f64("empty", new int[] {3, 0, 2}, new double[0]);
        Tensor none = Tensor.i64("none", new int[] {0}, new long[0]);
        Tensor loss = Tensor.f64("loss", new int[] {}, new double[] {0.6931471805599453});
        byte[] bytes = SafeTensors.toBytes(byName(empty, none, loss), Map.of(), WriteOptions.DEFAULT);
        SafeTensorsFile back = SafeTensors.read(bytes, "mem");
        assertBitwiseEqual(empty, back.tensor("empty"));
        assertBitwiseEqual(none, back.tensor("none"));
        assertEquals(0.6931471805599453, back.tensor("loss").item());
        assertEquals(0, back.tensor("loss").rank());
        assertTrue(RawFiles.headerText(bytes).contains("\"loss\":{\"dtype\":\"F64\",\"shape\":[],"));
    }

    @Test
    void noTensorsAtAll() throws Exception {
        byte[] bytes = SafeTensors.toBytes(Map.of(), Map.of("k", "v"), WriteOptions.DEFAULT);
        SafeTensorsFile back = SafeTensors.read(bytes, "mem");
        assertTrue(back.tensors().isEmpty());
        assertEquals(Map.of("k", "v"), back.metadata());
    }

    /** PER-9: the header is 8-aligned, space-padded, lists metadata first and tiles the buffer from 0. */
    @Test
    void writtenFilesHaveTheReferenceStructure() throws Exception {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int round = 0; round < 50; round++) {
            Map<String, Tensor> ts = randomTensors(rnd);
            byte[] bytes = SafeTensors.toBytes(ts, Map.of("round", Integer.toString(round)), WriteOptions.DEFAULT);
            long n = RawFiles.headerLength(bytes);
            assertEquals(0, n % 8, "header length is a multiple of 8");
            String header = RawFiles.headerText(bytes);
            assertTrue(header.startsWith("{\"__metadata__\":{\"round\":"), header);
            String trimmed = header.stripTrailing();
            assertTrue(trimmed.endsWith("}"));
            assertTrue(header.substring(trimmed.length()).chars().allMatch(c -> c == ' '), "padding is spaces");
            assertTrue(header.length() - trimmed.length() < 8);

            JsonValue.Obj root = (JsonValue.Obj) JsonParser.parse(header);
            long expectedBegin = 0;
            int lastSize = Integer.MAX_VALUE;
            String lastName = "";
            for (Map.Entry<String, JsonValue> e : root.members().entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                JsonValue.Obj info = (JsonValue.Obj) e.getValue();
                DType dt = DType.fromHeaderName(((JsonValue.Str) info.members().get("dtype")).value()).orElseThrow();
                List<JsonValue> off = ((JsonValue.Arr) info.members().get("data_offsets")).elements();
                long begin = ((JsonValue.Num) off.get(0)).longValueExact();
                long end = ((JsonValue.Num) off.get(1)).longValueExact();
                assertEquals(expectedBegin, begin, "contiguous from 0 in listing order");
                assertEquals(0, (8 + n + begin) % dt.byteSize(), "each tensor aligned to its element size");
                assertEquals((long) ts.get(e.getKey()).numel() * dt.byteSize(), end - begin);
                assertTrue(dt.byteSize() < lastSize
                        || (dt.byteSize() == lastSize && e.getKey().compareTo(lastName) > 0),
                        "ordered by element size, then name");
                lastSize = dt.byteSize();
                lastName = e.getKey();
                expectedBegin = end;
            }
            assertEquals(bytes.length, 8 + n + expectedBegin, "file length = 8 + N + last offset");
            SafeTensorsFile back = SafeTensors.read(bytes, "round " + round);
            for (Tensor t : ts.values()) {
                assertBitwiseEqual(t, back.tensor(t.name()));
            }
        }
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        Map<String, Tensor> ts = randomTensors(new SplittableRandom(1));
        Map<String, Tensor> reversed = new LinkedHashMap<>();
        new ArrayList<>(ts.keySet()).stream().sorted((a, b) -> b.compareTo(a)).forEach(k -> reversed.put(k, ts.get(k)));
        assertArrayEquals(SafeTensors.toBytes(ts, Map.of(), WriteOptions.DEFAULT),
                SafeTensors.toBytes(reversed, Map.of(), WriteOptions.DEFAULT));
    }

    /** PER-1: seeded random tensors of every dtype round-trip bit for bit. */
    @Test
    void seededRandomRoundTrips() throws Exception {
        for (long seed = 0; seed < 200; seed++) {
            Map<String, Tensor> ts = randomTensors(new SplittableRandom(seed));
            SafeTensorsFile back = SafeTensors.read(SafeTensors.toBytes(ts, Map.of("seed", "" + seed),
                    WriteOptions.DEFAULT), "seed " + seed);
            assertEquals(ts.keySet(), back.tensors().keySet(), "seed " + seed);
            for (Tensor t : ts.values()) {
                assertBitwiseEqual(t, back.tensor(t.name()));
            }
        }
    }

    static Map<String, Tensor> randomTensors(SplittableRandom rnd) {
        Map<String, Tensor> out = new TreeMap<>();
        int count = rnd.nextInt(6);
        DType[] types = DType.values();
        for (int i = 0; i < count; i++) {
            DType dt = types[rnd.nextInt(types.length)];
            int[] shape = new int[rnd.nextInt(4)];
            int numel = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = rnd.nextInt(4);
                numel *= shape[d];
            }
            String name = "t" + i + (rnd.nextBoolean() ? ".weight_ih_l" + i : "");
            if (dt.isFloating()) {
                double[] v = new double[numel];
                for (int k = 0; k < numel; k++) {
                    v[k] = rnd.nextInt(10) == 0 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextGaussian() * 10;
                }
                out.put(name, Tensor.ofDoubles(name, dt, shape, v));
            } else {
                long[] v = new long[numel];
                for (int k = 0; k < numel; k++) {
                    v[k] = dt == DType.I64 ? rnd.nextLong()
                            : dt.minValue() + Math.floorMod(rnd.nextLong(), dt.maxValue() - dt.minValue() + 1);
                }
                out.put(name, Tensor.ofLongs(name, dt, shape, v));
            }
        }
        return out;
    }

    @Test
    void nonFiniteValuesAreRefusedOnlyWhenAsked() throws Exception {
        Tensor bad = Tensor.f64("rnn.weight_hh_l0", new int[] {2, 2}, new double[] {0, 1, Double.NaN, 3});
        Path p = dir.resolve("model.safetensors");
        AtomicFiles.writeBytes(p, new byte[] {1, 2, 3});

        SafeTensorsException e = assertThrows(SafeTensorsException.class,
                () -> SafeTensors.write(p, byName(bad), Map.of(), WriteOptions.FINITE_ONLY));
        assertEquals(Kind.NON_FINITE_VALUE, e.kind());
        assertEquals(p + ": tensor 'rnn.weight_hh_l0': value NaN at flat index 2 is not finite; refusing to save",
                e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(p), "old file untouched");

        Tensor inf = Tensor.f64("b", new int[] {1}, new double[] {Double.NEGATIVE_INFINITY});
        assertEquals(Kind.NON_FINITE_VALUE, assertThrows(SafeTensorsException.class,
                () -> SafeTensors.toBytes(byName(inf), Map.of(), WriteOptions.FINITE_ONLY)).kind());
        Tensor overflowsF32 = new Tensor("c", DType.F32, new int[] {2}, new double[] {1, 1e300}, null);
        SafeTensorsException o = assertThrows(SafeTensorsException.class,
                () -> SafeTensors.toBytes(byName(overflowsF32), Map.of(), WriteOptions.FINITE_ONLY));
        assertTrue(o.getMessage().contains("value 1.0E300 at flat index 1 overflows F32"), o.getMessage());

        SafeTensors.write(p, byName(bad), Map.of());
        assertTrue(Double.isNaN(SafeTensors.read(p).tensor("rnn.weight_hh_l0").doubles()[2]), "default: written");
    }

    @Test
    void writerRefusesWhatNoReaderWouldAccept() {
        Tensor t = Tensor.f64("a", new int[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.toBytes(Map.of("b", t), Map.of(),
                WriteOptions.DEFAULT));
        Tensor reserved = Tensor.f64("__metadata__", new int[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.toBytes(byName(reserved), Map.of(),
                WriteOptions.DEFAULT));
        Tensor lone = Tensor.f64("bad\uD800", new int[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.toBytes(byName(lone), Map.of(),
                WriteOptions.DEFAULT));
        Tensor longName = Tensor.f64("x".repeat(2000), new int[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.toBytes(byName(longName), Map.of(),
                WriteOptions.DEFAULT));
    }

    @Test
    void nonAsciiPathsAndNames() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("模型 ü"));
        Path target = sub.resolve("权重 é.safetensors");
        SafeTensors.write(target, byName(Tensor.f64("层.w", new int[] {1}, new double[] {3})), Map.of("k", "ß"));
        SafeTensorsFile f = SafeTensors.read(target);
        assertEquals(3.0, f.tensor("层.w").item());
        assertEquals("ß", f.requireMeta("k"));
        assertTrue(f.source().endsWith("权重 é.safetensors"));
    }

    @Test
    void largeTensorsCrossChunkBoundaries() throws Exception {
        int n = TensorCodec.CHUNK_BYTES / 8 * 3 + 5;
        double[] v = new double[n];
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.5 - 7;
            w[i] = (i % 3) - 1;
        }
        Tensor a = Tensor.f64("a", new int[] {n}, v);
        Tensor b = Tensor.ofLongs("b", DType.I8, new int[] {n}, w);
        Path p = dir.resolve("big.safetensors");
        SafeTensors.write(p, byName(a, b), Map.of());
        SafeTensorsFile back = SafeTensors.read(p);
        assertBitwiseEqual(a, back.tensor("a"));
        assertBitwiseEqual(b, back.tensor("b"));
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(f -> f.getFileName().toString().contains(".tmp-")), "no temp file left");
        }
    }
}
