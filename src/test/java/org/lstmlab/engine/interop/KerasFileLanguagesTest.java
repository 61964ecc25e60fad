package org.lstmlab.engine.interop;

import static org.lstmlab.engine.interop.ImportFiles.array;
import static org.lstmlab.engine.interop.ImportFiles.cell;
import static org.lstmlab.engine.interop.ImportFiles.denseVars;
import static org.lstmlab.engine.interop.ImportFiles.keras;
import static org.lstmlab.engine.interop.ImportFiles.load;
import static org.lstmlab.engine.interop.ImportFiles.sequential;
import static org.lstmlab.engine.interop.KerasImportLanguagesTest.DENSE;
import static org.lstmlab.engine.interop.KerasImportLanguagesTest.LSTM;
import static org.lstmlab.engine.interop.KerasImportLanguagesTest.lstmAndDense;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.lstmlab.engine.interop.ImportFiles.Vars;
import org.lstmlab.testing.FileErrorCases.Attempt;
import org.lstmlab.testing.FileErrorTest;

/**
 * A Keras HDF5 file that cannot be read says why in the app's language: every refusal of KerasH5, on Keras 3 weights
 * written with {@link Hdf5Writer} and Keras 2 files written with jhdf (attributes included), in English as the
 * command line always said it and in Chinese ({@code file-errors/keras-h5.txt}). Two files that take gigabytes to
 * write are the fixtures of InteropHostileInputTest, whose headers claim them.
 */
class KerasFileLanguagesTest extends FileErrorTest {
    private static final Map<String, Attempt> ATTEMPTS = new LinkedHashMap<>();

    static {
        ATTEMPTS.put("keras.notKeras", d -> {
            Hdf5Writer.Group root = new Hdf5Writer.Group();
            root.group("images").dataset("cat", new int[] {2}, new double[2]);
            Path f = d.resolve("images.h5");
            Hdf5Writer.write(f, root);
            load(f);
        });
        ATTEMPTS.put("keras.notHdf5", d -> {
            Path f = ImportFiles.weights(d.resolve("whole.weights.h5"), lstmAndDense());
            byte[] b = Files.readAllBytes(f);
            Path cut = d.resolve("cut.weights.h5");
            Files.write(cut, Arrays.copyOf(b, 400));
            load(cut);
        });
        ATTEMPTS.put("keras.configTooLarge", d -> {
            Path f = ImportFiles.weights(d.resolve("m.weights.h5"), lstmAndDense());
            try (RandomAccessFile big = new RandomAccessFile(d.resolve("m.json").toFile(), "rw")) {
                big.setLength(17L << 20);
            }
            load(f);
        });
        ATTEMPTS.put("keras.noLayerGroup", d -> load(keras(d, "m.keras", sequential(LSTM, DENSE),
                cell("recurrent", 2, 3, 4), denseVars("dense", 3, 2))));
        ATTEMPTS.put("keras.noVariables", d -> load(keras(d, "m.keras", sequential(LSTM, DENSE),
                new Vars("lstm", true, List.of()), denseVars("dense", 3, 2))));
        ATTEMPTS.put("keras.varNotDataset", d -> load(keras(d, "m.keras", sequential(LSTM, DENSE),
                new Vars("lstm", true, Arrays.asList(array(2, 12), null, array(12))), denseVars("dense", 3, 2))));
        ATTEMPTS.put("keras.datasetTooLarge", d -> load(TorchImportTest.DIR.resolve("bad_huge_dataset.weights.h5")));
        ATTEMPTS.put("keras.datasetNotFloat", d -> {
            Path f = d.resolve("int.weights.h5");
            try (WritableHdfFile h = HdfFile.write(f)) {
                WritableGroup vars = h.putGroup("layers").putGroup("simple_rnn").putGroup("cell").putGroup("vars");
                vars.putDataset("0", new int[][] {{1, 2, 3}, {4, 5, 6}});
            }
            load(f);
        });
        ATTEMPTS.put("keras.datasetNotFinite", d -> {
            double[][] kernel = array(2, 12);
            kernel[1][5] = Double.NaN;
            load(keras(d, "m.keras", sequential(LSTM, DENSE), new Vars("lstm", true,
                    List.of(kernel, array(3, 12), array(12))), denseVars("dense", 3, 2)));
        });
        ATTEMPTS.put("keras.noGroup", d -> load(keras2(d.resolve("m.h5"),
                h -> h.putDataset("stray", new double[] {1}))));
        ATTEMPTS.put("keras.noAttribute", d -> load(keras2(d.resolve("m.h5"),
                h -> h.putGroup("model_weights").putDataset("stray", new double[] {1}))));
        ATTEMPTS.put("keras.notStrings", d -> load(keras2(d.resolve("m.h5"), h -> {
            WritableGroup w = h.putGroup("model_weights");
            w.putAttribute("layer_names", new int[] {1, 2});
            w.putDataset("stray", new double[] {1});
        })));
        ATTEMPTS.put("keras.weightNotDataset", d -> load(keras2(d.resolve("m.h5"), h -> {
            WritableGroup w = h.putGroup("model_weights");
            w.putAttribute("layer_names", new String[] {"lstm"});
            WritableGroup lstm = w.putGroup("lstm");
            lstm.putAttribute("weight_names", new String[] {"lstm/lstm_cell/kernel:0",
                "lstm/lstm_cell/recurrent_kernel:0", "lstm/lstm_cell/bias:0"});
            WritableGroup c = lstm.putGroup("lstm").putGroup("lstm_cell");
            c.putDataset("kernel:0", new float[2][12]);
            c.putDataset("bias:0", new float[12]);
        })));
        ATTEMPTS.put("keras.layerCount", d -> load(keras2(d.resolve("m.h5"), h -> {
            WritableGroup w = h.putGroup("model_weights");
            w.putAttribute("layer_names", new String[] {"lstm", "dense"});
            WritableGroup lstm = w.putGroup("lstm");
            lstm.putAttribute("weight_names", new String[] {"lstm/lstm_cell/kernel:0",
                "lstm/lstm_cell/recurrent_kernel:0", "lstm/lstm_cell/bias:0"});
            WritableGroup c = lstm.putGroup("lstm").putGroup("lstm_cell");
            c.putDataset("kernel:0", new float[2][12]);
            c.putDataset("recurrent_kernel:0", new float[3][12]);
            c.putDataset("bias:0", new float[12]);
            WritableGroup dense = w.putGroup("dense");
            dense.putAttribute("weight_names", new String[] {"dense/kernel:0", "dense/bias:0"});
            WritableGroup dd = dense.putGroup("dense");
            dd.putDataset("kernel:0", new float[3][2]);
            dd.putDataset("bias:0", new float[2]);
        }, sequential(LSTM))));
    }

    KerasFileLanguagesTest() {
        super("/file-errors/keras-h5.txt", ATTEMPTS);
    }

    @FunctionalInterface
    private interface Contents {
        void add(WritableHdfFile h);
    }

    /** A Keras 2 {@code model.save("m.h5")} file: the config of an LSTM and a Dense, then {@code contents}. */
    private static Path keras2(Path file, Contents contents) {
        return keras2(file, contents, sequential(LSTM, DENSE));
    }

    private static Path keras2(Path file, Contents contents, String config) {
        try (WritableHdfFile h = HdfFile.write(file)) {
            h.putAttribute("model_config", config);
            h.putAttribute("keras_version", "2.11.0");
            contents.add(h);
        }
        return file;
    }

}
