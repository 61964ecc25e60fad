package org.lstmlab.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Run and model files whose record says what a test needs (a task this version does not have, a number that is not
 * one), around an untrained LSTM(3) of the sine task.
 */
public final class SavedFiles {
    private SavedFiles() {
    }

    /** An LSTM(3) of the sine task, initialised and never trained. */
    public static SequenceModel sineModel() {
        Task sine = Tasks.byName("sine");
        Dataset data = sine.generate(0, 1);
        SequenceModel m = new SequenceModel(sine.model(data, CellType.LSTM, 3, 1));
        Initializers.initialize(m, sine.defaults().init(), 1);
        return m;
    }

    /** A checkpoint at the start of a run of 2 epochs whose record is {@code run}. */
    public static Path checkpoint(Path file, Map<String, String> run) throws IOException {
        TrainingConfig cfg = Tasks.byName("sine").defaults().toBuilder().epochs(2).threads(1).build();
        CheckpointFile.save(file, sineModel(), cfg, Map.of(), 0, 0, run, List.of());
        return file;
    }

    /** A model file that says it was trained on {@code task}. */
    public static Path model(Path file, String task) throws IOException {
        ModelFile.save(file, sineModel(), null, task);
        return file;
    }
}
