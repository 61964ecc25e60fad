package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.Trainer;
import org.lstmlab.engine.train.TrainingConfig;

class CheckpointFileTest {
    @TempDir Path dir;

    private static void steps(Trainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.step();
        }
    }

    @Test
    void resumingFromACheckpointContinuesBitIdentically() throws Exception {
        Task task = Tasks.byName("adding");
        Dataset data = task.generate(12, 5);
        Dataset small = new Dataset(data.name(), data.train().subList(0, 200), data.validation().subList(0, 50),
                data.inputSize(), data.outputSize(), data.head(), data.loss(), data.vocabulary());
        TrainingConfig cfg = task.defaults().toBuilder().epochs(3).batchSize(16).threads(2).shards(2).build();
        SequenceModel straight = new SequenceModel(task.model(small, CellType.GRU, 6, 2));
        Initializers.initialize(straight, cfg.init(), cfg.seed());
        SequenceModel interrupted = new SequenceModel(straight.spec());
        Initializers.initialize(interrupted, cfg.init(), cfg.seed());
        Path file = dir.resolve("run.safetensors");
        try (Trainer a = new Trainer(straight, small, cfg); Trainer b = new Trainer(interrupted, small, cfg)) {
            steps(a, 17);   // 13 batches per epoch: stop inside epoch 2
            steps(b, 17);
            CheckpointFile.save(file, interrupted, cfg, b.optimizer().state(), b.epoch(), b.batchIndex(),
                    Map.of("task", "adding", "seq_len", "12"), List.of());
            steps(b, 3);    // the interrupted run moves on; the checkpoint must not care
            steps(a, 10);
        }
        CheckpointFile.Loaded loaded = CheckpointFile.load(file);
        assertEquals(1, loaded.epoch());
        assertEquals(4, loaded.batch());
        assertEquals("12", loaded.run().get("seq_len"));
        assertEquals(cfg, loaded.config());
        try (Trainer resumed = new Trainer(loaded.model(), small, loaded.config())) {
            resumed.optimizer().restore(loaded.optimizerState());
            resumed.seek(loaded.epoch(), loaded.batch());
            steps(resumed, 10);
        }
        List<Param> expected = straight.parameters();
        List<Param> actual = loaded.model().parameters();
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k).data(), actual.get(k).data(), expected.get(k).name());
        }
    }

    @Test
    void aModelFileIsNotACheckpointAndNaNIsNeverWritten() throws Exception {
        Task task = Tasks.byName("keras-example");
        SequenceModel m = new SequenceModel(task.model(task.generate(5, 1), CellType.LSTM, 3, 1));
        Path model = dir.resolve("m.safetensors");
        ModelFile.save(model, m, task.defaults(), "keras-example");
        ModelFileException e = assertThrows(ModelFileException.class, () -> CheckpointFile.load(model));
        assertTrue(e.getMessage().contains("is a model file, not a training checkpoint"), e.getMessage());
        m.parameters().get(0).data()[2] = Double.NaN;
        Path ckpt = dir.resolve("bad.safetensors");
        assertThrows(java.io.IOException.class, () -> CheckpointFile.save(ckpt, m, task.defaults(), Map.of(), 0, 0,
                Map.of(), List.of()));
        assertFalse(Files.exists(ckpt), "nothing half-written");
    }
}
