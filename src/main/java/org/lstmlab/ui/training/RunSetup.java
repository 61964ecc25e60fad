package org.lstmlab.ui.training;

import java.io.IOException;
import java.util.Map;

import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Everything a training run is built from. The data is made (or read) on the worker, never on the FX thread.
 *
 * @param source          gives the task: a built-in one, or one made from the user's file
 * @param steps           sequence length (0: the task's default)
 * @param cell            recurrent cell of every layer
 * @param hidden          units per layer
 * @param layers          stacked layers
 * @param config          optimizer, batch, epochs, clip, seed, threads
 * @param validationSplit fraction held out, or NaN for the task's own split
 * @param resume          a checkpoint to continue from, or null
 * @param run             what a checkpoint must record to rebuild the data ({@code task}, {@code seq_len}, ...)
 */
public record RunSetup(TaskSource source, int steps, CellType cell, int hidden, int layers, TrainingConfig config,
                       double validationSplit, CheckpointFile.Loaded resume, Map<String, String> run) {

    /** Makes the task; may read a file, so it runs on the worker. */
    @FunctionalInterface
    public interface TaskSource {
        Task task() throws IOException;
    }

    public RunSetup {
        run = Map.copyOf(run);
    }
}
