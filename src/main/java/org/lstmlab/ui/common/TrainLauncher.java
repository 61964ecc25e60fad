package org.lstmlab.ui.common;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Task;

/**
 * Sets up the Train tab from another tab (the Compare tab's "Train it in the Train tab" for a model that failed):
 * MainWindow implements it with the Train tab, so the tabs do not depend on each other. Called on the FX thread.
 */
public interface TrainLauncher {
    /** Shows the Train tab with its form set to the task's defaults and this cell, length and epochs; not started. */
    void prepare(Task task, CellType cell, int seqLen, int epochs);
}
