package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.engine.interop.Hdf5WriterTest.field;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * What Keras' own loading code reads from the files the Keras export writes, desk-checked against that code (no
 * Keras is installed where these tests run, so this is the next best thing): each assertion names the Keras
 * function that needs the property. The HDF5 facts come from h5py, the reader Keras uses (h5_keras_facts.py).
 * <ul>
 *   <li>{@code model.h5} for {@code load_model} in Keras 2 (tf-keras {@code hdf5_format.load_model_from_hdf5};
 *       the older {@code keras.engine.topology} / {@code saving} of Keras 2.0 to 2.2) and in Keras 3
 *       ({@code legacy_h5_format.load_model_from_hdf5});</li>
 *   <li>{@code model.weights.h5} for Keras 3's {@code load_weights} ({@code saving_lib.load_weights_only}).</li>
 * </ul>
 */
class KerasLoaderContractTest {
    /**
     * The keyword arguments that both Keras 2 (tf-keras) and Keras 3 take for each layer class the config names.
     * Keras 3's {@code Layer.__init__} raises "Unrecognized keyword arguments" for any other key, and tf-keras'
     * base layer checks its keyword arguments too; SimpleRNN takes no {@code recurrent_activation}.
     */
    private static final Set<String> RNN_KEYS = Set.of("name", "trainable", "dtype", "units", "activation",
            "use_bias", "dropout", "recurrent_dropout", "return_sequences", "return_state", "go_backwards",
            "stateful", "unroll");
    private static final Map<String, Set<String>> ACCEPTED = Map.of(
            "InputLayer", Set.of("batch_input_shape", "dtype", "sparse", "name"),
            "LSTM", union(RNN_KEYS, Set.of("recurrent_activation", "unit_forget_bias")),
            "GRU", union(RNN_KEYS, Set.of("recurrent_activation", "reset_after")),
            "SimpleRNN", RNN_KEYS,
            "Dense", Set.of("name", "trainable", "dtype", "units", "activation", "use_bias"));
    /** Activation names both versions' {@code activations.get} resolve. */
    private static final Set<String> ACTIVATIONS = Set.of("tanh", "relu", "sigmoid", "softmax", "linear");

    @TempDir Path dir;

    @ParameterizedTest(name = "{0}, {1} layers, {2}, {3}")
    @CsvSource({
        "LSTM, 2, LAST, BINARY_CROSS_ENTROPY",
        "GRU, 2, EVERY_STEP, SOFTMAX_CROSS_ENTROPY",
        "GRU_RESET_BEFORE, 1, LAST, MEAN_SQUARED_ERROR",
        "RNN_TANH, 1, EVERY_STEP, MEAN_SQUARED_ERROR",
        "RNN_RELU, 3, LAST, SOFTMAX_CROSS_ENTROPY",
    })
    void theFilesHoldWhatKerasLoadersRead(CellType cell, int layers, HeadMode head, Loss loss) throws Exception {
        int outputs = loss == Loss.SOFTMAX_CROSS_ENTROPY ? 3 : 1;
        ModelSpec spec = new ModelSpec(cell, 3, 5, layers, outputs, head, loss);
        SequenceModel m = new SequenceModel(spec);
        Initializers.initialize(m, Initializers.Scheme.TORCH, 29);
        ModelExport.write(ModelExport.Target.KERAS, m, TrainingConfig.kerasDefaults(), "test", dir, null);

        Map<String, JsonValue> tree = Hdf5WriterTest.h5py(dir.resolve("model.h5"));
        List<JsonValue> config = configLayers(text(field(field(tree.get("/"), "attrs"), "model_config")));
        JsonValue h5 = facts(dir.resolve("model.h5"));
        modelH5Attributes(h5);
        modelH5Weights(tree, h5, config, cell);
        weightsH5(facts(dir.resolve("model.weights.h5")), cell, layers);
    }

    /** The model config's structure and every layer's keys. */
    private static List<JsonValue> configLayers(String json) throws Exception {
        JsonValue root = JsonParser.parse(json);
        assertEquals("Sequential", ((JsonValue.Str) field(root, "class_name")).value());
        // Keras 3 Sequential.from_config (and tf-keras') reads the layers and build_input_shape only in its branch
        // for a config with "name"; some Keras 3 versions leave build_input_shape unbound in the other one
        JsonValue c = field(root, "config");
        assertTrue(field(c, "name") instanceof JsonValue.Str, json);
        List<JsonValue> layers = ((JsonValue.Arr) field(c, "layers")).elements();
        for (JsonValue l : layers) {
            String cls = ((JsonValue.Str) field(l, "class_name")).value();
            Map<String, JsonValue> keys = ((JsonValue.Obj) field(l, "config")).members();
            // Keras 3 Sequential.from_config sends a layer config without "module" to the legacy
            // saving_utils.model_from_config (which renames InputLayer's batch_input_shape to batch_shape) and one
            // with "module" to serialization_lib, which expects Keras 3's own format
            assertFalse(((JsonValue.Obj) l).members().containsKey("module"), cls);
            Set<String> extra = new TreeSet<>(keys.keySet());
            extra.removeAll(ACCEPTED.get(cls));
            assertTrue(extra.isEmpty(), cls + " takes no " + extra);
            for (String a : new String[] {"activation", "recurrent_activation"}) {
                if (keys.get(a) instanceof JsonValue.Str s) {
                    assertTrue(ACTIVATIONS.contains(s.value()), cls + " " + a + " " + s.value());
                }
            }
        }
        // Keras 2's InputLayer takes batch_input_shape (not Keras 3's batch_shape); Keras 3 takes both
        JsonValue input = field(layers.get(0), "config");
        assertEquals("InputLayer", ((JsonValue.Str) field(layers.get(0), "class_name")).value());
        assertEquals("[null,null,3]", JsonWriter.write(field(input, "batch_input_shape")));
        return layers;
    }

    private static void modelH5Attributes(JsonValue h5) {
        // Keras 2.0-2.2's load_model and load_weights_from_hdf5_group (and TF 1.x tf.keras' hdf5_format) call
        // .decode('utf8') on model_config, keras_version, backend and on each of layer_names and weight_names
        // without checking: h5py reads a fixed-length string as numpy bytes (which has decode), a variable-length
        // one as str (which has not). tf-keras and Keras 3 decode when they can, so fixed-length suits them all.
        for (String group : new String[] {"/", "/model_weights"}) {
            for (String name : group.equals("/") ? new String[] {"model_config", "keras_version", "backend"}
                    : new String[] {"keras_version", "backend"}) {
                JsonValue a = field(field(field(h5, "attrs"), group), name);
                assertEquals("bytes_", text(field(a, "type")), group + " " + name);
            }
        }
        for (Map.Entry<String, JsonValue> g : ((JsonValue.Obj) field(h5, "attrs")).members().entrySet()) {
            for (Map.Entry<String, JsonValue> a : ((JsonValue.Obj) g.getValue()).members().entrySet()) {
                if (a.getKey().equals("layer_names") || a.getKey().equals("weight_names")) {
                    assertEquals("ndarray", text(field(a.getValue(), "type")), g.getKey());
                    assertEquals("S", text(field(a.getValue(), "kind")), g.getKey() + " " + a.getKey());
                    assertEquals(1, ((JsonValue.Arr) field(a.getValue(), "shape")).elements().size());
                }
            }
        }
    }

    /**
     * layer_names, weight_names and the arrays against the config, as {@code load_weights_from_hdf5_group} reads
     * them (tf-keras and Keras 3 alike): the layers with weights in order, {@code f[name]} for each, its
     * {@code weight_names} (kernel, recurrent kernel, bias: the trainable weights' order) and {@code g[weight_name]}.
     */
    private static void modelH5Weights(Map<String, JsonValue> tree, JsonValue h5, List<JsonValue> config,
                                       CellType cell) {
        List<String> layerNames = texts(field(field(tree.get("/model_weights"), "attrs"), "layer_names"));
        List<String> weighted = new ArrayList<>();
        int in = -1;
        for (JsonValue l : config) {
            String cls = text(field(l, "class_name"));
            JsonValue c = field(l, "config");
            if (cls.equals("InputLayer")) {
                List<JsonValue> shape = ((JsonValue.Arr) field(c, "batch_input_shape")).elements();
                in = (int) ((JsonValue.Num) shape.get(2)).doubleValue();
                continue;
            }
            String name = text(field(c, "name"));
            weighted.add(name);
            int u = (int) ((JsonValue.Num) field(c, "units")).doubleValue();
            JsonValue g = tree.get("/model_weights/" + name);
            assertTrue(g != null, "no group for layer_names entry " + name);
            List<String> weights = texts(field(field(g, "attrs"), "weight_names"));
            List<String> shapes = new ArrayList<>();
            for (String w : weights) {
                String path = "/model_weights/" + name + "/" + w;
                shapes.add(JsonWriter.write(field(tree.get(path), "shape")));
                hardContiguousAndStored(h5, path);
            }
            if (cls.equals("Dense")) {
                assertEquals(List.of("[" + in + "," + u + "]", "[" + u + "]"), shapes, name);
                continue;
            }
            int g3 = cell.gateCount() * u;
            // tf-keras' hdf5_format._convert_rnn_weights tells the layer that wrote the weights by the bias' shape:
            // an LSTM's (4u) is LSTM's own, (8u) would be read as CuDNNLSTM's and converted; a GRU's (2, 3u) is
            // reset_after=True, (3u) reset_after=False, and one that disagrees with the config is refused
            String bias = switch (cls) {
                case "GRU" -> field(c, "reset_after") instanceof JsonValue.Bool b && b.value()
                        ? "[2," + g3 + "]" : "[" + g3 + "]";
                default -> "[" + g3 + "]";
            };
            assertEquals(cell == CellType.GRU, bias.startsWith("[2,"), name);
            assertEquals(List.of("[" + in + "," + g3 + "]", "[" + u + "," + g3 + "]", bias), shapes, name);
            in = u;
        }
        // the names with weight_names are matched to the model's layers with weights by order; a count that
        // differs is "Layer count mismatch"
        assertEquals(weighted, layerNames);
        assertTrue(((JsonValue.Arr) field(h5, "soft_links")).elements().isEmpty());
    }

    /**
     * Keras 3's {@code model.weights.h5}: the model's own {@code vars} group (tf-keras' and early Keras 3's
     * {@code H5IOStore.get} read {@code h5_file["vars"]} for the model without checking that it exists), and in
     * each layer's and cell's {@code vars} exactly the datasets {@code "0"} to {@code "n-1"}:
     * {@code Layer.load_own_variables} compares {@code len(store.keys())} with its variable count and reads
     * {@code store[str(i)]}. No dataset has attributes (Keras 3's {@code H5IOStore.__getitem__} reads a
     * {@code dtype} attribute as the bfloat16 marker).
     */
    private void weightsH5(JsonValue h5, CellType cell, int layers) throws Exception {
        Map<String, JsonValue> tree = Hdf5WriterTest.h5py(dir.resolve("model.weights.h5"));
        assertEquals("group", text(field(tree.get("/vars"), "kind")));
        assertEquals(List.of(), texts(field(tree.get("/vars"), "children")));
        List<String> paths = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            String l = "/layers/" + KerasWeightsWriter.layerName(cell, k);
            assertEquals(List.of(), texts(field(tree.get(l + "/vars"), "children")), l);
            assertEquals(List.of("0", "1", "2"), texts(field(tree.get(l + "/cell/vars"), "children")), l);
            paths.add(l + "/cell/vars/");
        }
        assertEquals(List.of("0", "1"), texts(field(tree.get("/layers/dense/vars"), "children")));
        paths.add("/layers/dense/vars/");
        for (String p : paths) {
            for (String i : p.startsWith("/layers/dense") ? List.of("0", "1") : List.of("0", "1", "2")) {
                hardContiguousAndStored(h5, p + i);
                assertEquals(List.of(), texts(field(field(field(h5, "datasets"), p + i), "attrs")), p + i);
            }
        }
        assertTrue(((JsonValue.Arr) field(h5, "soft_links")).elements().isEmpty());
    }

    /**
     * Reached through hard links only, contiguous, in this file, and storing every byte its shape declares:
     * tf-keras' {@code h5_utils.safe_get_h5_dataset} and its Keras 3 twin in {@code saving_lib} (the guards added
     * for CVE-2026-1669) refuse soft and external links, external and virtual datasets, and datasets that declare
     * far more bytes than they store.
     */
    private static void hardContiguousAndStored(JsonValue h5, String path) {
        JsonValue d = field(field(h5, "datasets"), path);
        assertTrue(d != null, "no dataset at " + path);
        assertEquals(field(d, "declared").toString(), field(d, "stored").toString(), path);
        assertEquals("false", JsonWriter.write(field(d, "external")), path);
        assertEquals("false", JsonWriter.write(field(d, "virtual")), path);
        assertEquals("true", JsonWriter.write(field(d, "contiguous")), path);
    }

    private static JsonValue facts(Path f) throws Exception {
        String out = PythonRun.run(List.of("/usr/bin/python3", Hdf5WriterTest.SCRIPTS.resolve("h5_keras_facts.py")
                .toString(), f.toString()));
        return JsonParser.parse(out.strip());
    }

    private static List<String> texts(JsonValue v) {
        return ((JsonValue.Arr) v).elements().stream().map(e -> ((JsonValue.Str) e).value()).toList();
    }

    private static String text(JsonValue v) {
        return ((JsonValue.Str) v).value();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
