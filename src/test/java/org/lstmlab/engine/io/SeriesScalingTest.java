package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.train.TrainingConfig;

/** A CSV series' scaling survives a model file bit for bit, and a malformed one is refused by name. */
class SeriesScalingTest {
    @TempDir Path dir;

    private static final SeriesScaling SCALING = new SeriesScaling(List.of("load", "température"),
            new double[] {0.1 + 0.2, -1e-300}, new double[] {Math.nextUp(1.0), 3.0e7}, List.of("température"),
            new double[] {-0.0 + 1234.5678901234567}, new double[] {Double.MIN_NORMAL}, 24, 3);

    private SequenceModel model() {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 2, 3, 1, 1, HeadMode.LAST,
                Loss.MEAN_SQUARED_ERROR));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 7);
        return m;
    }

    @Test
    void theScalingReadsBackBitForBitAndRaisesNoUnknownKeyNote() throws IOException {
        Path f = dir.resolve("m.safetensors");
        ModelFile.save(f, model(), TrainingConfig.kerasDefaults(), "csv", List.of(), SCALING);
        ModelFile.Loaded loaded = ModelFile.load(f);
        assertEquals(List.of(), loaded.warnings());
        assertEquals(SCALING, SeriesScaling.of(f.toString(), loaded.metadata(), 2, 1).orElseThrow());
        assertTrue(SeriesScaling.of(f.toString(), Map.of("format", "other", "series", "{}"), 2, 1).isEmpty(),
                "only an LSTM Lab model file's metadata is read");
    }

    @Test
    void aClassifiersScalingKeepsItsClassesAndItsOutputsAreTheirProbabilities() throws IOException {
        SeriesScaling classes = new SeriesScaling(List.of("a", "b"), new double[] {0.5, -2}, new double[] {1.5, 3},
                List.of("activity"), new double[0], new double[0], 20, 1, List.of("running", "sitting", "walking"));
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 2, 3, 1, 3, HeadMode.LAST,
                Loss.SOFTMAX_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 7);
        Path f = dir.resolve("c.safetensors");
        ModelFile.save(f, m, TrainingConfig.kerasDefaults(), "csv", List.of(), classes);
        ModelFile.Loaded loaded = ModelFile.load(f);
        SeriesScaling back = SeriesScaling.of(f.toString(), loaded.metadata(), 2, 3).orElseThrow();
        assertEquals(classes, back);
        assertEquals(3, back.outputs());
        double[] p = {0.2, 0.5, 0.3};
        back.unscaleTargets(p);
        assertArrayEquals(new double[] {0.2, 0.5, 0.3}, p, 0.0, "probabilities have no units");
        assertThrows(IllegalArgumentException.class, () -> new SeriesScaling(List.of("a"), new double[] {0},
                new double[] {1}, List.of("activity"), new double[0], new double[0], 20, 1, List.of("only")),
                "one class is no classifier");
    }

    @Test
    void aMalformedScalingIsRefusedWhenTheFileIsLoaded() throws IOException {
        for (String bad : new String[] {"[]", "{\"inputs\": [\"a\"]}", "not json",
            SCALING.toJson().replace("24", "0"), SCALING.toJson().replace("3.0E7", "-3.0E7"),
            SCALING.toJson().replace("\"load\",", "")}) {
            Path f = dir.resolve("bad.safetensors");
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, Param> e : model().namedParameters().entrySet()) {
                tensors.put(e.getKey(), Tensor.f64(e.getKey(), e.getValue().shape(), e.getValue().data().clone()));
            }
            Map<String, String> meta = new LinkedHashMap<>(SafeTensors.read(saved()).metadata());
            meta.put("series", bad);
            ModelFile.seal(tensors, meta);
            SafeTensors.write(f, tensors, meta, WriteOptions.FINITE_ONLY);
            var e = assertThrows(ModelFileException.class, () -> ModelFile.load(f), bad);
            assertEquals(f + ": its 'series' metadata (how a CSV series was scaled) is malformed: it needs the names, "
                    + "means and standard deviations (above 0) of 2 input and 1 target columns, a window and a "
                    + "horizon", e.getMessage(), bad);
        }
    }

    private Path saved() throws IOException {
        Path f = dir.resolve("good.safetensors");
        ModelFile.save(f, model(), TrainingConfig.kerasDefaults(), "csv", List.of(), SCALING);
        return f;
    }
}
