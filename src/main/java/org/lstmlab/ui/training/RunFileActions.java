package org.lstmlab.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.lstmlab.engine.interop.ModelExport;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.text.Message;
import org.lstmlab.ui.common.I18n;

/**
 * The Train tab's file actions: save the run's model or a checkpoint, export it for PyTorch or Keras, open a model
 * or a checkpoint as a paused run. The work runs off the FX thread ({@link RunFiles}); the outcome comes back on the
 * FX executor as a line for the tab's message (news or a problem, in the app's language) and, for the futures, as
 * their result.
 */
final class RunFileActions {
    private final ResourceBundle i18n;
    private final Executor fx;
    private final Supplier<TrainingRun> run;
    private final Supplier<UserData.Request> data;
    private final Consumer<Supplier<String>> info;
    private final Consumer<Supplier<String>> error;
    private final BiConsumer<TrainingRun, Supplier<String>> launch;
    private final Consumer<RunFiles.Opened> opened;

    /**
     * @param run    the tab's current run (null before the first)
     * @param data   the form's own file, or null: a model trained on the user's data trains further on it
     * @param info   shows news ("Saved …")
     * @param error  shows a problem
     * @param launch makes an opened run the tab's run, with the news that says so in the message from its start
     *               ({@link RunControl#launch(TrainingRun, Supplier)}), so that a run that fails at once shows its
     *               failure over it
     * @param opened shows what an opened file is made of in the form, before its run is launched
     */
    RunFileActions(ResourceBundle i18n, Executor fx, Supplier<TrainingRun> run, Supplier<UserData.Request> data,
            Consumer<Supplier<String>> info, Consumer<Supplier<String>> error,
            BiConsumer<TrainingRun, Supplier<String>> launch,
            Consumer<RunFiles.Opened> opened) {
        this.i18n = i18n;
        this.fx = fx;
        this.run = run;
        this.data = data;
        this.info = info;
        this.error = error;
        this.launch = launch;
        this.opened = opened;
    }

    /**
     * Saves the current weights as a model file (atomically; never weights that are not finite). The future
     * completes on the FX executor, true when the file was written.
     */
    CompletableFuture<Boolean> saveModel(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (run.get() == null) {
            done.complete(false);
            return done;
        }
        RunFiles.saveModel(run.get(), file).whenComplete((ok, err) -> fx.execute(() -> {
            if (err == null) {
                info.accept(() -> I18n.format(i18n, "training.message.saved", file.getFileName()));
            } else {
                error.accept(() -> I18n.format(i18n, "training.message.saveFailed", RunFiles.why(i18n, err)));
            }
            done.complete(err == null);
        }));
        return done;
    }

    /**
     * Writes the current weights for PyTorch or Keras into the folder {@code dir}: weights, a check input and a
     * model.py that loads them and checks its outputs against the app's. The future completes on the FX executor
     * with the files written; exceptionally (with the reason) when nothing could be written.
     */
    CompletableFuture<List<Path>> exportModel(ModelExport.Target target, Path dir) {
        CompletableFuture<List<Path>> done = new CompletableFuture<>();
        if (run.get() == null) {
            done.completeExceptionally(new IllegalStateException(i18n.getString("training.message.noModel")));
            return done;
        }
        RunFiles.exportModel(run.get(), target, dir).whenComplete((files, err) -> fx.execute(() -> {
            if (err == null) {
                done.complete(files);
            } else {
                done.completeExceptionally(new IllegalStateException(RunFiles.why(i18n, err), err));
            }
        }));
        return done;
    }

    /**
     * Writes the run's data and the scripts that train its model on it into the folder {@code dir} (data.npz,
     * train_pytorch.py, train_keras.py); the message says where, or why not. The future completes on the FX
     * executor, true when the files were written.
     */
    CompletableFuture<Boolean> saveCodeAndData(Path dir) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (run.get() == null) {
            error.accept(() -> i18n.getString("training.message.noModel"));
            done.complete(false);
            return done;
        }
        RunFiles.saveCodeAndData(run.get(), dir).whenComplete((files, err) -> fx.execute(() -> {
            if (err == null) {
                info.accept(() -> I18n.format(i18n, "training.message.codeSaved", dir));
            } else {
                error.accept(() -> I18n.format(i18n, "training.message.saveFailed", RunFiles.why(i18n, err)));
            }
            done.complete(err == null);
        }));
        return done;
    }

    /** Saves weights, optimizer state and position, to resume bit-identically. */
    void saveCheckpoint(Path file) {
        if (run.get() == null) {
            return;
        }
        RunFiles.saveCheckpoint(run.get(), file).whenComplete((ok, err) -> fx.execute(() -> {
            if (err == null) {
                info.accept(() -> I18n.format(i18n, "training.message.checkpointSaved", file.getFileName()));
            } else {
                error.accept(() -> I18n.format(i18n, "training.message.saveFailed", RunFiles.why(i18n, err)));
            }
        }));
    }

    /** Opens a checkpoint: a paused run where the saved one stopped, shown in the form; Resume continues it. */
    void openCheckpoint(Path file) {
        RunFiles.openCheckpoint(file).whenComplete((checkpoint, err) -> fx.execute(() -> {
            if (err != null) {
                error.accept(() -> I18n.format(i18n, "training.message.openFailed", RunFiles.why(i18n, err)));
                return;
            }
            opened.accept(checkpoint);
            launch.accept(new TrainingRun(checkpoint.setup(), true),
                    () -> I18n.format(i18n, "training.message.resumed", file.getFileName()));
        }));
    }

    /**
     * Opens a model file paused on its task (the form's file for a model of the user's data), to train it further
     * (a fresh optimizer) or to debug it; the form shows the model's task, layers and settings; the message
     * says so, followed by each warning of the file (no checksum, fields this version ignored) in the app's
     * language. The future completes on the FX executor, true when the model was opened.
     */
    CompletableFuture<Boolean> openModel(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        UserData.Request own;
        try {
            own = data.get();
        } catch (IllegalArgumentException e) {
            own = null;   // the form's window or horizon is out of range: the model is opened without the file
        }
        RunFiles.openModel(file, own).whenComplete((model, err) -> fx.execute(() -> {
            if (err != null) {
                error.accept(() -> I18n.format(i18n, "training.message.openFailed", RunFiles.why(i18n, err)));
                done.complete(false);
                return;
            }
            opened.accept(model);
            launch.accept(new TrainingRun(model.setup(), true), () -> {
                String text = I18n.format(i18n, "training.message.modelOpened", file.getFileName());
                for (Message w : model.warnings()) {
                    text = I18n.format(i18n, "training.message.withNote", text, I18n.message(i18n, w));
                }
                return text;
            });
            done.complete(true);
        }));
        return done;
    }
}
