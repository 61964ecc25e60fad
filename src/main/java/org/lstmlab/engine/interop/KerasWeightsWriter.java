package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.RecurrentLayer;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * Writes the weights of the Keras model {@link GeneratedCode#kerasScript} builds as NumPy arrays in Keras' layouts
 * ({@code model.weights.npz}), named by their Keras 3 paths: {@code layers/lstm/cell/vars/0} (kernel),
 * {@code .../1} (recurrent_kernel), {@code .../2} (bias), {@code layers/dense/vars/0..1}; float64.
 *
 * <p>Why not a {@code .weights.h5}: Keras 3's {@code load_weights} needs an empty {@code vars} group at the root,
 * and jhdf 0.9.4 writes empty groups that neither h5py nor jhdf itself can read back (checked by
 * {@code KerasExportTest}). The generated model.py sets these arrays with {@code set_weights} and can save Keras'
 * own {@code model.weights.h5} from there.
 */
final class KerasWeightsWriter {
    private KerasWeightsWriter() {
    }

    /** The Keras 3 path of every weight array, in the order each layer's {@code set_weights} takes them. */
    static Map<String, Npy.Array> arrays(SequenceModel model) {
        ModelSpec s = model.spec();
        int h = s.hiddenSize();
        int g = s.cell().gateCount() * h;
        Map<String, Npy.Array> out = new LinkedHashMap<>();
        for (int k = 0; k < s.numLayers(); k++) {
            RecurrentLayer l = model.rnn().layer(k);
            int in = l.inputSize();
            String p = "layers/" + layerName(s.cell(), k) + "/cell/vars/";
            out.put(p + 0, new Npy.Array(new int[] {in, g},
                    KerasLayout.torchToKernel(s.cell(), l.weightIh().data(), in, h)));
            out.put(p + 1, new Npy.Array(new int[] {h, g},
                    KerasLayout.torchToKernel(s.cell(), l.weightHh().data(), h, h)));
            double[] bih = KerasLayout.swapGruBlocks(s.cell(), l.biasIh().data(), h, 1);
            double[] bhh = KerasLayout.swapGruBlocks(s.cell(), l.biasHh().data(), h, 1);
            double[] b;
            if (s.cell() == CellType.GRU) {
                b = new double[2 * g];
                System.arraycopy(bih, 0, b, 0, g);
                System.arraycopy(bhh, 0, b, g, g);
                out.put(p + 2, new Npy.Array(new int[] {2, g}, b));
            } else {
                b = new double[g];
                for (int i = 0; i < g; i++) {
                    b[i] = bih[i] + bhh[i];
                }
                out.put(p + 2, new Npy.Array(new int[] {g}, b));
            }
        }
        int o = s.outputSize();
        out.put("layers/dense/vars/0", new Npy.Array(new int[] {h, o},
                KerasLayout.transpose(model.head().weight().data(), o, h)));
        out.put("layers/dense/vars/1", new Npy.Array(new int[] {o}, model.head().bias().data().clone()));
        return out;
    }

    /** Keras 3's name of recurrent layer k: {@code lstm}, {@code lstm_1}, ... */
    static String layerName(CellType cell, int k) {
        String snake = switch (cell) {
            case LSTM -> "lstm";
            case GRU -> "gru";
            case RNN_TANH, RNN_RELU -> "simple_rnn";
            case LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> throw org.lstmlab.engine.io.CodeExport.notExportable(cell);
        };
        return k == 0 ? snake : snake + "_" + k;
    }

    static List<String> names(SequenceModel model) {
        return new ArrayList<>(arrays(model).keySet());
    }

    static void write(Path target, SequenceModel model) throws IOException {
        Map<String, Npy.Array> arrays = arrays(model);
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, Npy.Array> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                Npy.write(zip, e.getValue().shape(), e.getValue().values());
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
