package org.lstmlab.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.interop.ModelExport;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.CheckupPanel;
import org.lstmlab.ui.common.DataFileLoading;
import org.lstmlab.ui.common.DebuggerLauncher;
import org.lstmlab.ui.common.FileNames;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.TaskTexts;
import org.lstmlab.ui.common.TrainSettings;

/**
 * The Train tab's logic, without a toolkit: the builder form, the generated Keras and PyTorch code
 * ({@link CodeTexts}), the run's controls ({@link RunControl}) and what the view shows of it ({@link RunDisplay},
 * {@link TabMessage}). The view calls {@link #pulse()} once per frame; it reads the run's latest snapshot and never
 * waits. Work that takes time (reading files) goes to a worker ({@link DataFileLoading}, {@link RunFileActions}),
 * and its result comes back through the {@code fx} executor.
 */
public final class TrainingViewModel {
    private final ResourceBundle i18n;
    private final Executor fx;
    private final TrainingForm form = new TrainingForm();
    private final ObservableList<Task> tasks = FXCollections.observableArrayList(
            org.lstmlab.ui.common.TaskChoices.all());
    private final TabMessage message = new TabMessage();
    private final RunDisplay display;
    private final CodeTexts code;
    private final RunControl control;
    private final ReadOnlyObjectWrapper<FieldsShown> fields = new ReadOnlyObjectWrapper<>();
    private final RunFileActions files;
    private final DataFileLoading dataFiles;
    private DebuggerLauncher debugger;
    private final ReadOnlyObjectWrapper<org.lstmlab.engine.lessons.TrainTabPart> partInView =
            new ReadOnlyObjectWrapper<>(org.lstmlab.engine.lessons.TrainTabPart.SETTINGS);
    private Function<Path, CompletableFuture<Boolean>> modelSaving = this::saveModel;
    /** Another tab's settings for its file, being read (applied once it is), or null. */
    private TrainSettings handedOver;
    /** The same while the reading asks for the request (within {@link #prepare}), else null. */
    private TrainSettings handing;
    /** The user's file last read and the task made of it, while the form may still have that task; or null. */
    private Path loadedFile;
    private Task loadedTask;
    /** The file last refused for a field, kept chosen to read again, and the form's file before it; or null. */
    private Path refusedFile;
    private Path beforeRefused;

    public TrainingViewModel(ResourceBundle i18n, Executor fx) {
        this(i18n, fx, TrainingRun::start);
    }

    /**
     * The same, each run's worker started by {@code starter} ({@link TrainingRun#start} in the app): a test may
     * wait in it for a run to end, to see a failure at once at its worst timing (before the run's first pulse).
     */
    TrainingViewModel(ResourceBundle i18n, Executor fx, java.util.function.Consumer<TrainingRun> starter) {
        this.i18n = i18n;
        this.fx = fx;
        this.display = new RunDisplay(i18n, message);
        this.code = new CodeTexts(i18n, form);
        this.control = new RunControl(i18n, form, message, display, this::deferStart, this::fileNotes, fx, starter);
        this.files = new RunFileActions(i18n, fx, control::run, form::chosenData, message::info, message::error,
                control::launch, o -> form.applyRun(o.task(), o.setup().run(), o.setup().config()));
        this.dataFiles = new DataFileLoading(i18n, fx, new DataFileLoading.Form() {
            @Override
            public org.lstmlab.engine.tasks.UserData.Request request(Path file, boolean windowChosen) {
                return handing != null ? handing.data() : form.userData(file, windowChosen);
            }

            @Override
            public boolean windowChosen() {
                // else it was not on show; a file handed over comes with the window it was read with
                return handing != null || form.task.get() instanceof org.lstmlab.engine.tasks.SeriesTask;
            }

            @Override
            public Path chosen() {
                return form.dataFile.get();
            }

            @Override
            public void loaded(Path file, Task t) {
                form.applyDefaults(t);
                form.dataFile.set(file);
                loadedFile = file;
                loadedTask = t;
                control.forgetFinishedRun();
                TrainSettings s = handedOver;
                handedOver = null;
                if (s != null && s.data().file().equals(file)) {   // the file handed over: its model's settings
                    // a CSV file's length is the window it was read with, a text's the length its model had
                    int steps = s.data().charLm() && s.steps() > 0 ? s.steps() : t.defaultSteps();
                    form.apply(new TrainSettings(t, s.cell(), steps, s.hidden(), s.epochs(), s.config()));
                }
            }

            @Override
            public void refused(Path file) {
                handedOver = null;
                if (!isRefusedChosen()) {
                    beforeRefused = form.dataFile.get();
                }
                refusedFile = file;
                form.dataFile.set(file);
            }

            @Override
            public void notLoaded() {
                handedOver = null;
                if (isRefusedChosen()) {   // the form's task goes with the file it was read from again
                    form.dataFile.set(beforeRefused);
                }
                refusedFile = null;
            }

            @Override
            public String kept() {
                return keptTask();
            }
        }, "training.message.dataFailedFields", "training.message.dataFailedKept", message::info, message::error,
                message::details);
        form.task.addListener((o, a, b) -> {
            showFields();
            if (b != null) {
                display.expect(b.metric());
            }
        });
        form.dataFile.addListener((o, a, b) -> showFields());
        form.classes.addListener((o, a, b) -> showFields());
        form.applyDefaults(Tasks.byName("adding"));
        showFields();
    }

    private void showFields() {
        fields.set(FieldsShown.of(form.task.get(), form.dataFile.get(), form.classes.get()));
    }

    /** Whether the form's file is one refused for a field, kept to read again. */
    private boolean isRefusedChosen() {
        return refusedFile != null && refusedFile.equals(form.dataFile.get());
    }

    /**
     * The task the form still has, which a refused file did not replace: its title, with the file it was read from
     * when it is the user's ("Your CSV series (load.csv)").
     */
    private String keptTask() {
        Task t = form.task.get();
        if (t == null) {
            return "";
        }
        String title = TaskTexts.choice(i18n, t);
        return t == loadedTask ? I18n.format(i18n, "training.message.keptFile", title, loadedFile.getFileName())
                : title;
    }

    public TrainingForm form() {
        return form;
    }

    /**
     * Which part of the tab to bring into view when another tab sets it up: a lesson step's {@code show} (the code it
     * talks about, the charts), the settings just filled in when it names none. The view scrolls there.
     */
    public void bringIntoView(org.lstmlab.engine.lessons.TrainTabPart part) {
        partInView.set(part == null ? org.lstmlab.engine.lessons.TrainTabPart.SETTINGS : part);
    }

    public ReadOnlyObjectProperty<org.lstmlab.engine.lessons.TrainTabPart> partInViewProperty() {
        return partInView.getReadOnlyProperty();
    }

    public ObservableList<Task> tasks() {
        return tasks;
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return display.snapshotProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return display.stateProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return display.statusProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    /** Whether the message reports a problem (shown in red) rather than news such as "Saved the model". */
    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return message.isErrorProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return display.progressProperty();
    }

    public ReadOnlyStringProperty kerasCodeProperty() {
        return code.kerasProperty();
    }

    public ReadOnlyStringProperty torchCodeProperty() {
        return code.torchProperty();
    }

    /** The lines of the Keras code that {@code show: code} brings into view: {@code model.fit} and its comments. */
    CodeFocus kerasFocus() {
        return CodeFocus.keras(code.kerasProperty().get());
    }

    /** The same in the PyTorch code: the training loop and its comments. */
    CodeFocus torchFocus() {
        return CodeFocus.torch(code.torchProperty().get());
    }

    /** The head and loss the data fixes, e.g. "Dense(1, sigmoid)", a line break, "binary_crossentropy". */
    public ReadOnlyStringProperty headProperty() {
        return code.headProperty();
    }

    public ReadOnlyStringProperty criterionProperty() {
        return code.criterionProperty();
    }

    /** The run's warning signs after its last finished epoch, and the lesson that explains them. */
    public CheckupPanel checkup() {
        return display.checkup();
    }

    /** The task's verdict after the last finished epoch, with its measure, threshold and baseline; or empty. */
    public ReadOnlyStringProperty verdictProperty() {
        return display.verdictProperty();
    }

    /**
     * Every problem of a data file that was refused, one per line, when there is more than the message names;
     * else empty.
     */
    public ReadOnlyStringProperty detailsProperty() {
        return message.detailsProperty();
    }

    /** Which data fields apply to the chosen task, and the range of its length. */
    public ReadOnlyObjectProperty<FieldsShown> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    /** The verdict's measure per epoch, with its threshold and baseline, for the second chart. */
    ReadOnlyObjectProperty<MetricChart> metricChartProperty() {
        return display.metricChartProperty();
    }

    /** No run, or the last one is over: the form may change and Start is offered. */
    public ReadOnlyBooleanProperty idleProperty() {
        return display.idleProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return display.canPauseProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return display.canResumeProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return display.canStopProperty();
    }

    /** A run has a model to save or to open in the debugger. */
    public ReadOnlyBooleanProperty hasModelProperty() {
        return display.hasModelProperty();
    }

    /**
     * "Save code and data\u2026" has a run to write (a model, its data and settings): the tab's button and the
     * window's File menu offer it then, and only then.
     */
    public ReadOnlyBooleanProperty canSaveCodeProperty() {
        return display.hasModelProperty();
    }

    public DoubleProperty temperatureProperty() {
        return control.temperatureProperty();
    }

    /** Where "Open in debugger" sends the model; MainWindow connects it to the Debugger tab. */
    public void setDebuggerLauncher(DebuggerLauncher launcher) {
        this.debugger = launcher;
    }

    /** The current run, or null (for tests and the Compare tab). */
    public TrainingRun run() {
        return control.run();
    }

    // ---------------------------------------------------------------- form

    /**
     * Another tab's settings ({@link TrainSettings}): a built-in task with its defaults and then the settings; or
     * the user's file, read again as the settings say through the tab's own loading (a file that has become bad is
     * refused with the usual message), its fields on show, and once read its model's cell, epochs and settings.
     */
    public void prepare(TrainSettings s) {
        if (s.data() == null) {
            chooseTask(s.task());
            form.apply(s);
            return;
        }
        form.showData(s.data());
        form.cell.set(s.cell());
        handedOver = s;
        handing = s;
        try {
            dataFiles.choose(s.data().file());
        } finally {
            handing = null;
        }
    }

    /** Chooses a built-in task and fills the form with its defaults; the last run's charts go. */
    public void chooseTask(Task t) {
        handedOver = null;
        form.dataFile.set(null);
        form.applyDefaults(t);
        message.info(() -> "");
        control.forgetFinishedRun();
    }

    /**
     * Uses the user's file: a .txt file becomes a character model, anything else a CSV series with the form's
     * columns, target, window (the sequence length) and horizon ({@link DataFileLoading}).
     */
    public void chooseDataFile(Path file) {
        handedOver = null;
        dataFiles.choose(file);
    }

    // ---------------------------------------------------------------- run

    /** Keeps a start for when the chosen file has been read, if one is being read ({@link DataFileLoading}). */
    private boolean deferStart(Runnable start) {
        return dataFiles.deferStart(start);
    }

    private java.util.function.Supplier<String> fileNotes(org.lstmlab.engine.tasks.UserData.Request data) {
        return dataFiles.notesFor(data);
    }

    /** Starts a new run from the form (stopping one that is still going). */
    public void start() {
        control.start();
    }

    /**
     * Trains the finished run's model as many epochs further as the form's Epochs field says, as one run: its
     * charts go on (Keras' {@code fit} called again).
     */
    public void trainMore() {
        control.trainMore(form.epochsProperty().get());
    }

    /** "Train 10 more epochs", the number from the Epochs field. */
    public StringBinding trainMoreLabel() {
        return Bindings.createStringBinding(() -> I18n.format(i18n, "training.trainMore",
                form.epochsProperty().get()), form.epochsProperty());
    }

    /** A run finished all its epochs: Train more is offered. */
    public ReadOnlyBooleanProperty canTrainMoreProperty() {
        return display.canTrainMoreProperty();
    }

    /** Stops the current run and starts a new one with the same form. */
    public void restart() {
        control.start();
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** One step while paused (pauses first if running). */
    public void step() {
        control.step();
    }

    public void stop() {
        control.stop();
    }

    /** Reads the latest snapshot, if it is new; call once per frame. */
    public void pulse() {
        control.pulse();
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
    public void setModelSaving(Function<Path, CompletableFuture<Boolean>> saving) {
        modelSaving = saving;
    }

    /** The tab's Files ▸ Save model once its dialog gave {@code file}; a bare name gets ".safetensors". */
    public CompletableFuture<Boolean> saveModelChosen(Path file) {
        return modelSaving.apply(FileNames.withExtension(file, "safetensors"));
    }

    /** Writes the weights for PyTorch or Keras into the folder {@code dir}; the files written, or the reason. */
    public CompletableFuture<List<Path>> exportModel(ModelExport.Target target, Path dir) {
        return files.exportModel(target, dir);
    }

    /** Writes data.npz, train_pytorch.py and train_keras.py into {@code dir}: the code, runnable on the run's data. */
    public CompletableFuture<Boolean> saveCodeAndData(Path dir) {
        return files.saveCodeAndData(dir);
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
        DebuggerOpening.open(i18n, fx, control.run(), debugger, message::info, message::error);
    }

    /** Says again, in the bundle's current language, what is on show (after View ▸ Language). */
    public void relabel() {
        code.refresh();
        message.relabel();
        display.relabel();
    }

    /** Stops the run (closing the window). */
    public void shutdown() {
        control.stop();
    }
}
