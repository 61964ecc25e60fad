package org.lstmlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.hostile.Hostile.layer;
import static org.lstmlab.hostile.Hostile.meta;
import static org.lstmlab.hostile.Hostile.t;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.GoldenCase;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.nn.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.engine.io.ModelFile;

/**
 * Rule 3: every error names the file or the option and the problem, as one line on stderr, exit code 2, no stack
 * trace, and no output left behind. Each case is a command line a user could type; each must fail this way.
 */
class Rule3OneLineErrorsTest {
    @TempDir
    static Path dir;
    private static Path out;

    @BeforeAll
    static void files() throws Exception {
        out = dir.resolve("out").resolve("results.safetensors");
        Files.createDirectories(out.getParent());
        Hostile.fifo(dir.resolve("fifo.csv"));
        Files.createDirectory(dir.resolve("folder"));
        Files.createDirectory(dir.resolve("folder.csv"));
        Files.writeString(dir.resolve("series.csv"), "t,v\n" + "1,0.5\n2,0.25\n3,0.125\n".repeat(20));
        Files.write(dir.resolve("empty.csv"), new byte[0]);
        Files.write(dir.resolve("latin1.txt"), "caf\u00e9 \u00e0 la cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        Hostile.safetensors(dir.resolve("h12000.safetensors"), meta("kind", "recurrent", "cell", "lstm",
                "num_layers", "1", "input_size", "1", "hidden_size", "12000", "seq_len", "2", "batch", "1"),
                layer("", 0, 4, 1, 1));
        Hostile.safetensors(dir.resolve("batch.safetensors"), meta("kind", "recurrent", "cell", "lstm",
                "num_layers", "1", "input_size", "1", "hidden_size", "1", "seq_len", "2", "batch", "99999999999"),
                layer("", 0, 4, 1, 1));
        Hostile.safetensors(dir.resolve("lr.safetensors"), meta("kind", "optimizer", "optimizer", "adam", "steps",
                "2", "lr", "Infinity", "betas", "0.9,0.999", "eps", "1e-8"), List.of(t("param", 3), t("grads", 2, 3)));
        Hostile.safetensors(dir.resolve("betas.safetensors"), meta("kind", "optimizer", "optimizer", "adam", "steps",
                "2", "lr", "0.1", "betas", "NaN,0.999", "eps", "1e-8"), List.of(t("param", 3), t("grads", 2, 3)));
        Hostile.safetensors(dir.resolve("momentum.safetensors"), meta("kind", "optimizer", "optimizer", "sgd",
                "steps", "2", "lr", "0.1", "momentum", "-Infinity"), List.of(t("param", 3), t("grads", 2, 3)));
        List<Hostile.T> model = new ArrayList<>(layer("rnn.", 0, 4, 1, 1));
        model.addAll(List.of(t("fc.weight", 2, 1), t("fc.bias", 2), t("input", 1, 2, 1),
                new Hostile.T("target", "F64", 1, 2)));
        Hostile.safetensors(dir.resolve("f64target.safetensors"), meta("kind", "model", "head", "seq_softmax_ce",
                "cell", "lstm", "input_size", "1", "hidden_size", "1", "seq_len", "2", "batch", "1", "output_size",
                "2"), model);
        Hostile.safetensors(dir.resolve("kind.safetensors"), meta("kind", "mystery"), List.of());
        ModelFile.save(dir.resolve("model.safetensors"), new SequenceModel(ModelSpec.kerasExample(3)), null, null);
        Files.writeString(dir.resolve("x.csv"), "s1,s2,s3\n0.1,0.2,0.3\n");
    }

    static Stream<Arguments> commands() {
        String d = dir.toString();
        String o = out.toString();
        return Stream.of(
                cmd(List.of("/dev/zero", "not a regular file"), "train", "--data", "/dev/zero", "--no-save"),
                cmd(List.of("/dev/urandom"), "train", "--data", "/dev/urandom", "--no-save"),
                cmd(List.of("fifo.csv", "FIFO"), "train", "--data", d + "/fifo.csv", "--no-save"),
                cmd(List.of("folder", "is a folder"), "train", "--data", d + "/folder", "--no-save"),
                cmd(List.of("--data", "empty path"), "train", "--data", "", "--no-save"),
                cmd(List.of("empty.csv", "is empty"), "train", "--data", d + "/empty.csv", "--no-save"),
                cmd(List.of("latin1.txt", "not GB18030 either"), "train", "--data", d + "/latin1.txt", "--no-save"),
                cmd(List.of("series.csv", "99999999999"), "train", "--data", d + "/series.csv", "--columns",
                        "99999999999", "--no-save"),
                cmd(List.of("2147483647"), "train", "--data", d + "/series.csv", "--seq-len", "2147483647",
                        "--horizon", "2147483647", "--no-save"),
                cmd(List.of("--save", "series.csv", "overwrite"), "train", "--data", d + "/series.csv", "--save",
                        d + "/series.csv"),
                cmd(List.of("/dev/null", "not a regular file"), "train", "--save", "/dev/null"),
                cmd(List.of("--save", "folder"), "train", "--save", d + "/folder"),
                cmd(List.of("h12000.safetensors", "expected [48000, 1]"), "forward", "--case",
                        d + "/h12000.safetensors", "--out", o),
                cmd(List.of("batch.safetensors", "'batch' = 99999999999 is outside"), "forward", "--case",
                        d + "/batch.safetensors", "--out", o),
                cmd(List.of("lr.safetensors", "'lr' = Infinity"), "forward", "--case", d + "/lr.safetensors",
                        "--out", o),
                cmd(List.of("betas.safetensors", "'betas' = 'NaN,0.999'"), "forward", "--case",
                        d + "/betas.safetensors", "--out", o),
                cmd(List.of("momentum.safetensors", "'momentum'"), "forward", "--case",
                        d + "/momentum.safetensors", "--out", o),
                cmd(List.of("f64target.safetensors", "class targets"), "forward", "--case",
                        d + "/f64target.safetensors", "--out", o),
                cmd(List.of("kind.safetensors", "unknown case kind 'mystery'"), "forward", "--case",
                        d + "/kind.safetensors", "--out", o),
                cmd(List.of("fifo.csv", "FIFO"), "forward", "--case", d + "/fifo.csv", "--out", o),
                cmd(List.of("/dev/zero"), "forward", "--case", "/dev/zero", "--out", o),
                cmd(List.of("folder", "not a regular file"), "forward", "--case", d + "/folder", "--out", o),
                cmd(List.of("no-such-folder", "does not exist"), "forward", "--case", d + "/lstm_l2.safetensors",
                        "--out", d + "/no-such-folder/x.safetensors"),
                cmd(List.of("folder", "is a folder"), "forward", "--case", d + "/lstm_l2.safetensors", "--out",
                        d + "/folder"),
                cmd(List.of("/dev/null", "not a regular file"), "forward", "--case", d + "/lstm_l2.safetensors",
                        "--out", "/dev/null"),
                cmd(List.of("--out", "is the case file"), "forward", "--case", d + "/lstm_l2.safetensors", "--out",
                        d + "/lstm_l2.safetensors"),
                cmd(List.of("--steps 100000", "limit"), "gradcheck", "--steps", "100000", "--input", "1",
                        "--hidden", "1", "--layers", "1"),
                cmd(List.of("--hidden 0 is outside"), "gradcheck", "--hidden", "0"),
                cmd(List.of("--layers 1000 is outside 1..64"), "gradcheck", "--layers", "1000"),
                cmd(List.of("--cell", "weird"), "gradcheck", "--cell", "weird"),
                cmd(List.of("--steps", "99999999999"), "gradcheck", "--steps", "99999999999"),
                cmd(List.of("--seconds"), "bench", "--seconds", "0"),
                // the interop commands read models and inputs of any format: the same rules hold
                cmd(List.of("/dev/zero", "not a regular file"), "predict", "--model", "/dev/zero", "--input",
                        d + "/x.csv", "--out", d + "/out/p.csv"),
                cmd(List.of("fifo.csv", "FIFO"), "predict", "--model", d + "/fifo.csv", "--input", d + "/x.csv",
                        "--out", d + "/out/p.csv"),
                cmd(List.of("/dev/zero", "not a regular file"), "predict", "--model", d + "/model.safetensors",
                        "--input", "/dev/zero", "--out", d + "/out/p.csv"),
                cmd(List.of("fifo.csv", "FIFO"), "trace", "--model", d + "/model.safetensors", "--input",
                        d + "/fifo.csv", "--out", d + "/out/t.csv"),
                cmd(List.of("folder.csv", "is a folder"), "predict", "--model", d + "/model.safetensors", "--input",
                        d + "/x.csv", "--out", d + "/folder.csv"),
                cmd(List.of("kind.safetensors", "no recurrent weights"), "predict", "--model",
                        d + "/kind.safetensors", "--input", d + "/x.csv", "--out", d + "/out/p.csv"),
                cmd(List.of("--out", "x.csv", "would overwrite"), "predict", "--model", d + "/model.safetensors",
                        "--input", d + "/x.csv", "--out", d + "/x.csv"),
                cmd(List.of("t.txt", ".csv, .json or .safetensors"), "trace", "--model", d + "/model.safetensors",
                        "--input", d + "/x.csv", "--out", d + "/out/t.txt"),
                cmd(List.of("--to", "tensorflow"), "export", "--model", d + "/model.safetensors", "--to",
                        "tensorflow", "--out", d + "/out/e"),
                cmd(List.of("--out", "is the model file"), "export", "--model", d + "/model.safetensors", "--to",
                        "pytorch", "--out", d),
                cmd(List.of("--epochs"), "compare", "--epochs", "0"));
    }

    private static Arguments cmd(List<String> mention, String... args) {
        return Arguments.of(String.join(" ", args).replace(dir.toString(), "DIR"), List.of(args), mention);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void failsWithOneLineNamingTheFileOrOption(String shown, List<String> args, List<String> mention)
            throws IOException {
        GoldenCase.copyTo(dir, "lstm_l2");
        List<String> before = Hostile.names(dir);
        Hostile.Cli r = Hostile.cli(args.toArray(String[]::new));
        Hostile.assertOneLineError(r, mention.toArray(String[]::new));
        assertFalse(Files.exists(out), "no output after an error");
        assertEquals(before, Hostile.names(dir), "nothing left behind (no temp file, no partial output)");
        assertEquals(List.of(), Hostile.names(out.getParent()));
    }

    @Test
    void modelFilesWithOddShapesAreOneTypedErrorNamingTheFileNeverAnIndexError() throws IOException {
        List<List<Hostile.T>> bad = List.of(
                List.of(t("weight_ih_l0", 4), t("weight_hh_l0", 4, 1)),                    // a vector for a matrix
                List.of(t("weight_ih_l0", 4, 1), t("weight_hh_l0", 4, 0)),                 // H = 0
                List.of(t("weight_ih_l0", 4, 1), t("weight_hh_l0", 5, 2)),                 // 5 rows for H = 2
                List.of(t("weight_ih_l0", 4, 1), t("weight_hh_l0", 4, 1), t("bias_ih_l0", 4), t("bias_hh_l0", 4),
                        t("fc.weight", 3)),                                                // a vector head
                List.of(t("weight_ih_l0", 4, 0), t("weight_hh_l0", 4, 1), t("bias_ih_l0", 4), t("bias_hh_l0", 4)),
                List.of(t("weight_ih_l0", 4, 1), t("weight_hh_l0", 4, 1), t("bias_ih_l0", 4), t("bias_hh_l0", 4),
                        t("fc.weight", 0, 1), t("fc.bias", 0)),                            // zero outputs
                List.of(t("weight_ih_l0", 4, 1)),                                          // no weight_hh
                List.of(t("rnn.weight_ih_l0", 4, 1), t("rnn.weight_hh_l0", 4, 1), t("rnn.bias_ih_l0", 4)),
                List.of(t("unrelated", 3)));
        int i = 0;
        for (List<Hostile.T> tensors : bad) {
            Path f = Hostile.safetensors(dir.resolve("odd" + i++ + ".safetensors"), Map.of(), tensors);
            Throwable t = Hostile.measure(() -> ModelFile.load(f)).thrown();
            IOException e = assertInstanceOf(IOException.class, t, tensors + " gave " + t);
            assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
