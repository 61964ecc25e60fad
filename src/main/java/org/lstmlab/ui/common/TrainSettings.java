package org.lstmlab.ui.common;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * What another tab puts into the Train tab's form: a built-in task with its defaults, then this cell, length and
 * epochs, and the hidden size and training settings when given.
 *
 * @param hidden units, or 0 for the task's default
 * @param config optimizer, learning rate, batch, clipping, seed and initialisation, or null for the task's defaults
 */
public record TrainSettings(Task task, CellType cell, int steps, int hidden, int epochs, TrainingConfig config) {
}
