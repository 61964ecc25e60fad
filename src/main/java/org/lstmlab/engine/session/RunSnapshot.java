package org.lstmlab.engine.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A session's state copied at a step boundary, to be written on another thread: the weights, the config, the
 * optimizer's state and the position of the next step, and what the run is made of.
 *
 * @param model     a copy of the model no one else holds
 * @param config    the training config
 * @param task      the task's name
 * @param vocabulary symbols of one-hot data (empty for numbers)
 * @param optimizer the optimizer's state (copies)
 * @param epoch     0-based epoch of the next step
 * @param batch     0-based batch of the next step
 * @param run       what the run is made of
 * @param series    how a CSV series was scaled, for the model file; null for any other data
 * @param dataDigest the fingerprint of data made from a file ({@code Task.dataDigest}), or null
 */
public record RunSnapshot(SequenceModel model, TrainingConfig config, String task, List<String> vocabulary,
                          Map<String, double[]> optimizer, int epoch, int batch, RunRecord run,
                          SeriesScaling series, String dataDigest) {
    /** The checkpoint's entry for {@link #dataDigest}: resuming checks that the file still gives the same data. */
    public static final String DATA_DIGEST = "data_sha256";

    /** Writes the model file (atomically); refuses weights that are not finite numbers. */
    public void saveModel(Path file) throws IOException {
        checkFinite();
        ModelFile.save(file, model, config, task, vocabulary, series);
    }

    /** Writes a checkpoint that resumes the run exactly (atomically); refuses weights that are not finite. */
    public void saveCheckpoint(Path file) throws IOException {
        checkFinite();
        CheckpointFile.save(file, model, config, optimizer, epoch, batch, runEntries(), vocabulary);
    }

    /**
     * The run as a checkpoint that goes on for {@code more} epochs past its configured end, with the same weights,
     * optimizer state and position: a session resumed from it ({@link TrainingSession.Builder#resume}) trains
     * exactly as a run configured with that many epochs from the start would have (each epoch's batches depend on
     * the seed and the epoch alone), as calling Keras' {@code fit} again continues a model.
     *
     * @throws IllegalArgumentException when the total would exceed {@link TrainingConfig}'s limit
     */
    public CheckpointFile.Loaded continuing(int more) {
        return new CheckpointFile.Loaded(model.copy(), config, optimizer, epoch, batch, runEntries(), vocabulary)
                .longer(more);
    }

    /** The run's record, and the data's fingerprint when there is one. */
    private Map<String, String> runEntries() {
        Map<String, String> m = run.toMap();
        if (dataDigest != null) {
            m.put(DATA_DIGEST, dataDigest);
        }
        return m;
    }

    /** Refuses weights that are not finite numbers, naming the first such weight. */
    public void checkFinite() {
        for (Param p : model.parameters()) {
            for (double v : p.data()) {
                if (!Double.isFinite(v)) {
                    throw Refusal.of("engine.weights.notFinite", p.name());
                }
            }
        }
    }
}
