package org.lstmlab.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.interop.ModelExport;
import org.lstmlab.engine.session.LearningProgress;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.CheckupPanel;
import org.lstmlab.ui.common.DebuggerLauncher;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Sentence;
import org.lstmlab.ui.common.TaskTexts;

/**
 * The Train tab's logic, without a toolkit: the builder form, the generated Keras and PyTorch code, the run's
 * controls and what the view shows of it. The view calls {@link #pulse()} once per frame; it reads the run's
 * latest snapshot and never waits. Work that takes time (reading files) goes to a worker, and its result comes
 * back through the {@code fx} executor.
 */
public final class TrainingViewModel {
    private final ResourceBundle i18n;
    private final Executor fx;
    private final TrainingForm form = new TrainingForm();
    private final ObservableList<Task> tasks = FXCollections.observableArrayList(Tasks.all());
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final Sentence message = new Sentence();   // follows View ▸ Language
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper kerasCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper torchCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper head = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper criterion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final CheckupPanel checkup = new CheckupPanel();
    private final Sentence details = new Sentence();
    private final ReadOnlyObjectWrapper<MetricChart> metricChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FieldsShown> fields = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper idle = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty temperature = new SimpleDoubleProperty(0.8);
    private final Map<Task, Dataset> shapes = new java.util.IdentityHashMap<>();
    private final RunFileActions files;
    private final DataFileLoading dataFiles;
    private TrainingRun run;
    private long shownVersion = -1;
    private DebuggerLauncher debugger;
    private java.util.function.Function<Path, CompletableFuture<Boolean>> modelSaving = this::saveModel;

    public TrainingViewModel(ResourceBundle i18n, Executor fx) {
        this.i18n = i18n;
        showReady();
        this.files = new RunFileActions(i18n, fx, () -> run, form::chosenData, this::info, this::error, this::launch,
                o -> form.applyRun(o.task(), o.setup().run(), o.setup().config()));
        this.dataFiles = new DataFileLoading(i18n, fx, form, this::info, this::error, details::say,
                this::forgetFinishedRun);
        this.fx = fx;
        form.task.addListener((o, a, b) -> {
            refreshCode();
            fields.set(FieldsShown.of(b, form.dataFile.get() != null));
        });
        form.dataFile.addListener((o, a, b) -> fields.set(FieldsShown.of(form.task.get(), b != null)));
        for (var p : List.of(form.steps, form.units, form.layers, form.batchSize, form.epochs)) {
            p.addListener((o, a, b) -> refreshCode());
        }
        for (var p : List.of(form.learningRate, form.clipNorm, form.seed)) {
            p.addListener((o, a, b) -> refreshCode());
        }
        form.optimizer.addListener((o, a, b) -> refreshCode());
        form.cell.addListener((o, a, b) -> refreshCode());
        form.torchFlavour.addListener((o, a, b) -> refreshCode());
        form.precision.addListener((o, a, b) -> refreshCode());
        temperature.addListener((o, a, b) -> {
            if (run != null) {
                run.setTemperature(b.doubleValue());
            }
        });
        form.applyDefaults(Tasks.byName("adding"));
        fields.set(FieldsShown.of(form.task.get(), false));
        metricChart.set(MetricChart.of(i18n, List.of()));
        updateState(null);
    }

    public TrainingForm form() {
        return form;
    }

    public ObservableList<Task> tasks() {
        return tasks;
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    /** Whether the message reports a problem (shown in red) rather than news such as "Saved the model". */
    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** Shows news; {@code text} writes it in the bundle's language, and again after View ▸ Language. */
    private void info(Supplier<String> text) {
        messageIsError.set(false);
        message.say(text);
    }

    /** Shows a problem, written as {@link #info} writes news. */
    private void error(Supplier<String> text) {
        messageIsError.set(true);
        message.say(text);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kerasCodeProperty() {
        return kerasCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty torchCodeProperty() {
        return torchCode.getReadOnlyProperty();
    }

    /** The head and loss the data fixes, e.g. "Dense(1, sigmoid)", a line break, "binary_crossentropy". */
    public ReadOnlyStringProperty headProperty() {
        return head.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty criterionProperty() {
        return criterion.getReadOnlyProperty();
    }

    /** The run's warning signs after its last finished epoch, and the lesson that explains them. */
    public CheckupPanel checkup() {
        return checkup;
    }

    /** The task's verdict after the last finished epoch, with its measure, threshold and baseline; or empty. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /**
     * Every problem of a data file that was refused, one per line, when there is more than the message names;
     * else empty.
     */
    public ReadOnlyStringProperty detailsProperty() {
        return details.textProperty();
    }

    /** Which data fields apply to the chosen task, and the range of its length. */
    public ReadOnlyObjectProperty<FieldsShown> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    /** The verdict's measure per epoch, with its threshold and baseline, for the second chart. */
    ReadOnlyObjectProperty<MetricChart> metricChartProperty() {
        return metricChart.getReadOnlyProperty();
    }

    /** No run, or the last one is over: the form may change and Start is offered. */
    public ReadOnlyBooleanProperty idleProperty() {
        return idle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    /** A run has a model to save or to open in the debugger. */
    public ReadOnlyBooleanProperty hasModelProperty() {
        return hasModel.getReadOnlyProperty();
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    /** Where "Open in debugger" sends the model; MainWindow connects it to the Debugger tab. */
    public void setDebuggerLauncher(DebuggerLauncher launcher) {
        this.debugger = launcher;
    }

    /** The current run, or null (for tests and the Compare tab). */
    public TrainingRun run() {
        return run;
    }

    // ---------------------------------------------------------------- form

    /** Chooses a built-in task and fills the form with its defaults; the last run's charts go. */
    public void chooseTask(Task t) {
        form.dataFile.set(null);
        form.applyDefaults(t);
        info(() -> "");
        forgetFinishedRun();
    }

    /** A new task makes the last run's charts and verdict meaningless: drop them (a running run stays). */
    private void forgetFinishedRun() {
        if (run != null && !run.latest().state().isOver()) {
            return;
        }
        run = null;
        shownVersion = -1;
        snapshot.set(null);
        verdict.set("");
        checkup.clear();
        metricChart.set(MetricChart.of(i18n, List.of()));
        progress.set(0);
        showReady();
        updateState(null);
    }

    /** The status line before a run: what to do next. */
    private void showReady() {
        status.set(i18n.getString("training.status.ready"));
    }

    /**
     * Uses the user's file: a .txt file becomes a character model, anything else a CSV series with the form's
     * columns, target, window (the sequence length) and horizon ({@link DataFileLoading}).
     */
    public void chooseDataFile(Path file) {
        dataFiles.choose(file);
    }

    private void refreshCode() {
        Task t = form.task.get();
        if (t == null) {
            return;
        }
        criterion.set(TaskTexts.criterion(i18n, t));
        CodePreview code = CodePreview.of(i18n, t, () -> shape(t), form);
        kerasCode.set(code.keras());
        torchCode.set(code.torch());
        code.head().ifPresent(head::set);
    }

    /**
     * The task's data at its default length, generated once per task for its shapes (input and output sizes do
     * not depend on the length; whether lengths vary within a set does not either).
     */
    private Dataset shape(Task t) {
        return shapes.computeIfAbsent(t, k -> k.generate(0, 1));
    }

    // ---------------------------------------------------------------- run

    /** Starts a new run from the form (stopping one that is still going). */
    public void start() {
        startRun(false);
    }

    /** Stops the current run and starts a new one with the same form. */
    public void restart() {
        startRun(false);
    }

    private void startRun(boolean paused) {
        if (dataFiles.deferStart(() -> startRun(paused))) {
            return;   // a chosen file is still being read: the run starts on it once it is
        }
        Task t = form.task.get();
        RunSetup setup;
        try {
            TrainingConfig c = form.config();
            RunRecord record = runRecord();
            RunSetup.TaskSource source = () -> t;
            if (record.data() != null) {
                source = record::openTask;   // the encoding, columns, window or horizon may have changed: read again
            }
            setup = new RunSetup(source, record, c, null);
        } catch (TrainingForm.FieldException e) {
            error(() -> I18n.format(i18n, "training.error.notNumber", i18n.getString(e.field()), e.text()));
            return;
        } catch (IllegalArgumentException e) {
            error(() -> I18n.format(i18n, "training.message.cannotStart", I18n.explain(i18n, e)));
            return;
        }
        launch(new TrainingRun(setup, paused));
    }

    void launch(TrainingRun next) {
        if (run != null) {
            run.stop();
        }
        run = next;
        shownVersion = -1;
        info(() -> "");
        details.say(() -> "");
        verdict.set("");
        checkup.clear();
        run.setTemperature(temperature.get());
        run.start();
        pulse();
    }

    /** The form's data and model, as a checkpoint records them. */
    RunRecord runRecord() {
        Task t = form.task.get();
        UserData.Request data = form.chosenData();
        boolean csv = data != null && !data.charLm();
        int steps = csv || !t.lengthAdjustable() ? 0 : form.steps.get();
        return new RunRecord(t.name(), steps, form.cell.get(), form.units.get(), Math.max(1, form.layers.get()),
                form.validationSplit.get(), 0, 0, data);
    }

    public void pause() {
        if (run != null) {
            run.pause();
        }
    }

    public void resume() {
        if (run != null) {
            run.resume();
        }
    }

    /** One step while paused (pauses first if running). */
    public void step() {
        if (run != null) {
            run.pause();
            run.stepOnce();
        }
    }

    public void stop() {
        if (run != null) {
            run.stop();
        }
    }

    /** Reads the latest snapshot, if it is new; call once per frame. */
    public void pulse() {
        if (run == null) {
            return;
        }
        TrainingSnapshot s = run.latest();
        if (s.version() == shownVersion && shownVersion >= 0) {
            return;
        }
        shownVersion = s.version();
        snapshot.set(s);
        progress.set(s.progress());
        status.set(RunText.status(i18n, s));
        if (s.lastEpoch() != null) {
            verdict.set(VerdictText.of(i18n, s.lastEpoch()));
        }
        checkup.show(i18n, s.checkup(), s.state().isOver() ? LearningProgress.of(s.epochMetrics()) : null);
        metricChart.set(MetricChart.of(i18n, s.epochMetrics()));
        if (s.state() == RunState.HALTED) {
            error(() -> s.failure() != null ? I18n.explain(i18n, s.failure()) : s.message());
        } else if (s.state() == RunState.FAILED) {
            error(() -> RunText.failed(i18n, s.failure(), s.message()));
            details.say(() -> ProblemList.of(i18n, s.failure()));
        } else if (s.skippedSteps() > 0 && !s.state().isOver()) {
            error(() -> I18n.format(i18n, "training.message.skipped", s.skippedSteps()));
        }
        updateState(s.state());
    }

    private void updateState(RunState s) {
        state.set(s);
        boolean over = s == null || s.isOver();
        idle.set(over);
        canPause.set(s == RunState.RUNNING || s == RunState.PREPARING);
        canResume.set(s == RunState.PAUSED);
        canStop.set(!over);
        hasModel.set(s != null && s != RunState.PREPARING && s != RunState.FAILED);
    }

    // ---------------------------------------------------------------- files and the debugger

    /** Saves the weights as a model file; true, on the FX executor, when written ({@link RunFileActions}). */
    public CompletableFuture<Boolean> saveModel(Path file) {
        return files.saveModel(file);
    }

    /**
     * Where the tab's Files ▸ Save model writes: the main window sends it through File ▸ Save Model, so that the
     * window knows the model is saved; without a window, straight to the file ({@link #saveModel}).
     */
    public void setModelSaving(java.util.function.Function<Path, CompletableFuture<Boolean>> saving) {
        modelSaving = saving;
    }

    /** The tab's Files ▸ Save model once its dialog gave {@code file}; a bare name gets ".safetensors". */
    public CompletableFuture<Boolean> saveModelChosen(Path file) {
        return modelSaving.apply(org.lstmlab.ui.common.FileNames.withExtension(file, "safetensors"));
    }

    /** Writes the weights for PyTorch or Keras into the folder {@code dir}; the files written, or the reason. */
    public CompletableFuture<List<Path>> exportModel(ModelExport.Target target, Path dir) {
        return files.exportModel(target, dir);
    }

    /** Saves weights, optimizer state and position, to resume bit-identically. */
    public void saveCheckpoint(Path file) {
        files.saveCheckpoint(file);
    }

    /**
     * Opens a checkpoint: a paused run where the saved one stopped; Resume continues it. The form shows what the run
     * is made of, so that Restart trains the same again from the start.
     */
    public void openCheckpoint(Path file) {
        files.openCheckpoint(file);
    }

    /**
     * Opens a model file paused on its task, to train further or debug; the form shows its task, layers and training
     * settings (Restart trains a fresh model like it). True, on the FX executor, when opened.
     */
    public CompletableFuture<Boolean> openModel(Path file) {
        return files.openModel(file);
    }

    /**
     * Pauses, picks a validation sample the model gets wrong (or the first one), and hands a copy of the weights
     * and the sample to the debugger ({@link DebuggerOpening}).
     */
    public void openInDebugger() {
        DebuggerOpening.open(i18n, fx, run, debugger, this::info, this::error);
    }

    /** Says again, in the bundle's current language, what is on show (after View ▸ Language). */
    public void relabel() {
        refreshCode();
        message.relabel();
        details.relabel();
        TrainingSnapshot s = snapshot.get();
        if (s != null) {
            status.set(RunText.status(i18n, s));
            if (s.lastEpoch() != null) {
                verdict.set(VerdictText.of(i18n, s.lastEpoch()));
            }
            checkup.relabel(i18n);
            metricChart.set(MetricChart.of(i18n, s.epochMetrics()));
        } else {
            showReady();  // no run yet (or the last one forgotten): what to do next
        }
    }

    /** Stops the run (closing the window). */
    public void shutdown() {
        if (run != null) {
            run.stop();
        }
    }
}
