package org.lstmlab.ui.training;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.TaskTexts;
import org.lstmlab.ui.common.TrainingThreads;

/**
 * The Train tab's own data: reads the user's file on a worker (a .txt file becomes a character model, anything else
 * a CSV series with the form's columns, target, window and horizon) and, back on the FX executor, makes it the
 * form's task, or says in the tab's message why it could not (with every problem found in the details). Start
 * pressed while a file is read waits for it ({@link #deferStart}).
 */
final class DataFileLoading {
    private final ResourceBundle i18n;
    private final Executor fx;
    private final TrainingForm form;
    private final Consumer<Supplier<String>> info;
    private final Consumer<Supplier<String>> error;
    private final Consumer<Supplier<String>> details;
    private final Runnable loaded;
    private int reading;            // files chosen and not read yet (FX executor only)
    private Runnable startWhenRead;  // Start pressed meanwhile, or null

    /**
     * @param info    shows news ("Loading …", "Loaded …")
     * @param error   shows a problem
     * @param details shows every problem found, or clears them
     * @param loaded  runs after the file became the form's task (the last run's charts no longer apply)
     */
    DataFileLoading(ResourceBundle i18n, Executor fx, TrainingForm form, Consumer<Supplier<String>> info,
                    Consumer<Supplier<String>> error, Consumer<Supplier<String>> details, Runnable loaded) {
        this.i18n = i18n;
        this.fx = fx;
        this.form = form;
        this.info = info;
        this.error = error;
        this.details = details;
        this.loaded = loaded;
    }

    void choose(Path file) {
        info.accept(() -> I18n.format(i18n, "training.message.loading", file.getFileName()));
        details.accept(() -> "");
        UserData.Request request;
        try {
            request = form.userData(file, form.task.get() instanceof SeriesTask);
        } catch (IllegalArgumentException e) {
            error.accept(() -> I18n.format(i18n, "training.message.dataFailed", file.getFileName(),
                    I18n.explain(i18n, e)));
            return;
        }
        reading++;
        TrainingThreads.files().execute(() -> {
            try {
                UserData.Loaded read = UserData.read(request);
                Task t = read.task();
                fx.execute(() -> {
                    reading--;
                    form.applyDefaults(t);
                    form.dataFile.set(file);
                    loaded.run();
                    info.accept(() -> I18n.format(i18n, read.detected() ? "training.message.loadedDetected"
                            : "training.message.loaded", file.getFileName(), TaskTexts.description(i18n, t),
                            read.charset().name()));
                    if (reading == 0 && startWhenRead != null) {
                        Runnable start = startWhenRead;
                        startWhenRead = null;
                        start.run();
                    }
                });
            } catch (Exception e) {
                fx.execute(() -> {
                    reading--;
                    startWhenRead = null;   // the run the user asked for cannot be made: the problem stays on show
                    error.accept(() -> I18n.format(i18n, "training.message.dataFailed", file.getFileName(),
                            I18n.explain(i18n, e)));
                    details.accept(() -> ProblemList.of(i18n, e));
                });
            }
        });
    }

    /**
     * While a chosen file is still being read, keeps {@code start} to run once it has been read (and drops it when
     * the file is refused) and returns true: a run pressed for meanwhile trains on that file, not the form's last
     * task. Returns false when no file is being read.
     */
    boolean deferStart(Runnable start) {
        if (reading == 0) {
            return false;
        }
        startWhenRead = start;
        return true;
    }
}
