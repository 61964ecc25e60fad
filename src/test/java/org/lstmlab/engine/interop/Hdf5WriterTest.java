package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.JsonParser;
import org.lstmlab.testing.PythonRun;
import org.lstmlab.engine.io.JsonValue;

/**
 * The HDF5 writer's files read back, group for group and value for value, with two independent readers: jhdf and
 * h5py (libhdf5, which also checks every checksum).
 */
class Hdf5WriterTest {
    static final Path SCRIPTS = TorchImportTest.DIR;
    @TempDir Path dir;

    /** A Keras-shaped tree with empty groups at several depths and datasets of rank 1 to 3. */
    static Hdf5Writer.Group sample(Map<String, double[]> values, Map<String, int[]> shapes) {
        SplittableRandom rng = new SplittableRandom(4);
        Hdf5Writer.Group root = new Hdf5Writer.Group();
        root.group("vars");
        Hdf5Writer.Group lstm = root.group("layers").group("lstm");
        lstm.group("vars");
        put(lstm.group("cell").group("vars"), "/layers/lstm/cell/vars/", List.of("0", "1", "2"),
                List.of(new int[] {3, 8}, new int[] {2, 8}, new int[] {8}), rng, values, shapes);
        put(root.group("layers").group("dense").group("vars"), "/layers/dense/vars/", List.of("0", "1"),
                List.of(new int[] {2, 1}, new int[] {1}), rng, values, shapes);
        put(root.group("cube"), "/cube/", List.of("c"), List.of(new int[] {2, 3, 4}), rng, values, shapes);
        return root;
    }

    private static void put(Hdf5Writer.Group g, String path, List<String> names, List<int[]> dims,
                            SplittableRandom rng, Map<String, double[]> values, Map<String, int[]> shapes) {
        for (int i = 0; i < names.size(); i++) {
            int n = 1;
            for (int d : dims.get(i)) {
                n *= d;
            }
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-5, 6));
            }
            v[0] = i == 0 ? Double.MIN_VALUE : -0.0;
            g.dataset(names.get(i), dims.get(i), v);
            values.put(path + names.get(i), v);
            shapes.put(path + names.get(i), dims.get(i));
        }
    }

    @Test
    void jhdfReadsBackEveryGroupDatasetShapeAndValue() throws Exception {
        Map<String, double[]> values = new TreeMap<>();
        Map<String, int[]> shapes = new TreeMap<>();
        Path f = dir.resolve("m.weights.h5");
        Hdf5Writer.write(f, sample(values, shapes));
        try (HdfFile h = new HdfFile(f)) {
            assertEquals(List.of("vars", "layers", "cube"), new ArrayList<>(h.getChildren().keySet()));
            assertTrue(((Group) h.getByPath("vars")).getChildren().isEmpty());
            assertTrue(((Group) h.getByPath("layers/lstm/vars")).getChildren().isEmpty());
            assertEquals(List.of("vars", "cell"), new ArrayList<>(((Group) h.getByPath("layers/lstm")).getChildren()
                    .keySet()));
            for (Map.Entry<String, double[]> e : values.entrySet()) {
                Node n = h.getByPath(e.getKey().substring(1));
                Dataset ds = (Dataset) n;
                assertArrayEquals(shapes.get(e.getKey()), ds.getDimensions(), e.getKey());
                assertEquals(double.class, ds.getJavaType());
                assertArrayEquals(e.getValue(), flatten(ds.getData()), e.getKey());
            }
        }
    }

    @Test
    void h5pyReadsBackEveryGroupDatasetShapeAndValue() throws Exception {
        Map<String, double[]> values = new TreeMap<>();
        Map<String, int[]> shapes = new TreeMap<>();
        Path f = dir.resolve("m.weights.h5");
        Hdf5Writer.write(f, sample(values, shapes));
        Map<String, JsonValue> tree = h5py(f);
        assertEquals(List.of("/", "/cube", "/cube/c", "/layers", "/layers/dense", "/layers/dense/vars",
                "/layers/dense/vars/0", "/layers/dense/vars/1", "/layers/lstm", "/layers/lstm/cell",
                "/layers/lstm/cell/vars", "/layers/lstm/cell/vars/0", "/layers/lstm/cell/vars/1",
                "/layers/lstm/cell/vars/2", "/layers/lstm/vars", "/vars"), new ArrayList<>(new TreeMap<>(tree)
                .keySet()));
        assertEquals("[]", strings(field(tree.get("/vars"), "children")).toString());
        assertEquals("[cell, vars]", strings(field(tree.get("/layers/lstm"), "children")).toString());
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            JsonValue ds = tree.get(e.getKey());
            assertEquals("float64", ((JsonValue.Str) field(ds, "dtype")).value());
            assertArrayEquals(shapes.get(e.getKey()), numbers(field(ds, "shape")).stream().mapToInt(Double::intValue)
                    .toArray(), e.getKey());
            assertArrayEquals(e.getValue(), numbers(field(ds, "values")).stream().mapToDouble(d -> d).toArray(),
                    e.getKey());
        }
    }

    /** h5py checks the checksums: one flipped bit in an object header makes the file unreadable. */
    @Test
    void libhdf5ChecksTheChecksumsThisWriterComputes() throws Exception {
        Path f = dir.resolve("m.weights.h5");
        Hdf5Writer.write(f, sample(new TreeMap<>(), new TreeMap<>()));
        byte[] b = Files.readAllBytes(f);
        b[48 + 20] ^= 1;  // inside the root group's object header, which starts after the 48-byte superblock
        Path bad = dir.resolve("bad.h5");
        Files.write(bad, b);
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPTS.resolve("h5_tree.py").toString(), bad.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(p.exitValue() != 0 && out.contains("checksum"), out);
    }

    /**
     * Why this writer exists: jhdf 0.9.4 writes an empty group beside another that it cannot read back itself
     * (h5py cannot either), and Keras 3 needs an empty {@code vars} at the root. When this test fails, jhdf has
     * been fixed and could write the file instead.
     */
    @Test
    void jhdf094CannotReadBackAnEmptyGroupItWrote() {
        Path f = dir.resolve("empty-group.h5");
        try (io.jhdf.WritableHdfFile w = HdfFile.write(f)) {
            w.putGroup("vars");
            w.putGroup("layers").putGroup("lstm").putGroup("cell").putGroup("vars")
                    .putDataset("0", new double[] {1, 2});
        }
        assertThrows(RuntimeException.class, () -> {
            try (HdfFile h = new HdfFile(f)) {
                h.getChildren();
            }
        });
    }

    @Test
    void aFileWithOnlyAnEmptyRootReadsBack() throws Exception {
        Path f = dir.resolve("empty.h5");
        Hdf5Writer.write(f, new Hdf5Writer.Group());
        try (HdfFile h = new HdfFile(f)) {
            assertTrue(h.getChildren().isEmpty());
        }
        assertEquals(List.of("/"), new ArrayList<>(h5py(f).keySet()));
    }

    /**
     * String attributes on groups (as Keras 2 writes model_config, layer_names and weight_names) read back with h5py
     * and jhdf: scalars and lists, strings of different lengths, an empty one, UTF-8; beside links and datasets.
     */
    @Test
    void stringAttributesReadBackWithBothReaders() throws Exception {
        Hdf5Writer.Group root = new Hdf5Writer.Group();
        root.attribute("model_config", "{\"class_name\": \"Sequential\"}");
        root.attribute("note", "记忆元 and 隐状态");
        Hdf5Writer.Group w = root.group("model_weights");
        w.attribute("layer_names", List.of("lstm", "lstm_1", "", "dense"));
        w.group("lstm").dataset("kernel:0", new int[] {2}, new double[] {1.5, -2});
        w.attribute("backend", "tensorflow");
        Path f = dir.resolve("attrs.h5");
        Hdf5Writer.write(f, root);
        Map<String, JsonValue> tree = h5py(f);
        assertEquals("{\"model_config\":\"{\\\"class_name\\\": \\\"Sequential\\\"}\",\"note\":\"记忆元 and 隐状态\"}",
                org.lstmlab.engine.io.JsonWriter.write(field(tree.get("/"), "attrs")));
        assertEquals("{\"backend\":\"tensorflow\",\"layer_names\":[\"lstm\",\"lstm_1\",\"\",\"dense\"]}",  // by name
                org.lstmlab.engine.io.JsonWriter.write(field(tree.get("/model_weights"), "attrs")));
        assertEquals(List.of(1.5, -2.0), numbers(field(tree.get("/model_weights/lstm/kernel:0"), "values")));
        try (HdfFile h = new HdfFile(f)) {
            assertEquals("{\"class_name\": \"Sequential\"}", h.getAttribute("model_config").getData());
            assertEquals("记忆元 and 隐状态", h.getAttribute("note").getData());
            Node g = h.getChild("model_weights");
            assertArrayEquals(new String[] {"lstm", "lstm_1", "", "dense"},
                    (String[]) g.getAttribute("layer_names").getData());
        }
    }

    @Test
    void badNamesAndShapesAreRefusedBeforeAnythingIsWritten() {
        Hdf5Writer.Group g = new Hdf5Writer.Group();
        assertThrows(IllegalArgumentException.class, () -> g.group("a/b"));
        assertThrows(IllegalArgumentException.class, () -> g.group(""));
        assertThrows(IllegalArgumentException.class, () -> g.group("x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> g.group("naïve"));
        assertThrows(IllegalArgumentException.class, () -> g.dataset("d", new int[] {2, 3}, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> g.dataset("d", new int[] {0}, new double[0]));
        g.dataset("d", new int[] {1}, new double[1]);
        assertThrows(IllegalArgumentException.class, () -> g.dataset("d", new int[] {1}, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> g.group("d"));
        assertThrows(IllegalArgumentException.class, () -> g.attribute("big", "x".repeat(70_000)));
        assertThrows(IllegalArgumentException.class, () -> g.attribute("none", List.of()));
        assertFalse(Files.exists(dir.resolve("never.h5")));
    }

    static Map<String, JsonValue> h5py(Path f) throws Exception {
        String out = PythonRun.run(List.of("/usr/bin/python3", SCRIPTS.resolve("h5_tree.py").toString(),
                f.toString()));
        return ((JsonValue.Obj) JsonParser.parse(out.strip())).members();
    }

    static JsonValue field(JsonValue v, String name) {
        return ((JsonValue.Obj) v).members().get(name);
    }

    private static List<String> strings(JsonValue v) {
        return ((JsonValue.Arr) v).elements().stream().map(e -> ((JsonValue.Str) e).value()).toList();
    }

    static List<Double> numbers(JsonValue v) {
        return ((JsonValue.Arr) v).elements().stream().map(e -> ((JsonValue.Num) e).doubleValue()).toList();
    }

    /** jhdf's nested double arrays, row-major. */
    static double[] flatten(Object data) {
        if (data instanceof double[] d) {
            return d;
        }
        List<Double> out = new ArrayList<>();
        for (Object row : (Object[]) data) {
            for (double v : flatten(row)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
