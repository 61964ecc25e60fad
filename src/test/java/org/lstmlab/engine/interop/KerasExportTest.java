package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.testing.PythonRun;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The Keras export's {@code model.weights.h5}: its group tree is Keras 3's (read with h5py), its arrays make the
 * NumPy Keras cell (keras_cells.py) compute what the app computed, and the app's own Keras reader (jhdf) reads it
 * back into the same model.
 */
class KerasExportTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}, {1} layers, {2}, {3}")
    @CsvSource({
        "LSTM, 2, LAST, BINARY_CROSS_ENTROPY",
        "GRU, 2, EVERY_STEP, SOFTMAX_CROSS_ENTROPY",
        "GRU_RESET_BEFORE, 3, LAST, MEAN_SQUARED_ERROR",
        "GRU_RESET_BEFORE, 1, EVERY_STEP, SOFTMAX_CROSS_ENTROPY",
        "RNN_TANH, 1, EVERY_STEP, MEAN_SQUARED_ERROR",
        "RNN_RELU, 2, LAST, SOFTMAX_CROSS_ENTROPY",
    })
    void theWeightsFileIsKeras3sAndComputesWhatTheAppComputed(CellType cell, int layers, HeadMode head, Loss loss)
            throws Exception {
        int outputs = loss == Loss.SOFTMAX_CROSS_ENTROPY ? 3 : 1;
        SequenceModel m = new SequenceModel(new ModelSpec(cell, 2, 4, layers, outputs, head, loss));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 17);
        Path out = dir.resolve("export");
        List<Path> files = ModelExport.write(ModelExport.Target.KERAS, m, TrainingConfig.kerasDefaults(), "test",
                out, null);
        assertEquals(List.of("model.py", "model.weights.h5", "check_input.npz", "model.h5"),
                files.stream().map(p -> p.getFileName().toString()).toList());

        Map<String, JsonValue> tree = Hdf5WriterTest.h5py(out.resolve("model.weights.h5"));
        String snake = KerasWeightsWriter.layerName(cell, 0);
        List<String> expected = new ArrayList<>(List.of("/", "/vars", "/layers", "/layers/dense",
                "/layers/dense/vars", "/layers/dense/vars/0", "/layers/dense/vars/1"));
        for (int k = 0; k < layers; k++) {
            String l = "/layers/" + (k == 0 ? snake : snake + "_" + k);
            expected.addAll(List.of(l, l + "/vars", l + "/cell", l + "/cell/vars", l + "/cell/vars/0",
                    l + "/cell/vars/1", l + "/cell/vars/2"));
        }
        assertEquals(expected.stream().sorted().toList(), new ArrayList<>(new TreeMap<>(tree).keySet()));

        String act = loss.activation().kerasName();
        String diff = PythonRun.run(List.of("/usr/bin/python3",
                TorchImportTest.DIR.resolve("check_keras_export.py").toString(), out.toString(), cell.id(),
                Integer.toString(layers), act, head.name().equals("LAST") ? "LAST" : "EVERY"));
        assertTrue(Double.parseDouble(diff.strip()) < 1e-12, cell + ": " + diff);

        String code = Files.readString(out.resolve("model.py"));
        assertTrue(code.contains("model.load_weights(os.path.join(HERE, 'model.weights.h5'))"), code);
        assertEquals(cell == CellType.GRU_RESET_BEFORE, code.contains("reset_after=False"), code);
        PythonRun.run(List.of("/usr/bin/python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())",
                out.resolve("model.py").toString()));

        ImportedModel back = ModelImport.load(out.resolve("model.weights.h5"), ImportOptions.NONE
                .withActivation(loss.activation()).withHead(head));
        assertEquals(layers, back.model().spec().numLayers());
        if (cell == CellType.RNN_RELU) {  // the weights alone do not say relu (model.py does): tanh, with a note
            assertEquals(CellType.RNN_TANH, back.model().spec().cell());
            assertTrue(back.notes().stream().anyMatch(n -> n.english().contains("activation tanh")),
                    back.notes()::toString);
            return;
        }
        assertEquals(cell, back.model().spec().cell());
        double[] x = ModelExport.checkInput(2);
        double[] mine = Predictor.predict(m, x, ModelExport.CHECK_BATCH, ModelExport.CHECK_STEPS).values();
        double[] theirs = Predictor.predict(back.model(), x, ModelExport.CHECK_BATCH, ModelExport.CHECK_STEPS)
                .values();
        for (int i = 0; i < mine.length; i++) {
            assertEquals(mine[i], theirs[i], 1e-14, "round trip through the app's Keras reader");
        }
    }
}
