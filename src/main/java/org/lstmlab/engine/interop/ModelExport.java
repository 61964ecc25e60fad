package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.lstmlab.engine.io.AppVersion;
import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Writes a model for PyTorch or Keras into a folder: the weights, a check input with the app's own outputs for it,
 * and a generated {@code model.py} that builds the model, loads the weights and asserts that its outputs equal the
 * app's to 1e-6.
 * <ul>
 *   <li>PyTorch: {@code model.safetensors} (an LSTM Lab model file, which {@code load_state_dict(strict=True)}
 *       takes), {@code check_input.safetensors} ({@code input}, {@code expected}), {@code model.py} (torch, and
 *       safetensors where it is installed).</li>
 *   <li>Keras 3: {@code model.weights.h5} (what {@code model.save_weights} writes and {@code model.load_weights}
 *       reads, float64; see {@link KerasWeightsWriter}), {@code check_input.npz} ({@code input}, {@code expected}),
 *       {@code model.py} (keras and numpy), and {@code model.h5}: the whole model, config and weights, as Keras 2's
 *       {@code model.save} writes it, for {@code keras.models.load_model} ({@link Keras2ModelWriter}).</li>
 * </ul>
 * A model that starts with an embedding table writes it too, and its check input is token ids
 * ({@link EmbeddingExport}).
 */
public final class ModelExport {
    /** Which framework. */
    public enum Target { PYTORCH, KERAS }

    static final int CHECK_BATCH = 2;
    static final int CHECK_STEPS = 7;

    private ModelExport() {
    }

    /**
     * The files {@link #write} writes into {@code dir} for {@code target}: the code, the weights, the check input and,
     * for Keras, the whole model.
     */
    public static List<Path> files(Target target, Path dir) {
        return target == Target.PYTORCH
                ? List.of(dir.resolve("model.py"), dir.resolve("model.safetensors"),
                        dir.resolve("check_input.safetensors"))
                : List.of(dir.resolve("model.py"), dir.resolve("model.weights.h5"), dir.resolve("check_input.npz"),
                        dir.resolve("model.h5"));
    }

    /**
     * Writes the files (see {@link #files}); returns their paths. Every file is written atomically. For a model
     * trained on a CSV series ({@code series} not null, else null), the PyTorch weights file keeps the scaling, and
     * {@code model.py} gets the columns' means and standard deviations and a {@code forecast} function in the file's
     * units ({@link SeriesCode}).
     */
    public static List<Path> write(Target target, SequenceModel model, TrainingConfig training, String source,
                                   Path dir, SeriesScaling series) throws IOException {
        return write(target, model, null, training, source, dir, series);
    }

    /**
     * {@link #write(Target, SequenceModel, TrainingConfig, String, Path, SeriesScaling)} of a model that starts
     * with the embedding table {@code table} (null for none, or the model's own table, if it holds one): the table
     * goes into every file under the name its framework gives it ({@code embedding.weight}, Keras' layer
     * {@code embedding}), and the check input holds token ids ({@link EmbeddingExport}).
     */
    public static List<Path> write(Target target, SequenceModel model, TokenEmbedding table,
                                   TrainingConfig training, String source, Path dir, SeriesScaling series)
            throws IOException {
        TokenEmbedding embedding = table != null ? table : EmbeddingExport.ownTable(model);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw Refusal.of("engine.file.named", dir.toString(), Message.of("engine.export.isFile"));
        }
        if (target == Target.PYTORCH && model.spec().cell() == CellType.GRU_RESET_BEFORE) {
            throw CodeExport.notInPyTorch(model.spec().cell());  // before anything is written
        }
        if (target == Target.PYTORCH && embedding != null) {
            EmbeddingExport.requireTorchCanHold(embedding);
        }
        Files.createDirectories(dir);
        ModelSpec s = model.spec();
        int[] xShape = embedding == null ? new int[] {CHECK_BATCH, CHECK_STEPS, s.inputSize()}
                : new int[] {CHECK_BATCH, CHECK_STEPS};
        int[] ids = embedding == null ? null : EmbeddingExport.checkIds(embedding, CHECK_BATCH, CHECK_STEPS);
        double[] x = embedding == null ? checkInput(s.inputSize()) : EmbeddingExport.idValues(ids);
        Predictor.Prediction y = embedding == null ? Predictor.predict(model, x, CHECK_BATCH, CHECK_STEPS)
                : EmbeddingExport.predict(model, embedding, ids, CHECK_BATCH, CHECK_STEPS);
        List<Path> files = files(target, dir);
        Path code = files.get(0);
        Path weights = files.get(1);
        Path check = files.get(2);
        if (target == Target.PYTORCH) {
            Map<String, Tensor> t = new LinkedHashMap<>();
            if (embedding == null) {
                ModelFile.save(weights, model, training, null, List.of(), series);
                t.put("input", Tensor.f64("input", xShape, x));
            } else {
                EmbeddingExport.writeTorchWeights(weights, model, embedding);
                t.put("input", EmbeddingExport.idTensor(ids, CHECK_BATCH, CHECK_STEPS));
            }
            t.put("expected", Tensor.f64("expected", y.shape(), y.values()));
            SafeTensors.write(check, t, Map.of("source", "LSTM Lab " + AppVersion.VERSION));
            AtomicFiles.write(code, out -> out.write(GeneratedCode.torchScript(s, embedding, training, source, series)
                    .getBytes(StandardCharsets.UTF_8)));
            return List.of(code, weights, check);
        }
        KerasWeightsWriter.write(weights, model, embedding);
        AtomicFiles.write(check, out -> {
            new Npz(out).add("input", xShape, x).add("expected", y.shape(), y.values()).finish();
        });
        AtomicFiles.write(code, out -> out.write(GeneratedCode.kerasScript(s, embedding, training, source, series)
                .getBytes(StandardCharsets.UTF_8)));
        Keras2ModelWriter.write(files.get(3), model, embedding);
        return files;
    }

    /** A fixed, seeded check input in [-1, 1]. */
    static double[] checkInput(int d) {
        SplittableRandom rng = new SplittableRandom(20240901L);
        double[] x = new double[CHECK_BATCH * CHECK_STEPS * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }
}
