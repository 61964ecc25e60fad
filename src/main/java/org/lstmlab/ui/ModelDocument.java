package org.lstmlab.ui;

import java.nio.file.Path;

/**
 * The Train tab's model seen as a document, for File ▸ Save and for the question before quitting: the file it
 * was opened from or last saved to, and whether training has changed it since. A run counts as saved at the step
 * count it had when it was first seen (a model just opened, or a checkpoint resumed) and after each save; more
 * trained steps make it unsaved.
 */
final class ModelDocument {
    private Object run;
    private long savedSteps;
    private Path file;
    private Path opening;

    /** A file is being opened; the next new run is that file's model. */
    void opening(Path path) {
        opening = path;
    }

    /** The file could not be opened. */
    void openFailed() {
        opening = null;
    }

    /** The latest state of the Train tab: its run (null before the first) and the steps it has trained. */
    void observe(Object currentRun, long steps) {
        if (currentRun != run) {
            run = currentRun;
            savedSteps = steps;
            file = opening;
            opening = null;
        }
    }

    /** The run was saved to {@code path} at {@code steps} steps. */
    void saved(Object savedRun, long steps, Path path) {
        if (savedRun == run) {
            savedSteps = Math.max(savedSteps, steps);
            file = path;
        }
    }

    /** Whether quitting would lose training: a model exists and has trained steps not yet saved. */
    boolean unsaved(boolean hasModel, long steps) {
        return hasModel && run != null && steps > savedSteps;
    }

    /** The model's file, or null when it has none yet (File ▸ Save then asks for one). */
    Path file() {
        return file;
    }
}
