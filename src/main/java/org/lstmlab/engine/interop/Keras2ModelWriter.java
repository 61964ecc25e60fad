package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.io.JsonWriter;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * Writes the model as a whole Keras 2 model file, the layout of Keras 2's {@code model.save("model.h5")}, which
 * {@code keras.models.load_model} opens without the code that built the model:
 * <pre>
 *   attributes backend, keras_version, model_config   the Sequential model's config (JSON, below)
 *   model_weights/                                    attributes layer_names (the layers with weights, in order),
 *                                                     backend, keras_version
 *   model_weights/lstm/                               attribute weight_names: lstm/lstm_cell/kernel:0,
 *                                                     lstm/lstm_cell/recurrent_kernel:0, lstm/lstm_cell/bias:0
 *   model_weights/lstm/lstm/lstm_cell/kernel:0 ...    the arrays at those names (as in {@link KerasWeightsWriter})
 *   model_weights/lstm_1/ ..., model_weights/dense/   the next layers; the Dense's kernel:0 and bias:0
 * </pre>
 * The config is a Sequential of an {@code InputLayer} ({@code batch_input_shape} [null, null, D]), the recurrent
 * layers ({@code LSTM}, {@code GRU} with its {@code reset_after}, {@code SimpleRNN} with tanh or relu;
 * {@code return_sequences} on all but the top one, and on the top one when the head reads every step) and a
 * {@code Dense} with the head's activation, all {@code dtype} float64 as the arrays are. It holds only keys that
 * Keras 2's layers take (the others keep their defaults) and no training config: the model loads uncompiled.
 * A model that starts with a table has an {@code Embedding} ({@code batch_input_shape} [null, null], its
 * {@code input_dim}, {@code output_dim} and {@code mask_zero}) in place of the {@code InputLayer}, and
 * {@code model_weights/embedding/embedding/embeddings:0} (V, D) first.
 */
final class Keras2ModelWriter {
    /** The Keras version the file says wrote it: the last Keras 2. */
    static final String KERAS_VERSION = "2.15.0";
    private static final String BACKEND = "tensorflow";
    private static final String[] CELL_WEIGHTS = {"kernel", "recurrent_kernel", "bias"};
    private static final String EMBEDDING = "embedding";

    private Keras2ModelWriter() {
    }

    /** The {@code model_config} JSON of the model {@code s} describes, after the table {@code e} (null for none). */
    static String config(ModelSpec s, TokenEmbedding e) {
        List<JsonValue> layers = new ArrayList<>();
        if (e == null) {
            layers.add(layer("InputLayer", entries("batch_input_shape", new JsonValue.Arr(List.of(
                    JsonValue.Null.INSTANCE, JsonValue.Null.INSTANCE, JsonValue.Num.of(s.inputSize()))), "dtype",
                    "float64", "sparse", false, "name", "input_1")));
        } else {  // the Embedding takes the ids itself, (batch, T)
            layers.add(layer("Embedding", entries("name", EMBEDDING, "trainable", true, "dtype", "float64",
                    "batch_input_shape", new JsonValue.Arr(List.of(JsonValue.Null.INSTANCE, JsonValue.Null.INSTANCE)),
                    "input_dim", e.vocabulary(), "output_dim", e.size(), "mask_zero", e.maskZero(),
                    "input_length", JsonValue.Null.INSTANCE)));
        }
        for (int k = 0; k < s.numLayers(); k++) {
            boolean sequences = k < s.numLayers() - 1 || s.head() == HeadMode.EVERY_STEP;
            Map<String, JsonValue> c = entries("name", KerasWeightsWriter.layerName(s.cell(), k), "trainable", true,
                    "dtype", "float64", "return_sequences", sequences, "return_state", false, "go_backwards", false,
                    "stateful", false, "unroll", false, "units", s.hiddenSize());
            String cls = switch (s.cell()) {
                case LSTM -> {
                    c.putAll(entries("activation", "tanh", "recurrent_activation", "sigmoid", "use_bias", true,
                            "unit_forget_bias", true));
                    yield "LSTM";
                }
                case GRU, GRU_RESET_BEFORE -> {
                    c.putAll(entries("activation", "tanh", "recurrent_activation", "sigmoid", "use_bias", true,
                            "reset_after", s.cell() == CellType.GRU));
                    yield "GRU";
                }
                case RNN_TANH, RNN_RELU -> {
                    c.putAll(entries("activation", s.cell() == CellType.RNN_RELU ? "relu" : "tanh", "use_bias", true));
                    yield "SimpleRNN";
                }
                case LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> throw CodeExport.notExportable(s.cell());
            };
            c.putAll(entries("dropout", 0.0, "recurrent_dropout", 0.0));
            layers.add(layer(cls, c));
        }
        layers.add(layer("Dense", entries("name", "dense", "trainable", true, "dtype", "float64", "units",
                s.outputSize(), "activation", s.loss().activation().kerasName(), "use_bias", true)));
        return JsonWriter.writeSpaced(new JsonValue.Obj(entries("class_name", "Sequential", "config",
                new JsonValue.Obj(entries("name", "sequential", "layers", new JsonValue.Arr(layers))))));
    }

    /** The file's tree: the root's attributes and {@code model_weights}. */
    static Hdf5Writer.Group tree(SequenceModel model, TokenEmbedding embedding) {
        ModelSpec s = model.spec();
        Map<String, KerasWeightsWriter.Array> arrays = KerasWeightsWriter.arrays(model, embedding);
        Hdf5Writer.Group root = new Hdf5Writer.Group();
        root.attribute("backend", BACKEND);
        root.attribute("keras_version", KERAS_VERSION);
        root.attribute("model_config", config(s, embedding));
        Hdf5Writer.Group weights = root.group("model_weights");
        List<String> layerNames = new ArrayList<>();
        if (embedding != null) {
            layerNames.add(EMBEDDING);
            layerGroup(weights.group(EMBEDDING), EMBEDDING, new String[] {"embeddings"},
                    List.of(arrays.get(KerasWeightsWriter.EMBEDDING + "/vars/0")));
        }
        for (int k = 0; k < s.numLayers(); k++) {
            String name = KerasWeightsWriter.layerName(s.cell(), k);
            String cell = KerasWeightsWriter.layerName(s.cell(), 0) + "_cell" + (k == 0 ? "" : "_" + k);
            List<KerasWeightsWriter.Array> values = new ArrayList<>();
            for (int i = 0; i < CELL_WEIGHTS.length; i++) {
                values.add(arrays.get("layers/" + name + "/cell/vars/" + i));
            }
            layerNames.add(name);
            layerGroup(weights.group(name), name + "/" + cell, CELL_WEIGHTS, values);
        }
        layerNames.add("dense");
        layerGroup(weights.group("dense"), "dense", new String[] {"kernel", "bias"},
                List.of(arrays.get("layers/dense/vars/0"), arrays.get("layers/dense/vars/1")));
        weights.attribute("layer_names", layerNames);
        weights.attribute("backend", BACKEND);
        weights.attribute("keras_version", KERAS_VERSION);
        return root;
    }

    /** One layer's group: {@code weight_names} {@code PATH/NAME:0} and each array at its path below the group. */
    private static void layerGroup(Hdf5Writer.Group g, String path, String[] names,
                                   List<KerasWeightsWriter.Array> values) {
        List<String> weightNames = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String full = path + "/" + names[i] + ":0";
            weightNames.add(full);
            String[] parts = full.split("/");
            Hdf5Writer.Group at = g;
            for (int p = 0; p < parts.length - 1; p++) {
                at = at.group(parts[p]);
            }
            at.dataset(parts[parts.length - 1], values.get(i).shape(), values.get(i).values());
        }
        g.attribute("weight_names", weightNames);
    }

    static void write(Path target, SequenceModel model, TokenEmbedding embedding) throws IOException {
        Hdf5Writer.write(target, tree(model, embedding));
    }

    private static JsonValue layer(String className, Map<String, JsonValue> config) {
        return new JsonValue.Obj(entries("class_name", className, "config", new JsonValue.Obj(config)));
    }

    /** An ordered map of JSON values from pairs of a key and a String, Boolean, Integer, Double or JsonValue. */
    private static Map<String, JsonValue> entries(Object... pairs) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            JsonValue j;
            if (v instanceof String str) {
                j = new JsonValue.Str(str);
            } else if (v instanceof Boolean b) {
                j = new JsonValue.Bool(b);
            } else if (v instanceof Integer n) {
                j = JsonValue.Num.of(n.longValue());
            } else if (v instanceof Double d) {
                j = JsonValue.Num.of(d.doubleValue());
            } else {
                j = (JsonValue) v;
            }
            m.put((String) pairs[i], j);
        }
        return m;
    }
}
