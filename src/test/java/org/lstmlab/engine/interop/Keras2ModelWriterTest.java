package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.engine.interop.Hdf5WriterTest.field;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.JsonParser;
import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.io.JsonWriter;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.testing.PythonRun;

/**
 * The Keras export's {@code model.h5}, the whole model in Keras 2's layout: h5py finds the attributes and groups
 * Keras 2's {@code load_model} reads; the NumPy Keras cells driven by the file alone (check_keras2_model.py, which
 * reads it as load_model does) compute the app's predictions; its {@code model_config} names every layer with its
 * units, activations, {@code return_sequences} and the input shape; and the app's own Keras reader opens it as the
 * same model, with nothing assumed, predicting what the app predicted. (No Keras is installed here: Keras itself
 * never reads it in these tests.)
 */
class Keras2ModelWriterTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}, {1} layers, {2}, {3}")
    @CsvSource({
        "LSTM, 2, LAST, BINARY_CROSS_ENTROPY, LSTM, tanh",
        "GRU, 2, EVERY_STEP, SOFTMAX_CROSS_ENTROPY, GRU, tanh",
        "GRU_RESET_BEFORE, 1, LAST, MEAN_SQUARED_ERROR, GRU, tanh",
        "RNN_TANH, 1, EVERY_STEP, MEAN_SQUARED_ERROR, SimpleRNN, tanh",
        "RNN_RELU, 3, LAST, SOFTMAX_CROSS_ENTROPY, SimpleRNN, relu",
    })
    void theWholeModelLoadsBackWithItsConfig(CellType cell, int layers, HeadMode head, Loss loss, String cls,
                                             String activation) throws Exception {
        int outputs = loss == Loss.SOFTMAX_CROSS_ENTROPY ? 3 : 1;
        ModelSpec spec = new ModelSpec(cell, 2, 4, layers, outputs, head, loss);
        SequenceModel m = new SequenceModel(spec);
        Initializers.initialize(m, Initializers.Scheme.TORCH, 23);
        List<Path> files = ModelExport.write(ModelExport.Target.KERAS, m, TrainingConfig.kerasDefaults(), "test",
                dir, null);
        Path h5 = dir.resolve("model.h5");
        assertEquals(h5, files.get(3));

        // the app's reader: the same model, nothing assumed, the same predictions
        ImportedModel back = ModelImport.load(h5, ImportOptions.NONE);
        assertEquals(spec, back.model().spec());
        assertTrue(back.assumed().isEmpty(), back.notes()::toString);
        double[] x = ModelExport.checkInput(2);
        Predictor.Prediction want = Predictor.predict(m, x, ModelExport.CHECK_BATCH, ModelExport.CHECK_STEPS);
        Predictor.Prediction got = Predictor.predict(back.model(), x, ModelExport.CHECK_BATCH, ModelExport.CHECK_STEPS);
        for (int i = 0; i < want.values().length; i++) {
            assertEquals(want.values()[i], got.values()[i], 1e-12, "value " + i);
        }

        // read as Keras 2's load_model reads it (config, layer_names, weight_names) and run in NumPy's Keras cells
        String diff = PythonRun.run(List.of("/usr/bin/python3", Hdf5WriterTest.SCRIPTS.resolve("check_keras2_model.py")
                .toString(), dir.toString()));
        assertTrue(Double.parseDouble(diff.strip()) < 1e-12, diff);

        // h5py: the attributes and groups of Keras 2's model.save
        Map<String, JsonValue> tree = Hdf5WriterTest.h5py(h5);
        Map<String, JsonValue> root = ((JsonValue.Obj) field(tree.get("/"), "attrs")).members();
        assertEquals("tensorflow", ((JsonValue.Str) root.get("backend")).value());
        assertEquals(Keras2ModelWriter.KERAS_VERSION, ((JsonValue.Str) root.get("keras_version")).value());
        Map<String, JsonValue> mw = ((JsonValue.Obj) field(tree.get("/model_weights"), "attrs")).members();
        String snake = KerasWeightsWriter.layerName(cell, 0);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            names.add(KerasWeightsWriter.layerName(cell, k));
        }
        names.add("dense");
        assertEquals(names, texts(mw.get("layer_names")));
        for (int k = 0; k <= layers; k++) {
            String n = names.get(k);
            String path = k == layers ? "dense" : n + "/" + snake + "_cell" + (k == 0 ? "" : "_" + k);
            List<String> weights = k == layers ? List.of(path + "/kernel:0", path + "/bias:0")
                    : List.of(path + "/kernel:0", path + "/recurrent_kernel:0", path + "/bias:0");
            JsonValue g = tree.get("/model_weights/" + n);
            assertEquals(weights, texts(((JsonValue.Obj) field(g, "attrs")).members().get("weight_names")));
            for (String w : weights) {
                assertEquals("float64", ((JsonValue.Str) field(tree.get("/model_weights/" + n + "/" + w), "dtype"))
                        .value(), w);
            }
        }
        int g = cell.gateCount() * 4;
        assertEquals(cell == CellType.GRU ? "[2,12]" : "[" + g + "]", JsonWriter.write(field(tree.get(
                "/model_weights/" + snake + "/" + snake + "/" + snake + "_cell/bias:0"), "shape")));

        // the config: every layer, its units, activations, return_sequences, and the input shape
        String json = ((JsonValue.Str) root.get("model_config")).value();
        List<KerasConfig.Layer> config = KerasConfig.parse("model.h5", json);
        assertEquals(layers + 2, config.size());
        assertEquals("InputLayer", config.get(0).className());
        assertEquals(2, config.get(0).inputSize());
        for (int k = 0; k < layers; k++) {
            KerasConfig.Layer l = config.get(k + 1);
            assertEquals(cls, l.className());
            assertEquals(names.get(k), l.name());
            assertEquals(4, l.units());
            assertEquals(activation, l.activation());
            assertEquals(k < layers - 1 || head == HeadMode.EVERY_STEP, l.returnSequences(), l.name());
            assertEquals(cell == CellType.GRU, l.resetAfter());
            if (cell != CellType.RNN_TANH && cell != CellType.RNN_RELU) {
                assertEquals("sigmoid", l.recurrentActivation());
            }
        }
        KerasConfig.Layer dense = config.get(layers + 1);
        assertEquals("Dense", dense.className());
        assertEquals(outputs, dense.units());
        assertEquals(loss.activation().kerasName(), dense.activation());
        JsonValue first = ((JsonValue.Arr) field(field(JsonParser.parse(json), "config"), "layers")).elements()
                .get(0);
        assertEquals("[null,null,2]", JsonWriter.write(field(field(first, "config"), "batch_input_shape")));
        assertTrue(json.startsWith("{\"class_name\": \"Sequential\""), json);
    }

    private static List<String> texts(JsonValue v) {
        return ((JsonValue.Arr) v).elements().stream().map(e -> ((JsonValue.Str) e).value()).toList();
    }
}
