package org.lstmlab.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Reasons;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A training run saved to resume it exactly: the model's weights under the model file's PyTorch names, the
 * optimizer's state as {@code optimizer.<key>} tensors, and as metadata the architecture, the training config,
 * the position (epoch and batch of the next step) and whatever the caller needs to rebuild the data
 * ({@code run.*} entries: task, sequence length, data file, ...). Written atomically; refuses non-finite values.
 *
 * <p>Resuming: rebuild the data, {@code new Trainer(loaded.model(), data, loaded.config())}, restore the
 * optimizer state, then {@code seek(epoch, batch)}: the run continues bit-identically.
 */
public final class CheckpointFile {
    public static final String FORMAT = "lstm-lab-checkpoint";
    public static final int VERSION = 1;
    private static final String OPTIMIZER = "optimizer.";
    private static final String RUN = "run.";

    /** What a checkpoint holds. */
    public record Loaded(SequenceModel model, TrainingConfig config, Map<String, double[]> optimizerState, int epoch,
                         int batch, Map<String, String> run, List<String> vocabulary) {

        /** Whether the run trained all the epochs it was configured for. */
        public boolean finished() {
            return epoch >= config.epochs();
        }

        /**
         * The same run going on for {@code more} epochs past its configured end: resumed, it trains exactly as a run
         * configured with that many epochs from the start would have (each epoch's batches depend on the seed and
         * the epoch alone), as calling Keras' {@code fit} again continues a model.
         *
         * @throws IllegalArgumentException when the total would exceed {@link TrainingConfig#MAX_EPOCHS}
         */
        public Loaded longer(int more) {
            if (more < 1 || (long) config.epochs() + more > TrainingConfig.MAX_EPOCHS) {
                throw Refusal.of("engine.train.moreEpochs", Integer.toString(more),
                        Integer.toString(config.epochs()), Integer.toString(TrainingConfig.MAX_EPOCHS));
            }
            return withConfig(config.toBuilder().epochs(config.epochs() + more).build());
        }

        /** The same run with other settings, e.g. another thread count ({@code train --resume --threads}). */
        public Loaded withConfig(TrainingConfig other) {
            return new Loaded(model, other, optimizerState, epoch, batch, run, vocabulary);
        }
    }

    private CheckpointFile() {
    }

    public static void save(Path file, SequenceModel model, TrainingConfig config, Map<String, double[]> optimizerState,
                            int epoch, int batch, Map<String, String> run, List<String> vocabulary)
            throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            tensors.put(e.getKey(), Tensor.f64(e.getKey(), e.getValue().shape(), e.getValue().data().clone()));
        }
        for (Map.Entry<String, double[]> e : optimizerState.entrySet()) {
            String name = OPTIMIZER + e.getKey();
            tensors.put(name, Tensor.f64(name, new int[] {e.getValue().length}, e.getValue().clone()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", Integer.toString(VERSION));
        meta.put("architecture", ModelJson.architecture(model));
        meta.put("training", ModelJson.training(config));
        meta.put("epoch", Integer.toString(epoch));
        meta.put("batch", Integer.toString(batch));
        if (!vocabulary.isEmpty()) {
            meta.put("vocabulary", ModelJson.stringArray(vocabulary));
        }
        for (Map.Entry<String, String> e : run.entrySet()) {
            meta.put(RUN + e.getKey(), e.getValue());
        }
        SafeTensors.write(file, tensors, meta, WriteOptions.FINITE_ONLY);
    }

    /**
     * Reads a checkpoint, checking everything it can before training resumes from it: the header first (format,
     * architecture against the tensors present, memory), then every weight and optimizer value finite, the
     * optimizer state complete and of the parameters' sizes, and the position inside the training run.
     */
    public static Loaded load(Path file) throws IOException {
        String name = file.toString();
        ModelSpec[] specs = new ModelSpec[1];
        List<Optional<ModelJson.Table>> tables = new java.util.ArrayList<>(List.of(Optional.empty()));
        TrainingConfig[] configs = new TrainingConfig[1];
        SafeTensorsFile f = SafeTensors.read(file, index -> {
            String format = index.meta("format").orElse("");
            if (!format.equals(FORMAT)) {
                throw new ModelFileException(name, format.equals(ModelFile.FORMAT)
                        ? Message.of("engine.checkpoint.isModel")
                        : format.isEmpty() ? Message.of("engine.checkpoint.notCheckpoint")
                        : Message.of("engine.model.otherFormat", JsonWriter.abbreviate(format), FORMAT));
            }
            int version = integer(name, "format_version", index.requireMeta("format_version"));
            if (version > VERSION) {
                throw new ModelFileException(name, Message.of("engine.checkpoint.newer", Integer.toString(version),
                        Integer.toString(VERSION)));
            }
            specs[0] = ModelJson.parseArchitecture(name, index.requireMeta("architecture"));
            configs[0] = ModelJson.parseTraining(name, index.requireMeta("training"), new java.util.ArrayList<>());
            tables.set(0, ModelJson.parseTable(name, index.requireMeta("architecture")));
            ModelFile.checkTensors(name, index, specs[0], tables.get(0), "rnn.", false);
            for (TensorInfo t : index.tensors().values()) {
                if (t.name().startsWith(OPTIMIZER) && t.rank() != 1) {
                    throw new ModelFileException(name, Message.of("engine.checkpoint.notVector", t.name(),
                            java.util.Arrays.toString(t.shape())));
                }
            }
        });
        ModelSpec spec = specs[0];
        TrainingConfig config = configs[0];
        SequenceModel model = ModelJson.Table.model(spec, tables.get(0));
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            double[] v = f.require(e.getKey(), e.getValue().shape()).doubles();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new ModelFileException(name, Message.of("engine.checkpoint.notFinite", e.getKey(),
                            Double.toString(v[i]), Integer.toString(i)));
                }
            }
            System.arraycopy(v, 0, e.getValue().data(), 0, v.length);
        }
        Map<String, double[]> state = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : f.tensors().entrySet()) {
            if (e.getKey().startsWith(OPTIMIZER)) {
                state.put(e.getKey().substring(OPTIMIZER.length()), e.getValue().doubles());
            }
        }
        if (!state.isEmpty()) {
            try {
                config.newOptimizer().checkState(state, model.parameters());
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(name, Reasons.of(e));
            }
        }
        Map<String, String> run = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : f.metadata().entrySet()) {
            if (e.getKey().startsWith(RUN)) {
                run.put(e.getKey().substring(RUN.length()), e.getValue());
            }
        }
        List<String> vocabulary = f.meta("vocabulary").isPresent()
                ? ModelJson.parseStringArray(name, f.meta("vocabulary").get()) : List.of();
        int epoch = integer(name, "epoch", f.requireMeta("epoch"));
        int batch = integer(name, "batch", f.requireMeta("batch"));
        if (epoch > config.epochs() || epoch == config.epochs() && batch != 0) {
            throw new ModelFileException(name, Message.of("engine.checkpoint.pastEnd", Integer.toString(epoch),
                    Integer.toString(batch), Integer.toString(config.epochs())));
        }
        return new Loaded(model, config, state, epoch, batch, run, vocabulary);
    }

    private static int integer(String file, String key, String value) throws ModelFileException {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ModelFileException(file, Message.of("engine.checkpoint.notCount", key,
                    JsonWriter.abbreviate(value)));
        }
    }
}
