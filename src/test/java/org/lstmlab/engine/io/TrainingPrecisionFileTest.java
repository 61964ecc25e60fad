package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The training precision is part of how a model was trained: model files and checkpoints record it as
 * {@code training.dtype}, and files written before it existed (no dtype) still open, as float64 runs.
 */
class TrainingPrecisionFileTest {
    @TempDir Path dir;

    private static SequenceModel model() {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 2, 4, 1, 1, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.KERAS, 3);
        return m;
    }

    private static final TrainingConfig FLOAT32 = TrainingConfig.kerasDefaults().toBuilder()
            .precision(Precision.FLOAT32).build();

    /**
     * A float64 model file of format 2.0 (as this build's format 2.0 predecessor wrote it) whose training JSON has
     * {@code from} replaced by {@code to}, with a valid checksum.
     */
    private Path resealed(String name, String from, String to) throws IOException {
        Path f = dir.resolve(name);
        ModelFile.save(f, model(), TrainingConfig.kerasDefaults(), "adding");
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        String training = meta.get("training");
        assertTrue(training.contains(from), training);
        meta.put("training", training.replace(from, to));
        meta.put("format_version", "2.0");
        ModelFile.seal(raw.tensors(), meta);
        SafeTensors.write(f, raw.tensors(), meta);
        return f;
    }

    @Test
    void modelFilesAndCheckpointsRecordTheTrainingPrecision() throws IOException {
        Path model = dir.resolve("m.safetensors");
        ModelFile.save(model, model(), FLOAT32, "adding");
        assertTrue(SafeTensors.read(model).metadata().get("training").contains("\"dtype\":\"float32\""),
                SafeTensors.read(model).metadata().get("training"));
        ModelFile.Loaded back = ModelFile.load(model);
        assertEquals(Precision.FLOAT32, back.training().orElseThrow().precision());
        assertTrue(back.warnings().isEmpty(), back.warnings()::toString);

        Path ckpt = dir.resolve("run.safetensors");
        CheckpointFile.save(ckpt, model(), FLOAT32, Map.of(), 0, 0, Map.of("task", "adding"), List.of());
        assertEquals(FLOAT32, CheckpointFile.load(ckpt).config());
    }

    @Test
    void aModelFileOfFormat20WithoutADtypeOpensAsAFloat64Run() throws IOException {
        Path f = resealed("old.safetensors", ",\"dtype\":\"float64\"", "");
        assertTrue(!SafeTensors.read(f).metadata().get("training").contains("dtype"));

        ModelFile.Loaded back = ModelFile.load(f);
        assertEquals(TrainingConfig.kerasDefaults(), back.training().orElseThrow());
        assertEquals(Precision.FLOAT64, back.training().orElseThrow().precision());
        assertTrue(back.warnings().isEmpty(), back.warnings()::toString);
    }

    @Test
    void aCheckpointWithoutADtypeResumesInFloat64() throws IOException {
        Path f = dir.resolve("old-run.safetensors");
        CheckpointFile.save(f, model(), TrainingConfig.kerasDefaults(), Map.of(), 1, 2, Map.of("task", "adding"),
                List.of());
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("training", meta.get("training").replace(",\"dtype\":\"float64\"", ""));
        SafeTensors.write(f, raw.tensors(), meta);
        assertEquals(Precision.FLOAT64, CheckpointFile.load(f).config().precision());
    }

    @Test
    void anUnknownDtypeIsRefusedNamingTheField() throws IOException {
        Path f = resealed("bad.safetensors", "\"float64\"", "\"float16\"");
        ModelFileException e = org.junit.jupiter.api.Assertions.assertThrows(ModelFileException.class,
                () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("training") && e.getMessage().contains("float16"), e.getMessage());
    }
}
