package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.Embedding;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.Refusal;

/**
 * A session whose token task reads its ids through an embedding table: the table is built, initialised, trained,
 * saved in the model file and the checkpoint, and a resumed run goes on bit-identically.
 */
class EmbeddingSessionTest {
    @TempDir Path dir;

    private static TrainingSession.Builder reber() {
        return TrainingSession.builder(Tasks.byName("reber")).hidden(6).embedding(3).trainLimit(64)
                .validationLimit(32).configure(c -> c.epochs(2).batchSize(16).threads(1));
    }

    @Test
    void everyTaskSaysWhetherItsInputsAreTokensAsItsDataDo() {
        for (Task t : Tasks.all()) {
            boolean oneHot = t.generate(0, 1).train().get(0).isOneHot();
            assertEquals(oneHot, t.readsTokens(), t.name());
        }
    }

    @Test
    void theTableIsTrainedSavedAndResumedExactly() throws Exception {
        List<double[]> straight;
        try (TrainingSession s = reber().build()) {
            SequenceModel m = s.model();
            Embedding e = m.embedding();
            assertNotNull(e);
            assertEquals(7, e.vocabulary());
            assertEquals(3, m.spec().inputSize());
            double[] initial = e.weight().data().clone();
            for (double v : initial) {   // Keras' uniform(−0.05, 0.05), the default flavour's
                assertTrue(v != 0 && Math.abs(v) <= 0.05, "initial row value " + v);
            }
            s.run(SessionObserver.NONE);
            straight = m.weightValues();
            assertTrue(!java.util.Arrays.equals(initial, straight.get(0)), "the table was trained");
            Path file = dir.resolve("m.safetensors");
            s.snapshot().saveModel(file);
            SequenceModel loaded = ModelFile.load(file).model();
            for (int k = 0; k < straight.size(); k++) {
                assertArrayEquals(straight.get(k), loaded.weightValues().get(k), "parameter " + k);
            }
            ImportedModel opened = ModelImport.load(file, ImportOptions.NONE);
            assertNull(opened.model().embedding(), "opened as a PyTorch file is: the table, then the layers");
            assertArrayEquals(straight.get(0), opened.embedding().orElseThrow().table());
            assertEquals(3, opened.model().spec().inputSize());
        }
        Path ckpt = dir.resolve("run.safetensors");
        try (TrainingSession first = reber().build()) {
            for (int i = 0; i < 5; i++) {
                first.step();
            }
            first.snapshot().saveCheckpoint(ckpt);
        }
        CheckpointFile.Loaded c = CheckpointFile.load(ckpt);
        assertNotNull(c.model().embedding());
        try (TrainingSession second = TrainingSession.builder(Tasks.byName("reber")).trainLimit(64)
                .validationLimit(32).resume(c).build()) {
            second.run(SessionObserver.NONE);
            List<double[]> resumed = second.model().weightValues();
            for (int k = 0; k < straight.size(); k++) {
                assertArrayEquals(straight.get(k), resumed.get(k), "parameter " + k);
            }
        }
    }

    @Test
    void aTaskOfNumbersOrASizeOutOfRangeIsRefused() {
        Refusal r = assertThrows(Refusal.class, () -> TrainingSession.builder(Tasks.byName("sine")).embedding(4)
                .build());
        assertTrue(r.getMessage().contains("reads numbers, not tokens"), r.getMessage());
        assertThrows(Refusal.class, () -> TrainingSession.checkEmbedding(Tasks.byName("reber"),
                TrainingSession.MAX_EMBEDDING + 1));
        assertThrows(Refusal.class, () -> TrainingSession.checkEmbedding(Tasks.byName("reber"), -1));
    }
}
