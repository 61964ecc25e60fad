package org.lstmlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.session.SavedRun;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.train.TrainingConfig;
import picocli.CommandLine.ParseResult;

/**
 * {@code train --resume FILE}: a run saved by {@code train --save-run} or the app's Files ▸ Save run, continued
 * exactly where it stopped, with the same data, weights, optimizer state and settings. A run saved before its end
 * trains on to its last epoch; {@code --more-epochs N} trains N epochs past its end, as calling Keras' {@code fit}
 * again does, and gives what a run configured with N more epochs would have given.
 */
final class ResumedRun {
    /** The options that make a run; a resumed run keeps the saved ones. ({@code --threads} may change.) */
    static final List<String> FIXED = List.of("--task", "--text", "--data", "--columns", "--target", "--target-kind",
            "--horizon", "--val-split", "--encoding", "--seq-len", "--cell", "--hidden", "--layers", "--epochs",
            "--batch", "--lr", "--optimizer", "--flavour", "--clip", "--seed", "--dtype", "--embedding");

    private ResumedRun() {
    }

    /**
     * The session that continues the run saved in {@code file}.
     *
     * @param more    epochs to train past the run's configured end, or null
     * @param threads threads to train on, or null for the saved number (the shards stay, so the numbers do too)
     * @param parsed  the command line, to refuse an option that would change the saved run
     * @throws IllegalArgumentException naming the file and what stands in the way
     */
    static TrainingSession.Builder plan(Path file, Integer more, Integer threads, ParseResult parsed) {
        for (String option : FIXED) {
            if (parsed.hasMatchedOption(option)) {
                throw new IllegalArgumentException("--resume continues the run saved in " + file.getFileName()
                        + " with its own settings, so " + option + " cannot change it (only --more-epochs and "
                        + "--threads can be given with --resume)");
            }
        }
        SavedRun opened;
        try {
            opened = SavedRun.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CheckpointFile.Loaded saved = opened.checkpoint();
        if (more != null) {
            saved = saved.longer(OptionChecks.range("--more-epochs", more, 1, TrainingConfig.MAX_EPOCHS));
        } else if (saved.finished()) {
            throw new IllegalArgumentException(file.getFileName() + ": the run has trained all its "
                    + saved.config().epochs() + " epochs; --more-epochs N trains it N epochs further");
        }
        TrainingConfig config = saved.config();
        if (threads != null) {
            config = config.toBuilder().threads(OptionChecks.range("--threads", threads, 1,
                    TrainingConfig.MAX_THREADS)).shards(config.shards()).build();
        }
        return opened.run().session(opened.task(), config).resume(saved.withConfig(config));
    }
}
