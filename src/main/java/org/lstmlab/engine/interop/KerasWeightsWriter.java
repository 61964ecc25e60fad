package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.RecurrentLayer;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * Writes the weights of the Keras model {@link GeneratedCode#kerasScript} builds as Keras 3's
 * {@code model.weights.h5}, the file {@code model.save_weights} writes and {@code model.load_weights} reads, in
 * float64:
 * <pre>
 *   vars/                          the Sequential model's own variables: none (an empty group Keras 3 reads)
 *   layers/embedding/vars/0        an Embedding's table, embeddings (V, D), when the model starts with one
 *   layers/lstm/vars/              the LSTM layer's own: none
 *   layers/lstm/cell/vars/0, 1, 2  kernel (D, G·H), recurrent_kernel (H, G·H), bias (G·H; a GRU's (2, 3H))
 *   layers/lstm_1/...              the next recurrent layer
 *   layers/dense/vars/0, 1         kernel (H, O), bias (O)
 * </pre>
 * Layers are named by the snake_case of their class ({@code lstm}, {@code gru}, {@code simple_rnn}) numbered from
 * the second on, as Keras 3's saving code names them.
 */
final class KerasWeightsWriter {
    /** The group of an Embedding layer, named as Keras names the first one. */
    static final String EMBEDDING = "layers/embedding";

    private KerasWeightsWriter() {
    }

    /** One array in Keras' layout. */
    record Array(int[] shape, double[] values) {
    }

    /**
     * Every weight array under its path in the file, in the order each layer's {@code set_weights} takes them; the
     * table of {@code embedding} (null for none) first.
     */
    static Map<String, Array> arrays(SequenceModel model, TokenEmbedding embedding) {
        ModelSpec s = model.spec();
        int h = s.hiddenSize();
        int g = s.cell().gateCount() * h;
        Map<String, Array> out = new LinkedHashMap<>();
        if (embedding != null) {
            out.put(EMBEDDING + "/vars/0", new Array(new int[] {embedding.vocabulary(), embedding.size()},
                    embedding.table().clone()));
        }
        for (int k = 0; k < s.numLayers(); k++) {
            RecurrentLayer l = model.rnn().layer(k);
            int in = l.inputSize();
            String p = "layers/" + layerName(s.cell(), k) + "/cell/vars/";
            out.put(p + 0, new Array(new int[] {in, g},
                    KerasLayout.torchToKernel(s.cell(), l.weightIh().data(), in, h)));
            out.put(p + 1, new Array(new int[] {h, g}, KerasLayout.torchToKernel(s.cell(), l.weightHh().data(), h, h)));
            double[] bih = KerasLayout.swapGruBlocks(s.cell(), l.biasIh().data(), h, 1);
            double[] bhh = KerasLayout.swapGruBlocks(s.cell(), l.biasHh().data(), h, 1);
            if (s.cell() == CellType.GRU) {  // reset_after=True: input bias and recurrent bias, one row each
                double[] b = new double[2 * g];
                System.arraycopy(bih, 0, b, 0, g);
                System.arraycopy(bhh, 0, b, g, g);
                out.put(p + 2, new Array(new int[] {2, g}, b));
            } else {  // one bias: b_ih and b_hh are only ever added
                double[] b = new double[g];
                for (int i = 0; i < g; i++) {
                    b[i] = bih[i] + bhh[i];
                }
                out.put(p + 2, new Array(new int[] {g}, b));
            }
        }
        int o = s.outputSize();
        out.put("layers/dense/vars/0", new Array(new int[] {h, o},
                KerasLayout.transpose(model.head().weight().data(), o, h)));
        out.put("layers/dense/vars/1", new Array(new int[] {o}, model.head().bias().data().clone()));
        return out;
    }

    /** Keras 3's name of recurrent layer k: {@code lstm}, {@code lstm_1}, ... */
    static String layerName(CellType cell, int k) {
        String snake = switch (cell) {
            case LSTM -> "lstm";
            case GRU, GRU_RESET_BEFORE -> "gru";
            case RNN_TANH, RNN_RELU -> "simple_rnn";
            case LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> throw org.lstmlab.engine.interop.CodeExport.notExportable(cell);
        };
        return k == 0 ? snake : snake + "_" + k;
    }

    /** The file's group tree: the arrays, and the empty {@code vars} of the model and of every recurrent layer. */
    static Hdf5Writer.Group tree(SequenceModel model, TokenEmbedding embedding) {
        Hdf5Writer.Group root = new Hdf5Writer.Group();
        root.group("vars");
        Hdf5Writer.Group layers = root.group("layers");
        if (embedding != null) {   // first, as Keras' name order has it
            layers.group("embedding");
        }
        for (int k = 0; k < model.spec().numLayers(); k++) {
            layers.group(layerName(model.spec().cell(), k)).group("vars");
        }
        for (Map.Entry<String, Array> e : arrays(model, embedding).entrySet()) {
            String[] parts = e.getKey().split("/");
            Hdf5Writer.Group g = root;
            for (int i = 0; i < parts.length - 1; i++) {
                g = g.group(parts[i]);
            }
            g.dataset(parts[parts.length - 1], e.getValue().shape(), e.getValue().values());
        }
        return root;
    }

    static void write(Path target, SequenceModel model, TokenEmbedding embedding) throws IOException {
        Hdf5Writer.write(target, tree(model, embedding));
    }
}
