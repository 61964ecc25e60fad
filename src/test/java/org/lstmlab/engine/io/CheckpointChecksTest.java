package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.Trainer;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A checkpoint is checked as thoroughly as a model file, so that a damaged one is refused when it is opened, with
 * the file and the entry named, instead of surfacing later as a "try a smaller learning rate" halt: NaN weights,
 * NaN or negative optimizer state, state of the wrong size or for missing parameters, a bad step count, a
 * position past the end of the run.
 */
class CheckpointChecksTest {
    @TempDir
    static Path dir;
    private static SafeTensorsFile good;

    @BeforeAll
    static void aRealCheckpoint() throws IOException {
        good = realCheckpoint(dir.resolve("good.safetensors"));
    }

    /**
     * A checkpoint of an LSTM(3) on the Keras example with Adam, 2 steps into a run of 3 epochs, written as
     * {@code file} and read back; it loads.
     */
    static SafeTensorsFile realCheckpoint(Path file) throws IOException {
        Task task = Tasks.byName("keras-example");
        Dataset data = task.generate(6, 3);
        TrainingConfig cfg = task.defaults().toBuilder().epochs(3).batchSize(8).threads(1).build();
        SequenceModel m = new SequenceModel(task.model(data, CellType.LSTM, 3, 1));
        Initializers.initialize(m, cfg.init(), cfg.seed());
        try (Trainer t = new Trainer(m, data, cfg)) {
            t.step();
            t.step();
            CheckpointFile.save(file, m, cfg, t.optimizer().state(), t.epoch(), t.batchIndex(),
                    Map.of("task", "keras-example"), List.of());
        }
        CheckpointFile.load(file); // the untouched file loads
        return SafeTensors.read(file);
    }

    /** {@link #good} with its tensors and metadata changed by {@code edit}, written as {@code name}. */
    private static Path variant(String name, Consumer<Map<String, Tensor>> tensors,
                                Consumer<Map<String, String>> meta) throws IOException {
        return variant(good, dir.resolve(name + ".safetensors"), tensors, meta);
    }

    /** {@code good} with its tensors and metadata changed, written as {@code p}. */
    static Path variant(SafeTensorsFile good, Path p, Consumer<Map<String, Tensor>> tensors,
                        Consumer<Map<String, String>> meta) throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>(good.tensors());
        Map<String, String> m = new LinkedHashMap<>(good.metadata());
        tensors.accept(t);
        meta.accept(m);
        SafeTensors.write(p, t, m);
        return p;
    }

    static Consumer<Map<String, Tensor>> set(String name, int index, double value) {
        return t -> {
            double[] v = t.get(name).doubles();
            v[index] = value;
            t.put(name, Tensor.f64(name, t.get(name).shape(), v));
        };
    }

    private static void refused(Path p, String... parts) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> CheckpointFile.load(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void nonFiniteWeightsAndOptimizerState() throws IOException {
        Consumer<Map<String, String>> same = m -> { };
        refused(variant("nanweight", set("rnn.weight_hh_l0", 3, Double.NaN), same), "'rnn.weight_hh_l0'",
                "NaN at index 3");
        refused(variant("infbias", set("fc.bias", 0, Double.NEGATIVE_INFINITY), same), "-Infinity");
        refused(variant("nanmoment", set("optimizer.exp_avg.2", 1, Double.NaN), same), "'exp_avg.2'", "NaN");
        refused(variant("negsquare", set("optimizer.exp_avg_sq.0", 0, -1e-3), same), "'exp_avg_sq.0'",
                "cannot be negative");
        refused(variant("nansteps", set("optimizer.steps", 0, Double.NaN), same), "step count");
        refused(variant("halfstep", set("optimizer.steps", 0, 2.5), same), "step count");
    }

    @Test
    void optimizerStateOfTheWrongShapeOrIncomplete() throws IOException {
        Consumer<Map<String, String>> same = m -> { };
        refused(variant("short", t -> t.put("optimizer.exp_avg.0", Tensor.f64("optimizer.exp_avg.0",
                new int[] {2}, new double[2])), same), "'exp_avg.0' has 2 values but weight_ih_l0 has 12");
        refused(variant("missing", t -> t.remove("optimizer.exp_avg_sq.4"), same), "lacks 'exp_avg_sq.4'");
        refused(variant("unknown", t -> t.put("optimizer.velocity.0", Tensor.f64("optimizer.velocity.0",
                new int[] {1}, new double[1])), same), "unknown entry 'velocity.0'");
        refused(variant("extra", t -> t.put("optimizer.exp_avg.99", Tensor.f64("optimizer.exp_avg.99",
                new int[] {1}, new double[1])), same), "unknown entry 'exp_avg.99'");
        refused(variant("matrix", t -> t.put("optimizer.exp_avg.0", Tensor.f64("optimizer.exp_avg.0",
                new int[] {3, 4}, new double[12])), same), "must be a vector");
    }

    @Test
    void aPositionOutsideTheRun() throws IOException {
        Consumer<Map<String, Tensor>> same = t -> { };
        refused(variant("epoch", same, m -> m.put("epoch", "4")), "position epoch 4", "run of 3 epochs");
        refused(variant("end", same, m -> {
            m.put("epoch", "3");
            m.put("batch", "1");
        }), "past the end");
        refused(variant("negative", same, m -> m.put("batch", "-1")), "batch '-1' is not a count");
        refused(variant("huge", same, m -> m.put("batch", "99999999999")), "batch '99999999999' is not a count");
        Path atEnd = variant("atend", same, m -> {
            m.put("epoch", "3");
            m.put("batch", "0");
        });
        assertEquals(3, CheckpointFile.load(atEnd).epoch(), "a finished run is a valid position");
    }
}
