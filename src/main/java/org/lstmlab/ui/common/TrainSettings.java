package org.lstmlab.ui.common;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * What another tab puts into the Train tab's form: a built-in task with its defaults, or the user's file read again
 * as {@code data} says, then this cell, length and epochs, and the hidden size and training settings when given.
 *
 * @param task   the built-in task, or the task the file was read as (the Train tab reads the file again)
 * @param hidden units, or 0 for the task's default
 * @param config optimizer, learning rate, batch, clipping, seed and initialisation, or null for the task's defaults
 * @param data   the user's file and how to read it (columns, target, its kind, window, horizon, encoding), which the
 *               Train tab reads with its own loading, so that a bad file gets its usual message; or null for a
 *               built-in task
 */
public record TrainSettings(Task task, CellType cell, int steps, int hidden, int epochs, TrainingConfig config,
                            UserData.Request data) {
    /** A built-in task's settings. */
    public TrainSettings(Task task, CellType cell, int steps, int hidden, int epochs, TrainingConfig config) {
        this(task, cell, steps, hidden, epochs, config, null);
    }
}
