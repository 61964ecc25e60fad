package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.GoldenCase;
import org.lstmlab.engine.Tolerance;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.Tensor;

/** `forward` agrees with every golden case to 1e-9, and bad input gives one line, exit 2 and no output file. */
class ForwardCommandTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lstm_l1_small", "lstm_l2", "lstm_l1_zero_state", "gru_l1", "rnn_tanh_l1",
            "model_keras_seed", "model_charlm", "model_lstm_packed_l2", "model_gru_packed_l2",
            "embedding_lstm", "embedding_gru", "adam_torch_defaults", "adam_keras_defaults", "sgd_momentum"})
    void everyGoldenCaseAgreesThroughTheCommandLine(String name) throws IOException {
        Path out = dir.resolve(name + ".out.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("forward", "--case", GoldenCase.copyTo(dir, name).toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        SafeTensorsFile written = SafeTensors.read(out);
        GoldenCase expected = GoldenCase.load(name);
        int compared = 0;
        for (String key : expected.values.keySet()) {
            if (!key.startsWith("expected.")) {
                continue;
            }
            String plain = key.substring("expected.".length());
            assertTrue(written.has(plain), "forward did not write " + plain);
            Tensor t = written.tensor(plain);
            assertEquals(java.util.Arrays.toString(expected.shapes.get(key)), java.util.Arrays.toString(t.shape()),
                    plain + " shape");
            Tolerance.assertClose(name + " " + plain, expected.get(key), t.doubles());
            compared++;
        }
        assertTrue(compared > 0);
    }

    private CliTestSupport.Result expectRejected(Path input, String... mustMention) {
        Path out = dir.resolve("out.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("forward", "--case", input.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String m : mustMention) {
            assertTrue(r.err().contains(m), "error should mention '" + m + "': " + r.err());
        }
        assertFalse(Files.exists(out), "no output file after an error");
        return r;
    }

    @Test
    void missingFile() {
        expectRejected(dir.resolve("nope.safetensors"), "nope.safetensors", "no such file");
    }

    @Test
    void truncatedFile() throws IOException {
        Path p = GoldenCase.copyTo(dir, "lstm_l1_small");
        byte[] b = Files.readAllBytes(p);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 100));
        expectRejected(cut, "cut.safetensors");
    }

    @Test
    void hostileHeaderLength() throws IOException {
        Path p = dir.resolve("hostile.safetensors");
        byte[] b = new byte[16];
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(-2L);
        Files.write(p, b);
        expectRejected(p, "hostile.safetensors");
    }

    /** Rewrites a golden case with one tensor replaced. */
    private Path variant(String name, String tensor, Tensor replacement) throws IOException {
        SafeTensorsFile f = SafeTensors.read(GoldenCase.copyTo(dir, name));
        Map<String, Tensor> tensors = new LinkedHashMap<>(f.tensors());
        tensors.put(tensor, replacement);
        Path p = dir.resolve(name + "-variant.safetensors");
        SafeTensors.write(p, tensors, f.metadata());
        return p;
    }

    @Test
    void wrongShapeNamesTheTensor() throws IOException {
        Path p = variant("lstm_l1_small", "input", Tensor.f64("input", new int[] {2, 5, 2}, new double[20]));
        expectRejected(p, "input", "shape");
    }

    @Test
    void nanInTheInputNamesTheTensorAndIndex() throws IOException {
        double[] x = new double[30];
        x[7] = Double.NaN;
        Path p = variant("lstm_l1_small", "input", Tensor.f64("input", new int[] {2, 5, 3}, x));
        expectRejected(p, "input", "NaN", "7");
    }

    @Test
    void missingParameterNamesIt() throws IOException {
        SafeTensorsFile f = SafeTensors.read(GoldenCase.copyTo(dir, "gru_l1"));
        Map<String, Tensor> tensors = new LinkedHashMap<>(f.tensors());
        tensors.remove("weight_hh_l0");
        Path p = dir.resolve("gru-missing.safetensors");
        SafeTensors.write(p, tensors, f.metadata());
        expectRejected(p, "weight_hh_l0");
    }

    @Test
    void unknownKind() throws IOException {
        SafeTensorsFile f = SafeTensors.read(GoldenCase.copyTo(dir, "sgd_momentum"));
        Map<String, String> meta = new LinkedHashMap<>(f.metadata());
        meta.put("kind", "teapot");
        Path p = dir.resolve("teapot.safetensors");
        SafeTensors.write(p, f.tensors(), meta);
        expectRejected(p, "teapot");
    }

    @Test
    void missingRequiredOption() {
        CliTestSupport.Result r = CliTestSupport.run("forward", "--case", "x.safetensors");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--out"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
