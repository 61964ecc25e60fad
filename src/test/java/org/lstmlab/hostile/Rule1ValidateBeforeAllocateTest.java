package org.lstmlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.hostile.Hostile.layer;
import static org.lstmlab.hostile.Hostile.meta;
import static org.lstmlab.hostile.Hostile.t;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.interop.CaseRunner;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsException;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * Rule 1: nothing is built from metadata or options until its size is checked against the tensors actually present
 * and against the memory budget. Each case below would allocate gigabytes if it got that far; instead it is
 * refused with a message naming the file (or the size) and the reason, and the refusal itself allocates little.
 * What is measured is the bytes this thread allocates, which no machine load changes.
 */
class Rule1ValidateBeforeAllocateTest {
    /**
     * A refusal may parse a header (about 50 bytes of garbage per header byte, for the 1 MB headers here) and
     * build messages, never allocate what the input asks for (gigabytes in every case).
     */
    private static final long SMALL = 64L << 20;

    @TempDir
    static Path dir;

    private static final String LSTM_ARCH = "{\"cell\":\"lstm\",\"input_size\":1,\"hidden_size\":%d,\"num_layers\":%d,"
            + "\"output_size\":1,\"head\":\"last\",\"loss\":\"binary_crossentropy\",\"output_activation\":\"sigmoid\"}";
    private static final String TRAINING = "{\"epochs\":2,\"batch_size\":4,\"optimizer\":\"adam\","
            + "\"learning_rate\":0.01,\"flavour\":\"torch\",\"momentum\":0,\"clip_norm\":0,\"seed\":1,\"threads\":1,"
            + "\"shards\":1,\"init\":\"torch\"}";

    /** A tiny LSTM(1) with a Dense(1) head, as a model file would hold it. */
    private static List<Hostile.T> tinyModel() {
        List<Hostile.T> ts = new ArrayList<>(layer("rnn.", 0, 4, 1, 1));
        ts.add(t("fc.weight", 1, 1));
        ts.add(t("fc.bias", 1));
        return ts;
    }

    static Stream<Arguments> files() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        // a 7.5 kB reference case whose metadata claims hidden_size 12000 (the forward case)
        cases.add(Arguments.of("recurrent case, hidden_size 12000", Hostile.safetensors(dir.resolve("h12000.st"),
                meta("kind", "recurrent", "cell", "lstm", "num_layers", "1", "input_size", "1", "hidden_size",
                        "12000", "seq_len", "2", "batch", "1"),
                concat(layer("", 0, 4, 1, 1), List.of(t("input", 1, 2, 1)))),
                "has shape [4, 1], expected [48000, 1]"));
        cases.add(Arguments.of("recurrent case, num_layers 1000000", Hostile.safetensors(dir.resolve("l1m.st"),
                meta("kind", "recurrent", "cell", "gru", "num_layers", "1000000", "input_size", "1", "hidden_size",
                        "1", "seq_len", "2", "batch", "1"), layer("", 0, 3, 1, 1)),
                "'num_layers' = 1000000 is outside 1..64"));
        cases.add(Arguments.of("recurrent case, seq_len 2^31-1 with a short input",
                Hostile.safetensors(dir.resolve("longseq.st"), meta("kind", "recurrent", "cell", "rnn_tanh",
                        "num_layers", "1", "input_size", "1", "hidden_size", "1", "seq_len", "2147483647", "batch",
                        "1"), concat(layer("", 0, 1, 1, 1), List.of(t("input", 1, 3, 1)))),
                "tensor 'input' has shape [1, 3, 1], expected [1, 2147483647, 1]"));
        cases.add(Arguments.of("model case, output_size 99999999999", Hostile.safetensors(dir.resolve("o.st"),
                meta("kind", "model", "head", "seq_softmax_ce", "cell", "lstm", "input_size", "1", "hidden_size",
                        "1", "seq_len", "2", "batch", "1", "output_size", "99999999999"), tinyModel()),
                "'output_size' = 99999999999 is outside 1..1048576"));
        cases.add(Arguments.of("optimizer case, 10^6 steps of a 10^6 vector claimed by the metadata only",
                Hostile.safetensors(dir.resolve("opt.st"), meta("kind", "optimizer", "optimizer", "sgd", "steps",
                        "1000000", "lr", "0.1"), List.of(t("param", 3), t("grads", 2, 3))),
                "tensor 'grads' has shape [2, 3], expected [1000000, 3]"));
        cases.add(Arguments.of("case whose 2 GB of data would be read only to say 'metadata lacks cell'",
                Hostile.safetensors(dir.resolve("nocell.st"), meta("kind", "recurrent"),
                        List.of(t("input", 250_000_000L))), "metadata lacks 'cell'"));
        // model and checkpoint files whose architecture JSON claims sizes their tensors do not have
        cases.add(Arguments.of("model file, hidden_size 12000", Hostile.safetensors(dir.resolve("m12000.st"),
                meta("format", "lstm-lab-model", "format_version", "1", "architecture",
                        String.format(LSTM_ARCH, 12000, 1)), tinyModel()),
                "expected [48000, 1]"));
        cases.add(Arguments.of("model file, num_layers 1000000", Hostile.safetensors(dir.resolve("m1m.st"),
                meta("format", "lstm-lab-model", "format_version", "1", "architecture",
                        String.format(LSTM_ARCH, 1, 1_000_000)), tinyModel()),
                "number of layers 1000000 is outside 1..64"));
        cases.add(Arguments.of("checkpoint, hidden_size 12000", Hostile.safetensors(dir.resolve("c12000.st"),
                meta("format", "lstm-lab-checkpoint", "format_version", "1", "architecture",
                        String.format(LSTM_ARCH, 12000, 1), "training", TRAINING, "epoch", "0", "batch", "0"),
                tinyModel()), "expected [48000, 1]"));
        cases.add(Arguments.of("checkpoint, num_layers 1000000", Hostile.safetensors(dir.resolve("c1m.st"),
                meta("format", "lstm-lab-checkpoint", "format_version", "1", "architecture",
                        String.format(LSTM_ARCH, 1, 1_000_000), "training", TRAINING, "epoch", "0", "batch", "0"),
                tinyModel()), "number of layers 1000000 is outside 1..64"));
        // a 1 MB state_dict whose 20,000 dummy layer names would each become a full layer
        List<Hostile.T> dummies = new ArrayList<>(layer("", 0, 200, 1, 50));
        for (int k = 1; k < 20_000; k++) {
            dummies.add(t("weight_ih_l" + k, 0));
        }
        cases.add(Arguments.of("state_dict with 20,000 dummy layers", Hostile.safetensors(dir.resolve("sd.st"),
                Map.of(), dummies), "more than 64 layers"));
        // a state_dict's structure is checked from its header: 2 GB of an unknown module are never read
        cases.add(Arguments.of("state_dict with a 2 GB tensor of an unknown module",
                Hostile.safetensors(dir.resolve("sd-extra.st"), Map.of(),
                        concat(layer("lstm.", 0, 4, 1, 1), List.of(t("embedding.weight", 250_000_000L)))),
                "unknown extra tensors 'embedding.weight'"));
        // real tensors that do exist but would not fit: a 1e9-element F64 tensor in a sparse 8 GB file
        cases.add(Arguments.of("1e9-element tensor in a sparse 8 GB file", Hostile.safetensors(dir.resolve("big.st"),
                Map.of(), List.of(t("w", 1_000_000_000L))), "more than the memory limit of"));
        return cases.stream();
    }

    private static List<Hostile.T> concat(List<Hostile.T> a, List<Hostile.T> b) {
        List<Hostile.T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyLoaderRefusesBeforeAllocating(String what, Path file, String reason) {
        List<Callable<?>> loaders = List.of(() -> CaseRunner.run(file), () -> ModelFile.load(file),
                () -> CheckpointFile.load(file));
        String name = file.getFileName().toString();
        Callable<?> loader = name.startsWith("sd") ? () -> ModelImport.load(file, ImportOptions.NONE)
                : name.startsWith("m") ? loaders.get(1)
                : name.startsWith("c") ? loaders.get(2) : name.equals("big.st") ? () -> SafeTensors.read(file)
                : loaders.get(0);
        Hostile.Run run = Hostile.measure(loader);
        assertNotNull(run.thrown(), what + ": loaded");
        assertInstanceOf(IOException.class, run.thrown(), what);
        String msg = run.thrown().getMessage();
        assertTrue(msg.startsWith(file.toString() + ": "), "names the file: " + msg);
        assertTrue(msg.contains(reason), what + ": " + msg);
        assertTrue(!msg.contains("\n"), "one line: " + msg);
        assertTrue(run.allocated() < SMALL, what + ": allocated " + run.allocated() + " bytes to refuse it");
    }

    @Test
    void aTensorTooLargeForTheBudgetIsRefusedWithItsSizeAndTheLimit() throws IOException {
        Path file = Hostile.safetensors(dir.resolve("budget.st"), Map.of(), List.of(t("a", 600_000_000L),
                t("b", 600_000_000L)));
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(file));
        assertEquals(SafeTensorsException.Kind.OVER_MEMORY_LIMIT, e.kind());
        assertTrue(e.getMessage().contains("its tensors need 8.9 GiB, more than the memory limit of "
                + MemoryBudget.bytes(MemoryBudget.limit())), e.getMessage());
        // the same file, reading only what fits, is fine: the budget counts the tensors actually read
        assertEquals(0, SafeTensors.read(file, SafeTensors.HeaderCheck.NONE, n -> false).tensors().size());
    }

    @Test
    void aHeaderAtTheCapFilledWithValuesIsRefusedWhileParsingAtABoundedCost() throws IOException {
        int cap = 16 << 20;
        StringBuilder h = new StringBuilder(cap).append("{\"a\":{\"dtype\":\"F64\",\"shape\":[");
        while (h.length() < cap - 40) {
            h.append("0,");
        }
        h.append("0],\"data_offsets\":[0,0]}}");
        while (h.length() < cap) {
            h.append(' ');
        }
        Path file = Hostile.raw(dir.resolve("cap.st"), h.toString(), 0);
        Hostile.Run run = Hostile.measure(() -> SafeTensors.read(file));
        SafeTensorsException e = assertInstanceOf(SafeTensorsException.class, run.thrown());
        assertEquals(SafeTensorsException.Kind.HEADER_TOO_LARGE, e.kind(), e.getMessage());
        assertTrue(run.allocated() < 400L << 20, "a 16 MiB header cost " + run.allocated() + " bytes");
        Path over = Hostile.raw(dir.resolve("over.st"), h.append(' ').toString(), 0);
        assertEquals(SafeTensorsException.Kind.HEADER_TOO_LARGE,
                assertThrows(SafeTensorsException.class, () -> SafeTensors.read(over)).kind());
    }

    @Test
    void modelsOfAbsurdSizeAreRefusedBeforeTheirWeightsExist() {
        Object[][] cases = {
            {(Callable<?>) () -> new SequenceModel(new ModelSpec(CellType.LSTM, 1, 20_000, 1, 1, HeadMode.LAST,
                    Loss.BINARY_CROSS_ENTROPY)), "weights need 47.7 GiB"},
            {(Callable<?>) () -> new RecurrentStack(CellType.GRU, 1, 30_000, 2), "weights need"},
            {(Callable<?>) () -> new RecurrentStack(CellType.LSTM, 1, 4, 100_000), "outside 1..64"},
            {(Callable<?>) () -> new ModelSpec(CellType.LSTM, 1, 4, 1, 2_000_000, HeadMode.LAST,
                    Loss.SOFTMAX_CROSS_ENTROPY), "output size 2000000 is outside"},
            {(Callable<?>) () -> new ModelSpec(CellType.LSTM, 0, 4, 1, 1, HeadMode.LAST,
                    Loss.BINARY_CROSS_ENTROPY), "input size 0 is outside"},
        };
        for (Object[] c : cases) {
            Hostile.Run run = Hostile.measure((Callable<?>) c[0]);
            IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, run.thrown());
            assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
            assertTrue(run.allocated() < SMALL, e.getMessage() + ": allocated " + run.allocated());
        }
    }

    @Test
    void aTraceWhoseBuffersOverflowAnArrayIsRefused() {
        LayerTrace trace = new LayerTrace(CellType.LSTM, 1, 1024);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trace.ensure(1_000_000, 1000));
        assertTrue(e.getMessage().contains("more than a Java array holds"), e.getMessage());
        LayerTrace small = new LayerTrace(CellType.LSTM, 1, 256);
        Hostile.Run run = Hostile.measure(() -> {
            small.ensure(10_000, 100);  // 4.5·10^10 bytes of buffers: within an array each, beyond the budget
            return null;
        });
        assertTrue(assertInstanceOf(IllegalArgumentException.class, run.thrown()).getMessage()
                .contains("more than the memory limit"), run.thrown().getMessage());
        assertTrue(run.allocated() < SMALL);
    }

    @Test
    void windowAndHorizonOptionsCannotOverflow() {
        for (int[] wh : new int[][] {{Integer.MAX_VALUE, Integer.MAX_VALUE}, {5_000_001, 1}, {1, 5_000_001},
                {0, 1}, {24, -1}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CsvSeries.Options(List.of(), List.of(), wh[0], wh[1], 0.2, null));
            assertTrue(e.getMessage().contains("must be 1..5000000 rows"), e.getMessage());
        }
    }
}
