package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.text.Message;

/**
 * Keras HDF5 files, read with jhdf:
 * <ul>
 *   <li>Keras 2 {@code model.save("m.h5")}: root attribute {@code model_config} (JSON), group {@code model_weights}
 *       whose attribute {@code layer_names} lists the layers; each layer group's attribute {@code weight_names} names
 *       its datasets ({@code lstm/lstm_cell/kernel:0}, ...) in Keras' order;</li>
 *   <li>Keras 2 {@code model.save_weights("w.h5")}: the same {@code layer_names} / {@code weight_names} at the root,
 *       with no config;</li>
 *   <li>Keras 3 {@code model.save_weights("m.weights.h5")} and the {@code model.weights.h5} inside a {@code .keras}
 *       archive: {@code layers/<snake_case name>/cell/vars/0..2} for recurrent layers and
 *       {@code layers/<name>/vars/0..1} for Dense, with the config in the archive's {@code config.json} or a
 *       {@code .json} file beside the weights.</li>
 * </ul>
 * Every dataset's shape is checked before its data is read; anything jhdf cannot read (a truncated file) is a
 * {@link ModelFileException} naming the file.
 */
final class KerasH5 {
    /** Larger attributes are split by Keras into {@code name0, name1, ...}; their number is bounded. */
    private static final int MAX_CHUNKS = 1000;
    private static final long MAX_VALUES = 200_000_000L;

    private KerasH5() {
    }

    static ImportedModel read(Path file, ImportOptions options) throws IOException {
        return read(file, file.toString(), options, Optional.empty(), "");
    }

    /**
     * @param name      the file name used in messages (the archive's name for a {@code .keras} member)
     * @param config    the Keras 3 config that came with the weights, if any
     * @param kindLabel how to describe the file, or "" to describe it from its layout
     */
    static ImportedModel read(Path file, String name, ImportOptions options, Optional<String> config,
                              String kindLabel) throws IOException {
        try (HdfFile h5 = new HdfFile(file)) {
            Optional<String> modelConfig = string(h5, "model_config");
            if (modelConfig.isPresent()) {
                Group g = group(name, h5, "model_weights");
                return KerasModel.build(name, label(kindLabel, "Keras 2 model (.h5)", h5),
                        Optional.of(KerasConfig.parse(name, modelConfig.get())), keras2Weights(name, g), options);
            }
            if (h5.getAttributes().containsKey("layer_names") || h5.getAttributes().containsKey("layer_names0")) {
                Optional<String> cfg = config.isPresent() ? config : sidecar(file);
                return KerasModel.build(name, label(kindLabel, "Keras 2 save_weights (.h5)", h5),
                        cfg.isPresent() ? Optional.of(KerasConfig.parse(name, cfg.get())) : Optional.empty(),
                        keras2Weights(name, h5), options);
            }
            if (h5.getChildren().get("layers") instanceof Group layers) {
                Optional<String> cfg = config.isPresent() ? config : sidecar(file);
                Optional<List<KerasConfig.Layer>> parsed = cfg.isPresent()
                        ? Optional.of(KerasConfig.parse(name, cfg.get())) : Optional.empty();
                return KerasModel.build(name, label(kindLabel, "Keras 3 weights (.weights.h5)", h5), parsed,
                        keras3Weights(name, layers, parsed), options);
            }
            throw new ModelFileException(name, Message.of("engine.keras.notKeras"));
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFileException(name, Message.of("engine.keras.notHdf5", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replace('\n', ' '))));
        }
    }

    private static String label(String given, String layout, HdfFile h5) {
        if (!given.isEmpty()) {
            return given;
        }
        Optional<String> version = string(h5, "keras_version");
        return version.map(v -> layout.replace(")", ", Keras " + v + ")")).orElse(layout);
    }

    /**
     * The architecture beside a weights file: {@code m.json} for {@code m.weights.h5} or {@code m.h5}, or
     * config.json.
     */
    private static Optional<String> sidecar(Path file) throws IOException {
        Optional<Path> p = sidecarPath(file);
        if (p.isPresent()) {
            if (Files.size(p.get()) > 16 << 20) {
                throw new ModelFileException(p.get().toString(), Message.of("engine.keras.configTooLarge"));
            }
            return Optional.of(Files.readString(p.get()));
        }
        return Optional.empty();
    }

    /** The file {@link #sidecar} would read beside {@code file}, if there is one. */
    static Optional<Path> sidecarPath(Path file) {
        String n = file.getFileName().toString().replaceAll("(\\.weights)?\\.h5$", "");
        Path dir = file.toAbsolutePath().getParent();
        for (Path p : new Path[] {dir.resolve(n + ".json"), dir.resolve(n + ".config.json"),
                dir.resolve("config.json")}) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<KerasModel.Weighted> keras2Weights(String file, Group g) throws ModelFileException {
        List<KerasModel.Weighted> out = new ArrayList<>();
        for (String layer : strings(file, g, "layer_names")) {
            Group lg = group(file, g, layer);
            List<String> names = strings(file, lg, "weight_names");
            if (names.isEmpty()) {
                continue;
            }
            List<KerasModel.Array> arrays = new ArrayList<>();
            for (String w : names) {
                Node n = child(lg, w);
                if (!(n instanceof Dataset ds)) {
                    throw new ModelFileException(file, Message.of("engine.keras.weightNotDataset", layer, w));
                }
                arrays.add(array(file, w, ds));
            }
            out.add(new KerasModel.Weighted(layer, hint(names.get(0)), arrays));
        }
        return out;
    }

    private static KerasConfig.Kind hint(String weightName) {
        String n = weightName.toLowerCase(Locale.ROOT);
        return n.contains("lstm") ? KerasConfig.Kind.LSTM : n.contains("gru") ? KerasConfig.Kind.GRU
                : n.contains("simple_rnn") ? KerasConfig.Kind.SIMPLE_RNN : null;
    }

    /** Where a Keras 3 layer of this name stands without a config: an Embedding first, a Dense last. */
    private static int rank(String name) {
        return name.startsWith("embedding") ? 0
                : name.startsWith("dense") || name.startsWith("time_distributed") ? 2 : 1;
    }

    /**
     * Keras 3 stores each layer under the snake_case of its class name, numbered for repeats ({@code lstm},
     * {@code lstm_1}); with a config that gives the order, without one an Embedding first, the recurrent layers in
     * number order and the Dense last.
     */
    private static List<KerasModel.Weighted> keras3Weights(String file, Group layers,
                                                           Optional<List<KerasConfig.Layer>> config)
            throws ModelFileException {
        List<String> order = new ArrayList<>();
        if (config.isPresent()) {
            Map<String, Integer> used = new TreeMap<>();
            for (KerasConfig.Layer l : config.get()) {
                if (l.className().equals("InputLayer")) {
                    continue;
                }
                String snake = snake(l.className());
                int k = used.merge(snake, 1, Integer::sum) - 1;
                if (l.kind() != KerasConfig.Kind.NONE) {
                    order.add(k == 0 ? snake : snake + "_" + k);
                }
            }
        } else {
            List<String> names = new ArrayList<>(layers.getChildren().keySet());
            names.sort((a, b) -> {
                int ra = rank(a);
                int rb = rank(b);
                return ra != rb ? Integer.compare(ra, rb) : Integer.compare(number(a), number(b));
            });
            for (String n : names) {
                if (!n.startsWith("dropout") && !n.startsWith("input_layer")) {
                    order.add(n);
                }
            }
        }
        List<KerasModel.Weighted> out = new ArrayList<>();
        for (String n : order) {
            Node layer = layers.getChild(n);
            if (!(layer instanceof Group lg)) {
                throw new ModelFileException(file, Message.of("engine.keras.noLayerGroup", n));
            }
            Group vars = null;
            for (String path : new String[] {"cell/vars", "layer/vars", "vars"}) {
                Node v = child(lg, path);
                if (v instanceof Group vg && !vg.getChildren().isEmpty()) {
                    vars = vg;
                    break;
                }
            }
            if (vars == null) {
                throw new ModelFileException(file, Message.of("engine.keras.noVariables", n));
            }
            List<KerasModel.Array> arrays = new ArrayList<>();
            for (int i = 0; vars.getChildren().containsKey(Integer.toString(i)); i++) {
                if (!(vars.getChild(Integer.toString(i)) instanceof Dataset ds)) {
                    throw new ModelFileException(file, Message.of("engine.keras.varNotDataset", vars.getPath() + i));
                }
                arrays.add(array(file, vars.getPath() + i, ds));
            }
            out.add(new KerasModel.Weighted(n, null, arrays));
        }
        return out;
    }

    /** The node at a relative path of groups, or null. */
    private static Node child(Group g, String path) {
        Node n = g;
        for (String part : path.split("/")) {
            if (!(n instanceof Group parent) || !parent.getChildren().containsKey(part)) {
                return null;
            }
            n = parent.getChild(part);
        }
        return n;
    }

    private static int number(String name) {
        int u = name.lastIndexOf('_');
        try {
            return u < 0 ? 0 : Integer.parseInt(name.substring(u + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Keras' snake_case of a class name: {@code SimpleRNN} → {@code simple_rnn}, {@code LSTM} → {@code lstm}. */
    static String snake(String className) {
        String s = className.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A dataset's values as doubles, its size checked against its shape and a bound before reading. */
    private static KerasModel.Array array(String file, String name, Dataset ds) throws ModelFileException {
        int[] dims = ds.getDimensions();
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new ModelFileException(file, Message.of("engine.keras.negativeDimension", name));
            }
            n *= d;
            if (n > MAX_VALUES) {
                throw new ModelFileException(file, Message.of("engine.keras.datasetTooLarge", name,
                        Arrays.toString(dims), Long.toString(MAX_VALUES)));
            }
        }
        Class<?> type = ds.getJavaType();
        if (type != float.class && type != double.class) {
            throw new ModelFileException(file, Message.of("engine.keras.datasetNotFloat", name, type.getSimpleName()));
        }
        if (ds.getSizeInBytes() != n * (type == float.class ? 4 : 8)) {
            throw new ModelFileException(file, Message.of("engine.keras.datasetBytes", name,
                    Long.toString(ds.getSizeInBytes()), Long.toString(n)));
        }
        Object data = ds.getDataFlat();
        double[] v = new double[(int) n];
        if (data instanceof float[] f && f.length == n) {
            for (int i = 0; i < n; i++) {
                v[i] = f[i];
            }
        } else if (data instanceof double[] d && d.length == n) {
            System.arraycopy(d, 0, v, 0, (int) n);
        } else {
            throw new ModelFileException(file, Message.of("engine.keras.datasetNotRead", name, Long.toString(n)));
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new ModelFileException(file, Message.of("engine.keras.datasetNotFinite", name,
                        Double.toString(v[i]), Integer.toString(i)));
            }
        }
        return new KerasModel.Array(name, dims, v);
    }

    private static Group group(String file, Group parent, String child) throws ModelFileException {
        if (parent.getChild(child) instanceof Group g) {
            return g;
        }
        throw new ModelFileException(file, Message.of("engine.keras.noGroup", child, parent.getPath()));
    }

    /** A string attribute, stored as a variable- or fixed-length string, or as bytes. */
    private static Optional<String> string(Node n, String key) {
        Attribute a = n.getAttributes().get(key);
        if (a == null) {
            return Optional.empty();
        }
        Object v = a.getData();
        if (v instanceof String s) {
            return Optional.of(s);
        }
        if (v instanceof String[] arr && arr.length == 1) {
            return Optional.of(arr[0]);
        }
        return Optional.empty();
    }

    /** A list of strings attribute ({@code layer_names}, {@code weight_names}), joining Keras' chunks. */
    private static List<String> strings(String file, Node n, String key) throws ModelFileException {
        Map<String, Attribute> attrs = n.getAttributes();
        List<String> out = new ArrayList<>();
        if (attrs.containsKey(key)) {
            addAll(file, out, attrs.get(key), key);
            return out;
        }
        for (int chunk = 0; chunk < MAX_CHUNKS && attrs.containsKey(key + chunk); chunk++) {
            addAll(file, out, attrs.get(key + chunk), key);
        }
        if (out.isEmpty() && !attrs.containsKey(key + "0")) {
            throw new ModelFileException(file, Message.of("engine.keras.noAttribute", n.getPath(), key));
        }
        return out;
    }

    private static void addAll(String file, List<String> out, Attribute a, String key) throws ModelFileException {
        if (a.isEmpty()) {
            return;
        }
        Object v = a.getData();
        if (v instanceof String[] arr) {
            out.addAll(Arrays.asList(arr));
        } else if (v instanceof String s) {
            out.add(s);
        } else {
            throw new ModelFileException(file, Message.of("engine.keras.notStrings", key));
        }
    }
}
