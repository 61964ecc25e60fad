package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Embedding;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.testing.PythonRun;

/**
 * {@code export} of models that start with an embedding table: the files read back into the same model (round
 * trip), and PyTorch (an nn.Embedding, nn.LSTM / nn.GRU and nn.Linear built in Python) or the NumPy Keras cells
 * compute from them what the app computed for the check ids.
 */
class EmbeddingExportTest {
    static final Path DIR = TorchImportTest.DIR;
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    @TempDir Path dir;

    /** The app's predictions for a file of token ids, read as {@code predict} reads it. */
    static double[] predict(ImportedModel m, Path ids) throws IOException {
        SequenceFiles.Sequences x = SequenceFiles.readTokens(ids, m.embedding().orElseThrow(), OptionalInt.empty());
        double[][] out = new double[1][];
        Predictor.predict(m.model(), x.x(), x.batch(), x.steps(), x.lengths(), x.batch(), v -> out[0] = v);
        return out[0];
    }

    /** The values of array {@code name} of an {@code .npz}. */
    static double[] npz(Path file, String name) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry z = zip.getEntry(name + ".npy");
            return Npy.read(file + ":" + name, zip.getInputStream(z), z.getSize()).values();
        }
    }

    private static ImportOptions options(HeadMode head, OutputActivation act) {
        return ImportOptions.NONE.withHead(head).withActivation(act);
    }

    private static String python(String script, Path out, ImportedModel m) throws Exception {
        var s = m.model().spec();
        return PythonRun.run(List.of("/usr/bin/python3", DIR.resolve(script).toString(), out.toString(),
                s.cell().id(), Integer.toString(s.numLayers()), s.loss().activation().kerasName(),
                s.head() == HeadMode.LAST ? "LAST" : "EVERY"));
    }

    /** Exports {@code m} to PyTorch and checks the files in Java and in Python; returns the re-imported model. */
    private ImportedModel torchRoundTrip(ImportedModel m, String name) throws Exception {
        Path out = dir.resolve(name + ".torch");
        ModelExport.write(ModelExport.Target.PYTORCH, m.model(), m.embedding().get(), null, "test", out, null);
        TokenEmbedding e = m.embedding().get();
        SafeTensorsFile weights = SafeTensors.read(out.resolve("model.safetensors"));
        assertEquals("embedding.weight", weights.tensors().keySet().iterator().next());
        assertArrayEquals(new int[] {e.vocabulary(), e.size()}, weights.tensor("embedding.weight").shape());
        Path check = out.resolve("check_input.safetensors");
        assertArrayEquals(new int[] {ModelExport.CHECK_BATCH, ModelExport.CHECK_STEPS},
                SafeTensors.read(check).tensor("input").shape());

        var s = m.model().spec();
        ImportedModel back = ModelImport.load(out.resolve("model.safetensors"),
                options(s.head(), s.loss().activation()));
        assertEquals(s, back.model().spec());
        assertArrayEquals(e.table(), back.embedding().orElseThrow().table());
        assertEquals(e.paddingIdx(), back.embedding().get().paddingIdx());
        assertArrayEquals(predict(m, check), predict(back, check), "round trip: identical outputs");
        assertArrayEquals(SafeTensors.read(check).tensor("expected").doubles(), predict(m, check));

        String[] py = python("check_torch_embedding_export.py", out, m).strip().split("\n");
        assertTrue(Double.parseDouble(py[0]) < 1e-12, name + ": PyTorch differs by " + py[0]);
        assertEquals(e.paddingIdx() < 0 ? "None" : Integer.toString(e.paddingIdx()), py[1].strip());
        String run = PythonRun.run(List.of("/usr/bin/python3", out.resolve("model.py").toString()));
        assertTrue(run.startsWith("OK: PyTorch computes what LSTM Lab computed"), run);
        return back;
    }

    /** Exports {@code m} to Keras and checks the files; returns the model read back from model.h5. */
    private ImportedModel kerasRoundTrip(ImportedModel m, String name) throws Exception {
        Path out = dir.resolve(name + ".keras");
        ModelExport.write(ModelExport.Target.KERAS, m.model(), m.embedding().get(), null, "test", out, null);
        TokenEmbedding e = m.embedding().get();
        Path check = out.resolve("check_input.npz");
        ImportedModel whole = ModelImport.load(out.resolve("model.h5"), ImportOptions.NONE);
        assertEquals(m.model().spec(), whole.model().spec());
        assertArrayEquals(e.table(), whole.embedding().orElseThrow().table());
        assertEquals(e.maskZero(), whole.embedding().get().maskZero());
        double[] mine = predict(m, check);
        double[] theirs = predict(whole, check);
        double[] expected = npz(check, "expected");
        for (int i = 0; i < mine.length; i++) {   // Keras adds b_ih and b_hh into one bias: rounding only
            assertEquals(mine[i], theirs[i], 1e-14, "round trip through model.h5");
            assertEquals(expected[i], mine[i], 1e-15, "check_input.npz holds what predict computes");
        }
        String code = Files.readString(out.resolve("model.py"));
        assertTrue(code.contains("keras.layers.Embedding(" + e.vocabulary() + ", " + e.size() + ", mask_zero="
                + (e.maskZero() ? "True" : "False") + ")"), code);
        PythonRun.run(List.of("/usr/bin/python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())",
                out.resolve("model.py").toString()));
        if (!e.maskZero()) {  // the weights alone say no mask: read back, and computed by NumPy's Keras cells
            var s = m.model().spec();
            ImportedModel bare = ModelImport.load(out.resolve("model.weights.h5"),
                    options(s.head(), s.loss().activation()));
            assertArrayEquals(e.table(), bare.embedding().orElseThrow().table());
            String[] py = python("check_keras_embedding_export.py", out, m).strip().split("\n");
            assertTrue(Double.parseDouble(py[0]) < 1e-12, name + ": the Keras cells differ by " + py[0]);
            assertEquals("False", py[1].strip());
        }
        return whole;
    }

    @ParameterizedTest
    @CsvSource({
        "emb_lstm_f64.safetensors, EVERY_STEP, IDENTITY",
        "emb_gru_f64.safetensors, LAST, SOFTMAX",
        "keras2_embedding_lstm.h5, , ",
        "keras3_embedding_gru.keras, , ",
    })
    void aTextClassifierGoesToPyTorchAndKerasWithItsTable(String file, HeadMode head, OutputActivation act)
            throws Exception {
        ImportedModel m = ModelImport.load(DIR.resolve(file), head == null ? ImportOptions.NONE : options(head, act));
        String name = file.substring(0, file.indexOf('.'));
        torchRoundTrip(m, name);
        kerasRoundTrip(m, name);
    }

    /**
     * The reference cases of make_embedding_case.py (nn.Embedding(7, 3, padding_idx=0)): their weights as a
     * state_dict predict what PyTorch computed, and the export carries padding_idx to PyTorch (metadata,
     * model.py's nn.Embedding) and back; Keras has no padding_idx.
     */
    @ParameterizedTest
    @CsvSource({"embedding_lstm", "embedding_gru"})
    void theReferenceCasesKeepTheirPaddingIdxInPyTorch(String name) throws Exception {
        SafeTensorsFile golden = SafeTensors.read(GOLDEN.resolve(name + ".safetensors"));
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> t : golden.tensors().entrySet()) {
            if (t.getKey().matches("embedding\\.weight|rnn\\..*|fc\\..*")) {
                weights.put(t.getKey(), t.getValue());
            }
        }
        Path stateDict = dir.resolve(name + ".state.safetensors");
        SafeTensors.write(stateDict, weights, Map.of("padding_idx", golden.requireMeta("padding_idx")));
        Path ids = dir.resolve(name + ".ids.safetensors");
        SafeTensors.write(ids, Map.of("input", golden.tensor("input")), Map.of());
        ImportedModel m = ModelImport.load(stateDict, options(HeadMode.LAST, OutputActivation.SOFTMAX));
        assertEquals(0, m.embedding().orElseThrow().paddingIdx());
        double[] want = golden.tensor("expected.prediction").doubles();
        double[] got = predict(m, ids);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-12, "the reference case's PyTorch prediction");
        }
        ImportedModel back = torchRoundTrip(m, name);
        assertArrayEquals(got, predict(back, ids));
        assertTrue(Files.readString(dir.resolve(name + ".torch/model.py"))
                .contains("self.embedding = nn.Embedding(7, 3, padding_idx=0)"));
        ImportedModel keras = kerasRoundTrip(m, name);
        assertEquals(TokenEmbedding.NO_PADDING, keras.embedding().get().paddingIdx());
    }

    /** Keras' mask_zero=True goes to Keras (model.h5 keeps it); PyTorch's nn.Embedding cannot hold it. */
    @Test
    void aMaskedModelGoesToKerasWithItsMaskAndIsRefusedForPyTorch() throws Exception {
        ImportedModel m = ModelImport.load(DIR.resolve("keras2_embedding_masked.h5"), ImportOptions.NONE);
        ImportedModel back = kerasRoundTrip(m, "masked");
        assertTrue(back.embedding().get().maskZero());
        double[] ids = npz(dir.resolve("masked.keras/check_input.npz"), "input");
        int t = ModelExport.CHECK_STEPS;
        assertEquals(0, ids[0] + ids[1], "sequence 0 is padded before");
        assertEquals(0, ids[2 * t - 1] + ids[2 * t - 2], "sequence 1 is padded after");
        Path out = dir.resolve("masked.torch");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelExport.write(
                ModelExport.Target.PYTORCH, m.model(), m.embedding().get(), null, "test", out, null));
        assertTrue(e.getMessage().contains("mask_zero=True, which PyTorch's nn.Embedding cannot hold"),
                e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** A model that holds its own table (trained with it) is written with it when no table is passed. */
    @Test
    void aModelWithItsOwnTableIsWrittenWithIt() throws Exception {
        SequenceModel m = SequenceModel.withEmbedding(new ModelSpec(CellType.GRU, 3, 4, 1, 2, HeadMode.LAST,
                Loss.SOFTMAX_CROSS_ENTROPY), 6, Embedding.NO_PADDING);
        Initializers.initialize(m, Initializers.Scheme.TORCH, 7);
        double[] table = m.namedParameters().get("embedding.weight").data();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < table.length; i++) {
            table[i] = rng.nextDouble(-1, 1);
        }
        Path out = dir.resolve("own");
        ModelExport.write(ModelExport.Target.PYTORCH, m, TrainingConfig.kerasDefaults(), "test", out, null);
        ImportedModel back = ModelImport.load(out.resolve("model.safetensors"),
                options(HeadMode.LAST, OutputActivation.SOFTMAX));
        assertArrayEquals(table, back.embedding().orElseThrow().table());
        Path check = out.resolve("check_input.safetensors");
        assertArrayEquals(SafeTensors.read(check).tensor("expected").doubles(), predict(back, check));
        String[] py = python("check_torch_embedding_export.py", out, back).strip().split("\n");
        assertTrue(Double.parseDouble(py[0]) < 1e-12, "PyTorch differs by " + py[0]);
        assertTrue(Files.readString(out.resolve("model.py")).contains("self.embedding = nn.Embedding(6, 3)"));
        String run = PythonRun.run(List.of("/usr/bin/python3", out.resolve("model.py").toString()));
        assertTrue(run.startsWith("OK: PyTorch computes what LSTM Lab computed"), run);
    }

    @Test
    void aPaddingIdxOutsideTheTableIsRefusedNamingTheFile() throws Exception {
        SafeTensorsFile f = SafeTensors.read(DIR.resolve("emb_gru_f64.safetensors"));
        Path bad = dir.resolve("bad.safetensors");
        SafeTensors.write(bad, f.tensors(), Map.of("padding_idx", "9"));
        IOException e = assertThrows(IOException.class, () -> ModelImport.load(bad, ImportOptions.NONE));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("metadata 'padding_idx' = '9' is not a row of the embedding "
                + "'embed.weight': give a whole number from 0 to 8, or none"), e.getMessage());
    }
}
