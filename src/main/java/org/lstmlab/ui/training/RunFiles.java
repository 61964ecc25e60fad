package org.lstmlab.ui.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.TrainingThreads;

/**
 * Saving and opening a run's files. The weights are copied at a step boundary by the worker; the file is written
 * on a file thread, atomically, and never with a weight that is not finite.
 */
final class RunFiles {
    private RunFiles() {
    }

    private record Copy(SequenceModel model, TrainingConfig config, String task, java.util.List<String> vocabulary,
                        java.util.Map<String, double[]> optimizer, int epoch, int batch,
                        java.util.Map<String, String> run) {
    }

    private static Copy copy(TrainingRun.Access a) {
        if (a.trainer() == null) {
            throw new IllegalStateException("the run has no model yet");
        }
        SequenceModel m = Samples.copy(a.trainer().model());
        for (Param p : m.parameters()) {
            for (double v : p.data()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("weight " + p.name() + " is not a finite number; not saved");
                }
            }
        }
        return new Copy(m, a.trainer().config(), a.task().name(), a.data().vocabulary(),
                a.trainer().optimizer().state(), a.trainer().epoch(), a.trainer().batchIndex(), a.setup().run());
    }

    static CompletableFuture<Void> saveModel(TrainingRun run, Path file) {
        return run.atBoundary(RunFiles::copy).thenAcceptAsync(c -> {
            try {
                ModelFile.save(file, c.model(), c.config(), c.task(), c.vocabulary());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    static CompletableFuture<Void> saveCheckpoint(TrainingRun run, Path file) {
        return run.atBoundary(RunFiles::copy).thenAcceptAsync(c -> {
            try {
                CheckpointFile.save(file, c.model(), c.config(), c.optimizer(), c.epoch(), c.batch(), c.run(),
                        c.vocabulary());
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
                java.util.Map<String, String> run = c.run();
                String name = run.getOrDefault("task", "");
                RunSetup.TaskSource source;
                if (run.containsKey("data_file")) {
                    UserTasks.Request r = UserTasks.fromRecord(run);
                    source = () -> UserTasks.load(r);
                } else {
                    Task t = Tasks.byName(name);
                    source = () -> t;
                }
                int steps = Integer.parseInt(run.getOrDefault("seq_len", "0"));
                CellType cell = c.model().spec().cell();
                return new RunSetup(source, steps, cell, c.model().spec().hiddenSize(), c.model().spec().numLayers(),
                        c.config(), Double.NaN, c, run);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    /**
     * Reads a model file and makes a setup that trains it further on its task (named in the file) with the
     * training settings it was saved with and a fresh optimizer, from epoch 1.
     */
    static CompletableFuture<RunSetup> openModel(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ModelFile.Loaded m = ModelFile.load(file);
                if (m.task().isEmpty()) {
                    throw new IllegalArgumentException(file.getFileName() + " does not say which task it was "
                            + "trained on; open it in the Debugger tab instead");
                }
                Task t = Tasks.byName(m.task());
                TrainingConfig config = m.training().orElse(t.defaults());
                var spec = m.model().spec();
                CheckpointFile.Loaded start = new CheckpointFile.Loaded(m.model(), config, java.util.Map.of(), 0, 0,
                        java.util.Map.of("task", t.name()), m.vocabulary());
                return new RunSetup(() -> t, 0, spec.cell(), spec.hiddenSize(), spec.numLayers(), config,
                        Double.NaN, start, java.util.Map.of("task", t.name(), "seq_len", "0"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    /** The message of what went wrong, without the wrappers futures add. */
    static String why(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
