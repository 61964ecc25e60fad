package org.lstmlab.ui.common;

/**
 * Sets up the Train tab from another tab (the Compare tab's "Train it in the Train tab" for a model that failed, a
 * lesson's {@code train-tab} action):
 * MainWindow implements it with the Train tab, so the tabs do not depend on each other. Called on the FX thread.
 */
public interface TrainLauncher {
    /** Shows the Train tab with its form set as {@code settings} say; not started. */
    void prepare(TrainSettings settings);
}
