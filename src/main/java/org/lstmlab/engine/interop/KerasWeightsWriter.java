package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.RecurrentLayer;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * Writes a Keras 3 {@code .weights.h5} for the Sequential model {@link GeneratedCode#kerasScript} builds, with jhdf:
 * {@code vars} (the model's own, empty), {@code layers/<lstm|gru|simple_rnn>[_k]/vars} (empty) and
 * {@code .../cell/vars/0..2} (kernel, recurrent_kernel, bias), {@code layers/dense/vars/0..1}. Values are float64;
 * the generated script sets Keras' floatx to float64. The file is written beside the target and moved into place.
 */
final class KerasWeightsWriter {
    private KerasWeightsWriter() {
    }

    static void write(Path target, SequenceModel model) throws IOException {
        ModelSpec s = model.spec();
        int h = s.hiddenSize();
        int g = s.cell().gateCount() * h;
        String snake = switch (s.cell()) {
            case LSTM -> "lstm";
            case GRU -> "gru";
            case RNN_TANH, RNN_RELU -> "simple_rnn";
            case LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> throw org.lstmlab.engine.io.CodeExport.notExportable(s.cell());
        };
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                f.putGroup("vars");
                WritableGroup layers = f.putGroup("layers");
                for (int k = 0; k < s.numLayers(); k++) {
                    RecurrentLayer l = model.rnn().layer(k);
                    int in = l.inputSize();
                    WritableGroup layer = layers.putGroup(k == 0 ? snake : snake + "_" + k);
                    layer.putGroup("vars");
                    WritableGroup vars = layer.putGroup("cell").putGroup("vars");
                    vars.putDataset("0", matrix(KerasLayout.torchToKernel(s.cell(), l.weightIh().data(), in, h), in, g));
                    vars.putDataset("1", matrix(KerasLayout.torchToKernel(s.cell(), l.weightHh().data(), h, h), h, g));
                    double[] bih = KerasLayout.swapGruBlocks(s.cell(), l.biasIh().data(), h, 1);
                    double[] bhh = KerasLayout.swapGruBlocks(s.cell(), l.biasHh().data(), h, 1);
                    if (s.cell() == CellType.GRU) {
                        vars.putDataset("2", new double[][] {bih, bhh});
                    } else {
                        double[] b = new double[g];
                        for (int i = 0; i < g; i++) {
                            b[i] = bih[i] + bhh[i];
                        }
                        vars.putDataset("2", b);
                    }
                }
                WritableGroup dense = layers.putGroup("dense").putGroup("vars");
                int o = s.outputSize();
                dense.putDataset("0", matrix(KerasLayout.transpose(model.head().weight().data(), o, h), h, o));
                dense.putDataset("1", model.head().bias().data().clone());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (RuntimeException e) {
            throw new IOException(target + ": could not be written as HDF5 (" + e.getMessage() + ")", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static double[][] matrix(double[] v, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(v, r * cols, m[r], 0, cols);
        }
        return m;
    }
}
