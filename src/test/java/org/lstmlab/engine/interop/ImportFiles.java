package org.lstmlab.engine.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.Tensor;

/**
 * Small model files for the tests of what users are told about bad ones, written as PyTorch and Keras write them:
 * state_dicts as safetensors, Keras 3 weights with {@link Hdf5Writer} (alone or in a {@code .keras} zip with a
 * config), Keras 2 files with jhdf's writer (attributes included). Values are small and random.
 */
final class ImportFiles {
    private static final SplittableRandom RNG = new SplittableRandom(7);

    private ImportFiles() {
    }

    static double[] values(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = RNG.nextDouble(-0.5, 0.5);
        }
        return v;
    }

    static Tensor f64(String name, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return Tensor.f64(name, shape, values(n));
    }

    /** The four tensors of layer k of an nn.LSTM / nn.GRU / nn.RNN ({@code gates} 4, 3 or 1) under {@code prefix}. */
    static Map<String, Tensor> layer(String prefix, int k, int d, int h, int gates) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (String n : new String[] {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}) {
            String name = prefix + n + "_l" + k;
            t.put(name, n.startsWith("bias") ? f64(name, gates * h)
                    : f64(name, gates * h, n.equals("weight_ih") ? d : h));
        }
        return t;
    }

    /** An nn.LSTM(2, 3) under {@code rnn.}. */
    static Map<String, Tensor> lstm() {
        return layer("rnn.", 0, 2, 3, 4);
    }

    /** {@link #lstm()} followed by an nn.Linear(3, 2) under {@code fc.}. */
    static Map<String, Tensor> lstmWithHead() {
        Map<String, Tensor> t = lstm();
        t.put("fc.weight", f64("fc.weight", 2, 3));
        t.put("fc.bias", f64("fc.bias", 2));
        return t;
    }

    static Path stateDict(Path dir, String name, Map<String, Tensor> tensors) throws IOException {
        Path f = dir.resolve(name);
        SafeTensors.write(f, tensors, Map.of("format", "pt"));
        return f;
    }

    static ImportedModel load(Path file) throws IOException {
        return ModelImport.load(file, ImportOptions.NONE);
    }

    // ---------------------------------------------------------------------------------------------- Keras configs

    /** A Keras Sequential config ({@code class_name} {@code cls}) of these layers. */
    static String model(String cls, String... layers) {
        return "{\"class_name\": \"" + cls + "\", \"config\": {\"name\": \"sequential\", \"layers\": ["
                + String.join(", ", layers) + "]}}";
    }

    static String sequential(String... layers) {
        return model("Sequential", layers);
    }

    /** A recurrent layer's config; {@code extra} are more JSON members ({@code "\"return_sequences\": true"}). */
    static String rnn(String name, String cls, int units, String... extra) {
        return layer(cls, "\"name\": \"" + name + "\", \"units\": " + units + ", \"activation\": \"tanh\", "
                + "\"recurrent_activation\": \"sigmoid\", \"use_bias\": true, \"return_sequences\": false", extra);
    }

    static String dense(String name, int units, String activation) {
        return layer("Dense", "\"name\": \"" + name + "\", \"units\": " + units + ", \"activation\": \""
                + activation + "\", \"use_bias\": true");
    }

    /**
     * A layer's config of class {@code cls}; each of {@code extra} (a flat member) replaces the member of its name in
     * {@code members} (flat too when there is any extra) or is added.
     */
    static String layer(String cls, String members, String... extra) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String m : extra.length == 0 ? new String[] {members} : (members + ", " + String.join(", ", extra))
                .split(", (?=\")")) {
            byName.put(extra.length == 0 ? "" : m.substring(0, m.indexOf(':')), m);
        }
        return "{\"class_name\": \"" + cls + "\", \"config\": {" + String.join(", ", byName.values()) + "}}";
    }

    // --------------------------------------------------------------------------------------------- Keras 3 weights

    /** One layer's variables in a Keras 3 weights file: {@code layers/<name>/cell/vars} or {@code .../vars}. */
    record Vars(String name, boolean recurrent, List<double[][]> arrays) {
    }

    /** Kernel, recurrent kernel and bias of an LSTM / GRU / SimpleRNN (gates 4, 3, 1) of d inputs and h units. */
    static Vars cell(String name, int d, int h, int gates) {
        return new Vars(name, true, List.of(array(d, gates * h), array(h, gates * h), array(gates * h)));
    }

    static Vars denseVars(String name, int in, int out) {
        return new Vars(name, false, List.of(array(in, out), array(out)));
    }

    /** A shape and its values, as {@code {shape..., values}} rows: {@code array(2, 3)} is a 2×3 matrix. */
    static double[][] array(int... shape) {
        int n = 1;
        double[] s = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            n *= shape[i];
            s[i] = shape[i];
        }
        return new double[][] {s, values(n)};
    }

    /** A Keras 3 weights file of these layers; an array of {@code null} stands for a group where a dataset belongs. */
    static Path weights(Path file, Vars... layers) throws IOException {
        Hdf5Writer.Group root = new Hdf5Writer.Group();
        root.group("vars");
        Hdf5Writer.Group all = root.group("layers");
        for (Vars l : layers) {
            Hdf5Writer.Group g = all.group(l.name());
            Hdf5Writer.Group vars = l.recurrent() ? g.group("cell").group("vars") : g.group("vars");
            for (int i = 0; i < l.arrays().size(); i++) {
                double[][] a = l.arrays().get(i);
                if (a == null) {
                    vars.group(Integer.toString(i)).group("inside");
                    continue;
                }
                int[] shape = new int[a[0].length];
                for (int k = 0; k < shape.length; k++) {
                    shape[k] = (int) a[0][k];
                }
                vars.dataset(Integer.toString(i), shape, a[1]);
            }
        }
        Hdf5Writer.write(file, root);
        return file;
    }

    /** A Keras 3 {@code .keras} archive: this config, the weights of these layers, metadata of Keras 3.3.3. */
    static Path keras(Path dir, String name, String config, Vars... layers) throws IOException {
        Path w = weights(dir.resolve(name + ".weights.tmp"), layers);
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "metadata.json", "{\"keras_version\": \"3.3.3\"}".getBytes());
            entry(zip, "config.json", config.getBytes());
            entry(zip, "model.weights.h5", Files.readAllBytes(w));
        }
        Files.delete(w);
        return f;
    }

    /** A zip of these entries (name, bytes, name, bytes, ...). */
    static Path zip(Path file, Object... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                entry(zip, (String) entries[i], (byte[]) entries[i + 1]);
            }
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
