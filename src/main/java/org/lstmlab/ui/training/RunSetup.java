package org.lstmlab.ui.training;

import java.io.IOException;

import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Everything a training run is built from. The data is made (or read) on the worker, never on the FX thread.
 *
 * @param source gives the task: a built-in one, or one made from the user's file
 * @param run    the task's data and the model's shape, as a checkpoint records them
 * @param config optimizer, batch, epochs, clip, seed, threads
 * @param resume a checkpoint to continue from, or null
 */
public record RunSetup(TaskSource source, RunRecord run, TrainingConfig config, CheckpointFile.Loaded resume) {

    /** Makes the task; may read a file, so it runs on the worker. */
    @FunctionalInterface
    public interface TaskSource {
        Task task() throws IOException;
    }

    /** The session this setup describes, on the task the source made. */
    public TrainingSession.Builder session(Task task) {
        return run.session(task, config).resume(resume);
    }
}
