package org.lstmlab.ui.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.ResourceBundle;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.interop.ModelExport;
import org.lstmlab.engine.interop.TrainingScripts;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.session.SavedRun;
import org.lstmlab.engine.session.RunSnapshot;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Refusal;
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
            throw Refusal.of("engine.session.noModel");
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

    /**
     * Writes the run's data as the session feeds it (data.npz) and the PyTorch and Keras scripts that train its
     * model on it into {@code dir}; the model, settings and data are taken at a step boundary, written on a file
     * thread.
     */
    static CompletableFuture<List<Path>> saveCodeAndData(TrainingRun run, Path dir) {
        return run.atBoundary(a -> {
            if (a.session() == null) {
                throw Refusal.of("engine.session.noModel");
            }
            return a.session();
        }).thenApplyAsync(s -> {
            try {
                return TrainingScripts.write(dir, s.model().spec(), s.config(), s.data());
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

    /**
     * A file opened as a paused run.
     *
     * @param setup    the run
     * @param task     its task, made here (for the user's data, read from the file): the form shows it
     * @param warnings what the file lacks or holds that this version ignored (a model file's; none for a checkpoint)
     */
    record Opened(RunSetup setup, Task task, List<Message> warnings) {
    }

    /**
     * Reads a checkpoint and makes the setup that resumes it, its data made again from the recorded source (the
     * user's file is read here, so that a file that has gone is said at once).
     */
    static CompletableFuture<Opened> openCheckpoint(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                SavedRun saved = SavedRun.open(file);
                Task t = saved.task();
                return new Opened(new RunSetup(() -> t, saved.run(), saved.checkpoint().config(), saved.checkpoint()),
                        t, List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    /**
     * Reads a model file and makes a setup that trains it further on its task (named in the file) with the
     * training settings it was saved with and a fresh optimizer, from epoch 1. A model of the user's own file (a
     * CSV series, or a text whose characters are not the built-in text's) trains on the form's file, {@code data},
     * when the model fits it; without that file it is refused, saying to choose it first.
     */
    static CompletableFuture<Opened> openModel(Path file, UserData.Request data) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ModelFile.Loaded m = org.lstmlab.engine.interop.ModelImport.lstmLabModel(file);
                if (m.task().isEmpty()) {
                    throw new ModelFileException(file.getFileName().toString(), Message.of("engine.model.noTask"));
                }
                TrainingConfig config = m.training().orElse(null);
                var spec = m.model().spec();
                Task ownTask = ownTask(m, data);
                UserData.Request own = ownTask != null ? data : null;
                Task t = ownTask != null ? ownTask : builtIn(file, m);
                RunRecord run = new RunRecord(t.name(), 0, spec.cell(), spec.hiddenSize(), spec.numLayers(),
                        Double.NaN, 0, 0, own, m.model().embedding() == null ? 0 : spec.inputSize());
                config = config != null ? config : t.defaults();
                CheckpointFile.Loaded start = new CheckpointFile.Loaded(m.model(), config, Map.of(), 0, 0,
                        run.toMap(), m.vocabulary());
                return new Opened(new RunSetup(() -> t, run, config, start), t, m.warnings());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, TrainingThreads.files());
    }

    /** The task of the form's file when the model was made from a file of its kind and fits its data; else null. */
    private static Task ownTask(ModelFile.Loaded m, UserData.Request data) throws IOException {
        boolean text = m.task().equals("charlm");
        if (data == null || data.charLm() != text || !(text || m.task().equals("csv"))) {
            return null;
        }
        Task t = UserData.read(data).task();
        return fits(t, m) ? t : null;
    }

    /** The built-in task the model names, when it fits it; else a refusal that asks for the user's file. */
    private static Task builtIn(Path file, ModelFile.Loaded m) throws IOException {
        if (Tasks.names().contains(m.task()) && !m.task().equals("csv")) {
            Task t = Tasks.byName(m.task());
            if (!t.name().equals("charlm") || fits(t, m)) {
                return t;   // another built-in task's shape is checked when the run starts
            }
            for (String text : CharLmTask.TEXTS) {   // a character model of a bundled text: the one it fits
                if (t.name().equals("charlm") && fits(CharLmTask.bundled(text), m)) {
                    return CharLmTask.bundled(text);
                }
            }
        }
        if (m.task().equals("csv") || m.task().equals("charlm")) {
            throw new ModelFileException(file.getFileName().toString(), Message.of("engine.model.ownData"));
        }
        throw new ModelFileException(file.getFileName().toString(),
                Message.of("engine.model.unknownTask", m.task()));
    }

    /** Whether the model's shape and characters are those of the task's data. */
    private static boolean fits(Task t, ModelFile.Loaded m) {
        var spec = m.model().spec();
        Dataset d = t.generate(0, 1);
        var own = t.model(d, spec.cell(), spec.hiddenSize(), spec.numLayers());
        if (m.model().embedding() != null) {   // the table's rows are the data's ids, its values the layer's input
            own = d.inputSize() != m.model().dataInputSize() ? own : new org.lstmlab.engine.nn.ModelSpec(own.cell(),
                    spec.inputSize(), own.hiddenSize(), own.numLayers(), own.outputSize(), own.head(), own.loss());
        }
        return own.equals(spec) && d.vocabulary().equals(m.vocabulary());
    }

    /** What went wrong, in the app's language, without the wrappers futures add. */
    static String why(ResourceBundle i18n, Throwable t) {
        return I18n.explain(i18n, t);
    }
}
