package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;

/**
 * Text classifiers that start with an embedding table (make_embedding_fixtures.py): PyTorch state_dicts and Keras
 * files open, take token ids and predict what PyTorch, or the script's NumPy cells, computed.
 */
class EmbeddingImportTest {
    static final Path DIR = TorchImportTest.DIR;
    @TempDir Path dir;

    /** The worst difference between the prediction of the check file's token ids and its {@code expected}. */
    static double worstError(ImportedModel m, String name) throws IOException {
        Path check = DIR.resolve(name + ".check.safetensors");
        SequenceFiles.Sequences x = SequenceFiles.readTokens(check, m.embedding().orElseThrow(), OptionalInt.empty());
        Tensor expected = SafeTensors.read(check).tensor("expected");
        return TorchImportTest.worstError(Predictor.predict(m.model(), x.x(), x.batch(), x.steps()), expected);
    }

    @ParameterizedTest
    @CsvSource({
        "emb_lstm_f64, LSTM, 2, 12, 4, embedding.weight",
        "emb_gru_f64, GRU, 1, 9, 6, embed.weight",
        "keras2_embedding_lstm, LSTM, 1, 20, 4, embedding",
        "keras3_embedding_gru, GRU, 1, 15, 3, embedding",
    })
    void aTextClassifierPredictsWhatItsFrameworkComputed(String name, CellType cell, int layers, int vocabulary,
                                                         int size, String table) throws IOException {
        Path file = DIR.resolve(name + (name.startsWith("keras2") ? ".h5" : name.startsWith("keras3") ? ".keras"
                : ".safetensors"));
        ImportedModel m = ModelImport.load(file, ImportOptions.NONE);
        assertEquals(cell, m.model().spec().cell());
        assertEquals(layers, m.model().spec().numLayers());
        TokenEmbedding e = m.embedding().orElseThrow();
        assertEquals(vocabulary, e.vocabulary());
        assertEquals(size, e.size());
        assertEquals(size, m.model().spec().inputSize());
        assertTrue(e.name().startsWith(table), e.name());
        assertTrue(worstError(m, name) < 1e-9, name + ": " + worstError(m, name));
        assertTrue(m.notes().stream().anyMatch(n -> n.key().endsWith(".embedding")), m.notes()::toString);
    }

    @Test
    void theNoteSaysWhatATokenIsAndWhatIsNotRead() throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve("emb_lstm_f64.safetensors"), ImportOptions.NONE);
        String note = m.notes().stream().filter(n -> n.key().equals("engine.note.torch.embedding")).findFirst()
                .orElseThrow().english();
        assertTrue(note.contains("'embedding.weight' is an nn.Embedding of 12 rows of 4 values"), note);
        assertTrue(note.contains("token ids from 0 to 11") && note.contains("padding_idx"), note);
        assertTrue(m.kind().contains("embedding 'embedding.weight' 12×4"), m.kind());
        // padding_idx=0: PyTorch keeps its row at zero, and the lookup uses the row as stored
        double[] zero = java.util.Arrays.copyOfRange(m.embedding().get().table(), 0, 4);
        assertArrayEquals(new double[4], zero);
    }

    @Test
    void aCharacterModelSavedWithTorchSaveOpens() throws IOException {
        // nn.Embedding(10, 3), nn.LSTM(3, 3), nn.Linear(3, 10): D = H, so the table is told by its name
        ImportedModel m = ModelImport.load(DIR.resolve("torch_embedding.pt"), ImportOptions.NONE);
        assertEquals(10, m.embedding().orElseThrow().vocabulary());
        assertEquals(10, m.model().spec().outputSize());
    }

    @Test
    void theLastStepOfATorchModelIsItsEveryStepPredictionsLast() throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve("emb_gru_f64.safetensors"),
                ImportOptions.NONE.withHead(HeadMode.LAST));
        Path check = DIR.resolve("emb_gru_f64.check.safetensors");
        SafeTensorsFile f = SafeTensors.read(check);
        SequenceFiles.Sequences x = SequenceFiles.readTokens(check, m.embedding().get(), OptionalInt.empty());
        Predictor.Prediction p = Predictor.predict(m.model(), x.x(), x.batch(), x.steps());
        int t = x.steps();
        for (int b = 0; b < x.batch(); b++) {
            for (int o = 0; o < 2; o++) {
                assertEquals(f.tensor("expected").doubleAt((b * t + t - 1) * 2 + o), p.values()[b * 2 + o], 1e-9);
            }
        }
    }

    @Test
    void tokenIdsComeFromACsvRowPerSequenceOrAWindowedColumn() throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve("emb_gru_f64.safetensors"), ImportOptions.NONE);
        TokenEmbedding e = m.embedding().get();
        Path csv = dir.resolve("ids.csv");
        Files.writeString(csv, "t1,t2,t3\n1,2,8\n0,0,5\n", StandardCharsets.UTF_8);
        SequenceFiles.Sequences x = SequenceFiles.readTokens(csv, e, OptionalInt.empty());
        assertEquals(2, x.batch());
        assertEquals(3, x.steps());
        assertEquals(6, x.size());
        assertArrayEquals(java.util.Arrays.copyOfRange(e.table(), 8 * 6, 9 * 6),
                java.util.Arrays.copyOfRange(x.x(), 2 * 6, 3 * 6));
        Path series = dir.resolve("series.csv");
        Files.writeString(series, "id\n3\n4\n5\n6\n", StandardCharsets.UTF_8);
        SequenceFiles.Sequences w = SequenceFiles.readTokens(series, e, OptionalInt.of(3));
        assertEquals(2, w.batch());
        assertArrayEquals(java.util.Arrays.copyOfRange(e.table(), 6 * 6, 7 * 6),
                java.util.Arrays.copyOfRange(w.x(), 5 * 6, 6 * 6));
    }

    @Test
    void aBadIdIsRefusedAtItsLineAndField() throws IOException {
        TokenEmbedding e = table("emb_gru_f64.safetensors");
        Path csv = csv("a,b,c\n1,2,3\n4,9,5\n");
        ModelFileException ex = assertThrows(ModelFileException.class,
                () -> SequenceFiles.readTokens(csv, e, OptionalInt.empty()));
        assertEquals(csv + ": line 3, field 2 ('b'): token id 9 is outside the model's embedding 'embed.weight' of 9 "
                + "rows: ids go from 0 to 8", ex.getMessage());
        Files.writeString(csv, "a,b\n1,2.5\n", StandardCharsets.UTF_8);
        ex = assertThrows(ModelFileException.class, () -> SequenceFiles.readTokens(csv, e, OptionalInt.empty()));
        assertEquals(csv + ": line 2, field 2 ('b'): 2.5 is not a token id: the model's embedding 'embed.weight' "
                + "takes whole numbers from 0 to 8", ex.getMessage());
        Path npy = dir.resolve("ids.npy");
        npy(npy, new int[] {2, 2}, new double[] {0, 1, -1, 2});
        ex = assertThrows(ModelFileException.class, () -> SequenceFiles.readTokens(npy, e, OptionalInt.empty()));
        assertTrue(ex.getMessage().endsWith("input[1, 0]: token id -1 is outside the model's embedding "
                + "'embed.weight' of 9 rows: ids go from 0 to 8"), ex.getMessage());
        npy(npy, new int[] {1, 2, 6}, new double[12]);
        ex = assertThrows(ModelFileException.class, () -> SequenceFiles.readTokens(npy, e, OptionalInt.empty()));
        assertTrue(ex.getMessage().contains("a model with an embedding takes token ids (B, T)"), ex.getMessage());
    }

    private static TokenEmbedding table(String file) throws IOException {
        return ModelImport.load(DIR.resolve(file), ImportOptions.NONE).embedding().orElseThrow();
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("ids.csv"), text, StandardCharsets.UTF_8);
    }

    /** Why the token ids of {@code file} are refused. */
    private static String refusal(Path file, TokenEmbedding e) {
        return assertThrows(ModelFileException.class, () -> SequenceFiles.readTokens(file, e, OptionalInt.empty()))
                .getMessage();
    }

    private static void npy(Path file, int[] shape, double[] values) throws IOException {
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            Npy.write(out, shape, values);
        }
    }

    @Test
    void maskZeroRunsEachSequenceWithoutItsPaddingAsKerasSkipsIt() throws IOException {
        // Embedding(mask_zero=True) -> LSTM(return_sequences=True) -> LSTM -> Dense(softmax); rows post-padded,
        // pre-padded, without padding and all padding; expected from NumPy cells that skip id 0 carrying the state
        ImportedModel m = ModelImport.load(DIR.resolve("keras2_embedding_masked.h5"), ImportOptions.NONE);
        assertTrue(m.embedding().orElseThrow().maskZero());
        assertEquals(2, m.model().spec().numLayers());
        Path check = DIR.resolve("keras2_embedding_masked.check.safetensors");
        SequenceFiles.Sequences x = SequenceFiles.readTokens(check, m.embedding().get(), OptionalInt.empty());
        assertArrayEquals(new int[] {3, 2, 3, 6, 7, 0}, x.lengths());
        assertTrue(maskedError(m, check) < 1e-9, "" + maskedError(m, check));
        Tensor expected = SafeTensors.read(check).tensor("expected");
        // without the lengths the padding would be run as tokens: the post- and pre-padded rows differ
        double[] unmasked = Predictor.predict(m.model(), x.x(), x.batch(), x.steps()).values();
        assertTrue(Math.abs(unmasked[0] - expected.doubleAt(0)) > 1e-6);
        String note = m.notes().stream().filter(n -> n.key().equals("engine.note.keras.embeddingMasked"))
                .findFirst().orElseThrow().english();
        assertTrue(note.contains("With mask_zero=True, id 0 is padding that Keras skips"), note);
    }

    @Test
    void aMaskedGruCarriesItsStateOverThePaddingToo() throws IOException {
        // Embedding(mask_zero=True) -> GRU(reset_after=True) -> Dense(1, sigmoid): post, pre, none, all padding
        ImportedModel m = ModelImport.load(DIR.resolve("keras2_embedding_masked_gru.h5"), ImportOptions.NONE);
        assertEquals(CellType.GRU, m.model().spec().cell());
        assertTrue(maskedError(m, DIR.resolve("keras2_embedding_masked_gru.check.safetensors")) < 1e-9);
    }

    /** The worst difference from {@code expected} of a masked model's prediction, batches of 4 sequences. */
    private static double maskedError(ImportedModel m, Path check) throws IOException {
        SequenceFiles.Sequences x = SequenceFiles.readTokens(check, m.embedding().orElseThrow(), OptionalInt.empty());
        java.util.List<double[]> parts = new java.util.ArrayList<>();
        Predictor.predict(m.model(), x.x(), x.batch(), x.steps(), x.lengths(), 4, parts::add);
        Tensor expected = SafeTensors.read(check).tensor("expected");
        double[] y = new double[expected.doubles().length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, y, at, part.length);
            at += part.length;
        }
        assertEquals(y.length, at);
        double worst = 0;
        for (int i = 0; i < y.length; i++) {
            worst = Math.max(worst, Math.abs(y[i] - expected.doubleAt(i)));
        }
        return worst;
    }

    @Test
    void anIdZeroBetweenOthersIsRefusedAtItsPlaceWhenZeroIsMasked() throws IOException {
        TokenEmbedding e = table("keras2_embedding_masked.h5");
        Path csv = csv("a,b,c,d\n0,0,4,5\n3,0,2,0\n");
        assertEquals(csv + ": line 3, field 2 ('b'): token id 0 stands between two other ids: the model's Embedding "
                + "'embedding' has mask_zero=True, so Keras would skip this step and carry the state over it, and "
                + "LSTM Lab skips id 0 only as padding, before a sequence's first other id or after its last; remove "
                + "this 0, or predict in Keras", refusal(csv, e));
        Path npy = dir.resolve("ids.npy");
        npy(npy, new int[] {2, 4}, new double[] {1, 2, 3, 0, 0, 5, 0, 6});
        assertTrue(refusal(npy, e).contains("input[1, 2]: token id 0 stands between two other ids"), refusal(npy, e));
        npy(npy, new int[] {2, 4}, new double[] {0, 0, 3, 7, 9, 8, 0, 0});
        SequenceFiles.Sequences x = SequenceFiles.readTokens(npy, e, OptionalInt.empty());
        assertArrayEquals(new int[] {2, 2}, x.lengths());
        assertArrayEquals(java.util.Arrays.copyOfRange(e.table(), 3 * 3, 4 * 3),     // id 3 moved to the start
                java.util.Arrays.copyOfRange(x.x(), 0, 3));
    }

    @Test
    void maskZeroWithAnOutputAtEveryStepIsRefusedNamingTheLayers() {
        ModelFileException ex = assertThrows(ModelFileException.class,
                () -> ModelImport.load(DIR.resolve("bad_keras_mask_zero.h5"), ImportOptions.NONE));
        assertTrue(ex.getMessage().contains("Embedding layer 'embedding' has mask_zero=True and 'lstm', the last "
                + "recurrent layer, returns every step"), ex.getMessage());
        ex = assertThrows(ModelFileException.class, () -> ModelImport.load(DIR.resolve("keras2_embedding_masked.h5"),
                ImportOptions.NONE.withHead(HeadMode.EVERY_STEP)));
        assertTrue(ex.getMessage().contains("has mask_zero=True"), ex.getMessage());
    }
}
