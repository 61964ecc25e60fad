package org.lstmlab.ui.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.ResourceBundle;

import org.lstmlab.engine.interop.ModelExport;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.session.RunSnapshot;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.TrainingThreads;

/**
 * Saving and opening a run's files. The session's state is copied at a step boundary by the worker; the file is
 * written on a file thread, atomically, and never with a weight that is not finite.
 */
final class RunFiles {
    private RunFiles() {
    }

    private static RunSnapshot copy(TrainingRun.Access a) {
        if (a.session() == null) {
            throw new IllegalStateException("the run has no model yet");
        }
        return a.session().snapshot();
    }

    static CompletableFuture<Void> saveModel(TrainingRun run, Path file) {
        return run.atBoundary(RunFiles::copy).thenAcceptAsync(c -> {
            try {
                c.saveModel(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    /**
     * Writes the run's model for PyTorch or Keras into {@code dir} (weights, a check input and a model.py that
     * asserts its outputs equal the app's), from a copy taken at a step boundary; returns the files written.
     */
    static CompletableFuture<List<Path>> exportModel(TrainingRun run, ModelExport.Target target, Path dir) {
        return run.atBoundary(RunFiles::copy).thenApplyAsync(c -> {
            c.checkFinite();
            try {
                return ModelExport.write(target, c.model(), c.config(), "the Train tab's run on " + c.task(), dir,
                        c.series());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    static CompletableFuture<Void> saveCheckpoint(TrainingRun run, Path file) {
        return run.atBoundary(RunFiles::copy).thenAcceptAsync(c -> {
            try {
                c.saveCheckpoint(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    /** Reads a checkpoint and makes the setup that resumes it (its data rebuilt from the recorded source). */
    static CompletableFuture<RunSetup> openCheckpoint(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                CheckpointFile.Loaded c = CheckpointFile.load(file);
                RunRecord run = RunRecord.fromMap(c.run(), c.model().spec());
                return new RunSetup(run::openTask, run, c.config(), c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    /**
     * A model file opened for training.
     *
     * @param setup    trains the model further on its task
     * @param warnings what the file lacks or holds that this version ignored ({@link ModelFile.Loaded#warnings()})
     */
    record OpenedModel(RunSetup setup, List<Message> warnings) {
    }

    /**
     * Reads a model file and makes a setup that trains it further on its task (named in the file) with the
     * training settings it was saved with and a fresh optimizer, from epoch 1.
     */
    static CompletableFuture<OpenedModel> openModel(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ModelFile.Loaded m = ModelFile.load(file);
                if (m.task().isEmpty()) {
                    throw new ModelFileException(file.getFileName().toString(), Message.of("engine.model.noTask"));
                }
                Task t = Tasks.byName(m.task());
                TrainingConfig config = m.training().orElse(t.defaults());
                var spec = m.model().spec();
                RunRecord run = new RunRecord(t.name(), 0, spec.cell(), spec.hiddenSize(), spec.numLayers(),
                        Double.NaN, 0, 0, null);
                CheckpointFile.Loaded start = new CheckpointFile.Loaded(m.model(), config, Map.of(), 0, 0,
                        run.toMap(), m.vocabulary());
                return new OpenedModel(new RunSetup(() -> t, run, config, start), m.warnings());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    /** What went wrong, in the app's language, without the wrappers futures add. */
    static String why(ResourceBundle i18n, Throwable t) {
        return I18n.explain(i18n, t);
    }
}
