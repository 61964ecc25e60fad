package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.lstmlab.engine.io.AppVersion;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.io.WriteOptions;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.text.Refusal;

/**
 * The parts of {@link ModelExport} for a model that starts with an embedding table ({@link TokenEmbedding}): the
 * check input of token ids, the app's predictions for them, and the PyTorch weights file.
 * <ul>
 *   <li>The check ids are (B, T), seeded. With Keras' {@code mask_zero=True}, sequence 0 starts with two ids of 0
 *       and sequence 1 ends with two (pre- and post-padding, which Keras skips); the others hold none.</li>
 *   <li>The PyTorch weights are a plain state_dict, {@code embedding.weight} (V, D), {@code rnn.*}, {@code fc.*}
 *       in float64, which {@code load_state_dict(strict=True)} takes; its metadata keeps {@code padding_idx} (a row
 *       or {@code none}), which a state_dict itself does not record.</li>
 * </ul>
 */
final class EmbeddingExport {
    /** The ids of 0 at one end of a padded check sequence. */
    static final int PADDING = 2;
    /** The table's name in a state_dict: the module {@code embedding}'s weight. */
    private static final String TORCH_NAME = "embedding.weight";

    private EmbeddingExport() {
    }

    /**
     * The table of a model that holds its own ({@link SequenceModel#withEmbedding}, a model trained with its table),
     * as the table of an imported model, or null; its {@code padding_idx} is not known here (none is written).
     */
    static TokenEmbedding ownTable(SequenceModel model) {
        Param p = model.namedParameters().get(TORCH_NAME);
        return p == null ? null : new TokenEmbedding(TORCH_NAME, p.shape()[0], p.shape()[1], p.data().clone());
    }

    /** PyTorch's nn.Embedding has no mask: a model with Keras' {@code mask_zero=True} goes to Keras only. */
    static void requireTorchCanHold(TokenEmbedding e) {
        if (e.maskZero()) {
            throw Refusal.of("engine.export.maskZeroTorch", e.name());
        }
    }

    /** The check input, (B, T) token ids in [0, V), padded as the class comment says. */
    static int[] checkIds(TokenEmbedding e, int batch, int steps) {
        SplittableRandom rng = new SplittableRandom(20240902L);
        int low = e.maskZero() ? Math.min(1, e.vocabulary() - 1) : 0;
        int[] ids = new int[batch * steps];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = low + rng.nextInt(e.vocabulary() - low);
        }
        if (e.maskZero() && steps > PADDING) {
            for (int t = 0; t < PADDING; t++) {
                ids[t] = 0;                                       // sequence 0: padding before
                ids[steps + steps - 1 - t] = 0;                   // sequence 1: padding after
            }
        }
        return ids;
    }

    /**
     * The app's predictions for {@code ids}: each row looked up; with {@code mask_zero=True} each sequence's ids of
     * 0 at its ends are padding, its other ids run from the zero state and h is read at their number, as
     * {@code predict} reads a padded file ({@link SequenceFiles#readTokens}).
     */
    static Predictor.Prediction predict(SequenceModel model, TokenEmbedding e, int[] ids, int batch, int steps)
            throws IOException {
        int[] run = ids.clone();
        int[] lengths = null;
        if (e.maskZero()) {
            lengths = new int[batch];
            for (int b = 0; b < batch; b++) {
                int row = b * steps;
                int first = row;
                int end = row + steps;
                while (first < end && ids[first] == 0) {
                    first++;
                }
                while (end > first && ids[end - 1] == 0) {
                    end--;
                }
                lengths[b] = end - first;
                java.util.Arrays.fill(run, row, row + steps, 0);
                System.arraycopy(ids, first, run, row, lengths[b]);
            }
        }
        double[] x = e.lookup(run);
        double[][] out = new double[1][];
        Predictor.predict(model, x, batch, steps, lengths, batch, v -> out[0] = v);
        return new Predictor.Prediction(Predictor.shape(model.spec(), batch, steps), out[0]);
    }

    /** The ids as a safetensors tensor (B, T) of int64. */
    static Tensor idTensor(int[] ids, int batch, int steps) {
        long[] v = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            v[i] = ids[i];
        }
        return Tensor.i64("input", new int[] {batch, steps}, v);
    }

    /** The ids as float64 values, for an {@code .npz} the Keras script casts to int32. */
    static double[] idValues(int[] ids) {
        double[] v = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            v[i] = ids[i];
        }
        return v;
    }

    /** Writes the PyTorch state_dict with the table first, and {@code padding_idx} in its metadata. */
    static void writeTorchWeights(Path file, SequenceModel model, TokenEmbedding e) throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put(TORCH_NAME, Tensor.f64(TORCH_NAME, new int[] {e.vocabulary(), e.size()},
                e.table().clone()));
        for (Map.Entry<String, Param> p : model.namedParameters().entrySet()) {   // a table of its own: the same
            t.put(p.getKey(), Tensor.f64(p.getKey(), p.getValue().shape(), p.getValue().data().clone()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(TorchStateDict.PADDING_IDX, e.paddingIdx() == TokenEmbedding.NO_PADDING ? "none"
                : Integer.toString(e.paddingIdx()));
        meta.put("source", "LSTM Lab " + AppVersion.VERSION);
        SafeTensors.write(file, t, meta, WriteOptions.FINITE_ONLY);
    }
}
