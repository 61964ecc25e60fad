package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PyTorch golden case loads, and every tensor has the shape docs/reference-cases.md derives from the case's
 * metadata (so the reader's shapes are checked against the meaning of the files, not against the reader itself).
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** Tensor counts, from the headers as Python's json module reads them. */
    private static final Map<String, Integer> COUNTS = Map.ofEntries(Map.entry("adam_keras_defaults", 3),
            Map.entry("adam_torch_defaults", 3), Map.entry("embedding_gru", 18), Map.entry("embedding_lstm", 18),
            Map.entry("gru_l1", 17), Map.entry("gru_reset_before_l2", 27),
            Map.entry("lstm_l1_small", 21), Map.entry("lstm_l1_zero_state", 21), Map.entry("lstm_l2", 32),
            Map.entry("model_charlm", 16), Map.entry("model_keras_seed", 16), Map.entry("model_gru_packed_l2", 25),
            Map.entry("model_lstm_packed_l2", 25), Map.entry("rnn_tanh_l1", 15),
            Map.entry("sgd_momentum", 3));

    static Stream<Path> goldenFiles() throws IOException {
        try (Stream<Path> s = Files.list(GOLDEN)) {
            return s.filter(p -> p.toString().endsWith(".safetensors")).sorted().collect(Collectors.toList())
                    .stream();
        }
    }

    @Test
    void thereAreFifteenGoldenFiles() throws IOException {
        assertEquals(COUNTS.keySet(), goldenFiles().map(GoldenFilesTest::stem).collect(Collectors.toSet()));
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - ".safetensors".length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void loadsWithTheShapesItsMetadataImplies(Path file) throws IOException {
        SafeTensorsFile f = SafeTensors.read(file);
        assertEquals(COUNTS.get(stem(file)), f.tensors().size());
        String kind = f.requireMeta("kind");
        for (Tensor t : f.tensors().values()) {
            int[] expected = switch (kind) {
                case "recurrent" -> recurrentShape(f, t.name());
                case "model" -> modelShape(f, t.name());
                case "optimizer" -> optimizerShape(f, t.name());
                default -> throw new AssertionError("unknown kind " + kind);
            };
            assertArrayEquals(expected, t.shape(), file + ": " + t.name());
            boolean classes = t.name().equals("target") && f.requireMeta("head").matches("(seq|last)_softmax_ce");
            boolean ids = t.name().equals("input") && f.metadata().containsKey("vocabulary");
            assertEquals(classes || ids || t.name().equals("lengths") ? DType.I64 : DType.F64, t.dtype(),
                    t.name());
            assertTrue(t.doubles().length == t.numel());
        }
    }

    private static int meta(SafeTensorsFile f, String key) throws SafeTensorsException {
        return Integer.parseInt(f.requireMeta(key));
    }

    private static int gates(String cell) {
        return switch (cell) {
            case "lstm" -> 4;
            case "gru", "gru-reset-before" -> 3;
            default -> 1;
        };
    }

    private static int[] recurrentShape(SafeTensorsFile f, String name) throws SafeTensorsException {
        int l = f.metadata().containsKey("num_layers") ? meta(f, "num_layers") : 1;
        int b = meta(f, "batch");
        int t = meta(f, "seq_len");
        int d = meta(f, "input_size");
        int h = meta(f, "hidden_size");
        int gh = gates(f.requireMeta("cell")) * h;
        String n = name.startsWith("expected.grad.") ? name.substring("expected.grad.".length()) : name;
        n = n.startsWith("rnn.") ? n.substring(4) : n;
        if (n.matches("(expected\\.)?(gates|cells|outputs)_l\\d+")) {
            return n.contains("gates") ? new int[] {b, t, gh} : new int[] {b, t, h};
        }
        if (n.matches("weight_ih_l\\d+")) {
            return new int[] {gh, n.endsWith("_l0") ? d : h};
        }
        return switch (n) {
            case "input" -> new int[] {b, t, d};
            case "h0", "c0", "expected.h_n", "expected.c_n" -> new int[] {l, b, h};
            case "grad_output", "expected.output" -> new int[] {b, t, h};
            default -> {
                if (n.matches("weight_hh_l\\d+")) {
                    yield new int[] {gh, h};
                }
                if (n.matches("bias_(ih|hh)_l\\d+")) {
                    yield new int[] {gh};
                }
                throw new AssertionError("tensor not in docs/reference-cases.md: " + name);
            }
        };
    }

    private static int[] modelShape(SafeTensorsFile f, String name) throws SafeTensorsException {
        int b = meta(f, "batch");
        int t = meta(f, "seq_len");
        int h = meta(f, "hidden_size");
        int o = meta(f, "output_size");
        boolean seq = f.requireMeta("head").equals("seq_softmax_ce");
        boolean lastClass = f.requireMeta("head").equals("last_softmax_ce");
        boolean ids = f.metadata().containsKey("vocabulary");
        String n = name.startsWith("expected.grad.") ? name.substring("expected.grad.".length()) : name;
        return switch (n) {
            case "embedding.weight" -> new int[] {meta(f, "vocabulary"), meta(f, "input_size")};
            case "input" -> ids ? new int[] {b, t} : new int[] {b, t, meta(f, "input_size")};
            case "fc.weight" -> new int[] {o, h};
            case "fc.bias" -> new int[] {o};
            case "target" -> seq ? new int[] {b, t} : lastClass ? new int[] {b} : new int[] {b, o};
            case "expected.prediction" -> seq ? new int[] {b, t, o} : new int[] {b, o};
            case "lengths" -> new int[] {b};
            case "expected.loss" -> new int[] {1}; // one number, stored as a vector of one (docs/reference-cases.md)
            default -> recurrentShape(f, name);
        };
    }

    private static int[] optimizerShape(SafeTensorsFile f, String name) throws SafeTensorsException {
        int s = meta(f, "steps");
        int n = f.tensor("param").numel();
        return name.equals("param") ? new int[] {n} : new int[] {s, n};
    }

    @Test
    void valuesMatchWhatPythonReads() throws IOException {
        SafeTensorsFile lstm = SafeTensors.read(GOLDEN.resolve("lstm_l1_small.safetensors"));
        double[] input = lstm.require("input", 2, 5, 3).doubles();
        assertEquals(0xbfe767c73513e1ddL, Double.doubleToRawLongBits(input[0]));
        assertEquals(0.045191085938866234, input[input.length - 1]);
        assertEquals("lstm", lstm.requireMeta("cell"));

        SafeTensorsFile lm = SafeTensors.read(GOLDEN.resolve("model_charlm.safetensors"));
        long[] target = lm.require("target", DType.I64, 3, 6).longs();
        assertEquals(2, target[0]);
        assertEquals(1, target[target.length - 1]);
        assertEquals(0x400025c46f97ee24L, Double.doubleToRawLongBits(lm.tensor("expected.loss").item()));

        SafeTensorsFile adam = SafeTensors.read(GOLDEN.resolve("adam_keras_defaults.safetensors"));
        assertEquals(-1.103338449065532, adam.require("param", 5).doubles()[0]);
        assertEquals(List.of("kind", "optimizer", "flavour", "steps", "lr", "betas", "eps", "source"),
                List.copyOf(adam.metadata().keySet()), "metadata keeps file order");
    }

    @Test
    void aGoldenFileRewrittenByUsReadsBackIdentically(@TempDir Path dir)
            throws IOException {
        for (Path p : goldenFiles().collect(Collectors.toList())) {
            SafeTensorsFile f = SafeTensors.read(p);
            Path copy = dir.resolve(p.getFileName());
            SafeTensors.write(copy, f, WriteOptions.FINITE_ONLY);
            SafeTensorsFile back = SafeTensors.read(copy);
            assertEquals(f.tensors(), back.tensors(), p.toString());
            assertEquals(f.metadata(), back.metadata());
            // Same layout rule as PyTorch's writer for all-8-byte tensors: the data sections are byte-identical.
            byte[] a = Files.readAllBytes(p);
            byte[] b = Files.readAllBytes(copy);
            assertArrayEquals(Arrays.copyOfRange(a, 8 + (int) RawFiles.headerLength(a), a.length),
                    Arrays.copyOfRange(b, 8 + (int) RawFiles.headerLength(b), b.length), p.toString());
        }
    }
}
