package org.lstmlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.io.AtomicFiles;

/** Saving a trained model from the command line. */
final class ModelSaving {
    private ModelSaving() {
    }

    /**
     * Fails before training when the model could not be saved where asked, or would replace one of the
     * {@code inputs} (the data file): nothing the user pointed at is overwritten. Removes temp files that killed
     * saves to the same target left behind.
     */
    static void checkWritable(Path target, Path... inputs) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(target + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(target + ": the folder " + dir + " is not writable");
        }
        String kind = InputFiles.nonRegularKind(target);
        if (kind != null) {
            throw new IllegalArgumentException("--save " + target + ": is " + kind + ", not a regular file");
        }
        Outputs.notAnInput("--save", target, "the input file", inputs);
        try {
            AtomicFiles.deleteStaleTemps(target);
        } catch (IOException e) {
            // nothing to clean, or no right to: the save itself will say what is wrong
        }
    }
}
