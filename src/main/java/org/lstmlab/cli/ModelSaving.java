package org.lstmlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.TrainingConfig;

/** Saving a trained model from the command line. */
final class ModelSaving {
    private ModelSaving() {
    }

    /** Fails before training when the model could not be saved where asked. */
    static void checkWritable(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(target + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(target + ": the folder " + dir + " is not writable");
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + ": is a folder, not a file");
        }
    }

    static void save(Path target, SequenceModel model, TrainingConfig config, String task,
                     java.util.List<String> vocabulary) {
        try {
            org.lstmlab.engine.io.ModelFile.save(target, model, config, task, vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
