package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.DebuggerLauncher;

/**
 * The debugger's state and commands, free of any scene-graph type so that plain JUnit tests drive it. The view
 * binds to its properties, forwards the user's actions to its methods, and calls {@link #pulse(long)} once per
 * frame; traces are computed by the {@link DebuggerWorker}, and the FX thread only reads them.
 */
public final class DebuggerViewModel implements DebuggerLauncher {
    /** Continue speeds at or above this many equations per second jump straight to the stop. */
    public static final double INSTANT = 200;

    private final ResourceBundle i18n;
    private final DebuggerWorker worker;
    private final SetupForm form;
    private final EditHistory history = new EditHistory();
    private final Stepper stepper;

    private final ReadOnlyObjectWrapper<TraceJob.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Setup> setup = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty unit = new SimpleIntegerProperty(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper trainedAvailable = new ReadOnlyBooleanWrapper(false);
    private TrainedModel fileModel;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Substitution> substitution = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper revision =
            new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private boolean publishing;
    private final WatchList watches;
    private final ObservableList<Companion> companions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final StringProperty jumpText = new SimpleStringProperty("");
    private final StringProperty unitText = new SimpleStringProperty("0");
    private final ReadOnlyStringWrapper jumpError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unitError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper watchError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WeightPreset> modelFileRequest = new ReadOnlyObjectWrapper<>();
    private final WeightEditor weightEditor;
    private final Highlights highlights = new Highlights();
    private boolean applying;

    private Workspace workspace;
    private TrainedModel trained;
    private long generation;
    private boolean tracing;
    private final List<Runnable> afterTrace = new java.util.ArrayList<>();
    private final java.util.Set<CellType> sameWeights = java.util.EnumSet.noneOf(CellType.class);

    public DebuggerViewModel(ResourceBundle i18n, DebuggerWorker worker) {
        this.i18n = i18n;
        this.worker = worker;
        this.form = new SetupForm(i18n);
        this.stepper = new Stepper(i18n, worker, status);
        this.watches = new WatchList(i18n, worker);
        this.weightEditor = new WeightEditor(i18n, this::editWeight);
        stepper.cursorProperty().addListener((o, a, b) -> onCursor());
        unit.addListener((o, a, b) -> onCursor());
    }

    // ------------------------------------------------------------------------------------------------ properties

    public SetupForm form() {
        return form;
    }

    public Stepper stepper() {
        return stepper;
    }

    public ReadOnlyObjectProperty<TraceJob.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The current trace, or null before the first one arrives. */
    public Trace trace() {
        return result.get() == null ? null : result.get().trace();
    }

    public ReadOnlyObjectProperty<Setup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Cursor> cursorProperty() {
        return stepper.cursorProperty();
    }

    public Cursor cursor() {
        return stepper.cursorProperty().get();
    }

    /** The followed unit (0-based): shown in full in the substitution, on the diagram and in sparklines. */
    public IntegerProperty unitProperty() {
        return unit;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty trainedAvailableProperty() {
        return trainedAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Substitution> substitutionProperty() {
        return substitution.getReadOnlyProperty();
    }

    /** Counts redraws: changes after the cursor, the unit or the trace have all been applied. Views listen to it. */
    public javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObservableList<WatchRow> watches() {
        return watches.rows();
    }

    /** "Forward  t = 5 of 20, layer 0: forget gate": where the cursor stands, above the equations. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The text of the "t =" field: follows the cursor, and {@link #jumpTo(String)} reads what the user typed. */
    public StringProperty jumpTextProperty() {
        return jumpText;
    }

    /** The text of the "Follow unit" field: follows the unit, and {@link #followUnit(String)} reads it. */
    public StringProperty unitTextProperty() {
        return unitText;
    }

    public ReadOnlyStringProperty jumpErrorProperty() {
        return jumpError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unitErrorProperty() {
        return unitError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty watchErrorProperty() {
        return watchError.getReadOnlyProperty();
    }

    /** The message under the input table after a refused edit; empty otherwise. */
    public ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /**
     * Set when "Model file…" is chosen while no file is open: the view asks for a file and then calls
     * {@link #openModelFile} or {@link #cancelModelFile()}. The value is the weights to go back to on cancel.
     */
    public ReadOnlyObjectProperty<WeightPreset> modelFileRequestProperty() {
        return modelFileRequest.getReadOnlyProperty();
    }

    public WeightEditor weightEditor() {
        return weightEditor;
    }

    /** What a lesson points at; see {@link #highlightEquation}, {@link #highlightPart}, {@link #highlightHeatmap}. */
    public Highlights highlights() {
        return highlights;
    }

    public ObservableList<Companion> companions() {
        return companions;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The equations of the current cell and direction. */
    public List<Equation> equations() {
        return stepper.navigator() == null ? List.of() : stepper.navigator().equations();
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /** Chooses the cell and applies the set-up, as the Cell box does; returns whether it was applied. */
    public boolean chooseCell(CellType cell) {
        form.cellProperty().set(cell);
        return applySetup();
    }

    /** Chooses where the input comes from and applies the set-up, as the Input box does. */
    public boolean chooseInput(InputPreset input) {
        form.inputProperty().set(input);
        return applySetup();
    }

    /**
     * Chooses the weights and applies the set-up, as the Weights box does. Choosing {@link WeightPreset#FILE}
     * before any file is open asks for one ({@link #modelFileRequestProperty()}) and applies nothing yet.
     */
    public boolean chooseWeights(WeightPreset weights) {
        WeightPreset before = setup.get() == null ? form.weightsProperty().get() : setup.get().weights();
        form.weightsProperty().set(weights);
        if (weights == WeightPreset.FILE && fileModel == null) {
            modelFileRequest.set(before == WeightPreset.FILE ? WeightPreset.RANDOM_TORCH : before);
            return false;
        }
        return applySetup();
    }

    /** Chooses what backpropagation starts from and applies the set-up, as the Loss box does. */
    public boolean chooseLoss(LossKind loss) {
        form.lossProperty().set(loss);
        return applySetup();
    }

    /** Types {@code text} into a set-up field ({@link SetupForm#STEPS}, ...) and applies, as Enter does. */
    public boolean setField(String field, String text) {
        form.text(field).set(text);
        return applySetup();
    }

    /** The file chooser was cancelled: the Weights box goes back to what it showed before. */
    public void cancelModelFile() {
        WeightPreset back = modelFileRequest.get();
        modelFileRequest.set(null);
        if (back != null && fileModel == null && form.weightsProperty().get() == WeightPreset.FILE) {
            form.weightsProperty().set(back);
        }
    }

    /**
     * Validates the form and, if every field is good, rebuilds the numbers and traces them; else changes nothing.
     * The form's own updates while a set-up is applied (showing the sizes a preset fixed) do not apply it again.
     */
    public boolean applySetup() {
        if (applying) {
            return false;
        }
        applying = true;
        try {
            return apply();
        } finally {
            applying = false;
        }
    }

    private boolean apply() {
        Setup s = form.validate();
        if (s == null) {
            if (setup.get() != null && !form.weightsProperty().get().supports(form.cellProperty().get())) {
                Setup keep = setup.get();
                String msg = form.error(SetupForm.WEIGHTS).get();
                form.cellProperty().set(keep.cell());
                form.weightsProperty().set(keep.weights());
                form.error(SetupForm.WEIGHTS).set(msg);
            }
            return false;
        }
        TrainedModel source = s.weights() == WeightPreset.FILE ? fileModel : trained;
        if (s.weights().isModel() && source == null) {
            form.error(SetupForm.WEIGHTS).set(i18n.getString(s.weights() == WeightPreset.FILE
                    ? "debugger.error.noModelFile" : "debugger.error.noTrainedModel"));
            return false;
        }
        WorkspaceFactory.Built built = WorkspaceFactory.build(s, workspace, source);
        workspace = built.workspace();
        history.clear();
        updateUndo();
        form.show(built.setup());
        setup.set(built.setup());
        title.set(s.weights().isModel() ? source.title() : "");
        recompute();
        return true;
    }

    /** Whether a model file has been opened (the FILE weights have something to show). */
    public boolean hasModelFile() {
        return fileModel != null;
    }

    /**
     * Reads a model file on the worker and shows it with the current input when its size fits the model, else with
     * a sine of the model's input size. A file that cannot be used leaves everything as it was and says why next to
     * the weights field.
     *
     * @param fallback the weights to go back to if the file cannot be used
     */
    public void openModelFile(java.nio.file.Path file, WeightPreset fallback) {
        modelFileRequest.set(null);
        worker.submit(p -> {
            try {
                return org.lstmlab.engine.interop.ModelImport.load(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, loaded -> {
            SequenceModel model = loaded.model();
            int d = model.spec().inputSize();
            int steps = workspace != null ? workspace.steps() : 20;
            double[] x = workspace != null && workspace.inputSize() == d ? workspace.inputValues()
                    : InputPreset.SINE.generate(steps, d, "").values();
            SequenceInput sample = SequenceInput.dense(x.clone(), steps, 1, d);
            fileModel = TrainedModel.copyOf(model, sample, null, 0, file.getFileName().toString());
            form.weightsProperty().set(WeightPreset.FILE);
            form.cellProperty().set(model.spec().cell());
            applySetup();
        }, e -> {
            String why = e instanceof java.io.UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            if (form.weightsProperty().get() == WeightPreset.FILE && fileModel == null) {
                form.weightsProperty().set(fallback);
            }
            form.error(SetupForm.WEIGHTS).set(I18n.format(i18n, "debugger.error.modelFile", why));
        });
    }

    /**
     * Writes the trace on show (forward, and backward when it has been recorded) to a {@code .csv}, {@code .json} or
     * {@code .safetensors} file on the worker; the status line says where, or why not.
     */
    public void exportTrace(java.nio.file.Path file) {
        Trace tr = trace();
        if (tr == null) {
            return;
        }
        worker.submit(p -> {
            try {
                org.lstmlab.engine.interop.TraceExport.write(file, tr);
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, f -> status.set(I18n.format(i18n, "debugger.status.exported", f.getFileName())),
                e -> status.set(I18n.format(i18n, "debugger.status.failed",
                        e instanceof java.io.UncheckedIOException u ? u.getCause().getMessage() : e.getMessage())));
    }

    /** Opens a copy of a trained model with one sample in the debugger (called by the Train tab). */
    @Override
    public void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence, String name) {
        trained = TrainedModel.copyOf(model, sample, targets, sequence, name);
        trainedAvailable.set(true);
        form.weightsProperty().set(WeightPreset.TRAINED);
        form.cellProperty().set(model.spec().cell());
        applySetup();
    }

    // ------------------------------------------------------------------------------------------------ tracing

    private void recompute() {
        stepper.pause();
        long gen = ++generation;
        TraceRequest req = workspace.request();
        busy.set(true);
        tracing = true;
        status.set(I18n.format(i18n, "debugger.status.tracing", req.steps()));
        worker.submit(p -> TraceJob.run(req, p), r -> {
            if (gen == generation) {
                publish(r);
            }
        }, e -> {
            if (gen == generation) {
                tracing = false;
                afterTrace.clear();
                status.set(I18n.format(i18n, "debugger.status.failed", e.getMessage()));
            }
        });
        for (Companion c : companions) {
            traceCompanion(c);
        }
    }

    private void publish(TraceJob.Result r) {
        Trace tr = r.trace();
        if (unit.get() >= tr.hiddenSize()) {
            unit.set(tr.hiddenSize() - 1);
        }
        Direction dir = cursor() == null ? Direction.FORWARD : cursor().direction();
        publishing = true;
        try {
            stepper.attach(tr, dir);
            result.set(r);
        } finally {
            publishing = false;
        }
        status.set(I18n.format(i18n, "debugger.status.traced", tr.steps(), Numbers.format(r.loss())));
        onCursor();
        tracing = false;
        List<Runnable> queued = List.copyOf(afterTrace);
        afterTrace.clear();
        queued.forEach(Runnable::run);
    }

    /**
     * Runs {@code action} on the FX thread once the trace being computed has arrived, or now if none is pending:
     * the lessons' "show me" uses it to step, jump or switch direction after a set-up or an edit.
     */
    public void whenTraced(Runnable action) {
        if (tracing) {
            afterTrace.add(action);
        } else {
            action.run();
        }
    }

    private void traceCompanion(Companion c) {
        RecurrentStack w = new RecurrentStack(c.cell(), workspace.inputSize(), workspace.hiddenSize(),
                workspace.layers());
        if (sameWeights.contains(c.cell()) && c.cell().gates().equals(workspace.cell().gates())) {
            List<double[]> mine = workspace.request().params();
            for (int k = 0; k < w.parameters().size(); k++) {
                System.arraycopy(mine.get(k), 0, w.parameters().get(k).data(), 0, w.parameters().get(k).size());
            }
        } else {
            Initializers.initialize(w, setup.get().weights() == WeightPreset.RANDOM_KERAS
                    ? Initializers.Scheme.KERAS : Initializers.Scheme.TORCH, setup.get().seed());
        }
        TraceRequest req = workspace.requestFor(w);
        long gen = ++c.generation;
        worker.submit(p -> TraceJob.run(req, p), r -> {
            if (gen == c.generation && companions.contains(c)) {
                c.publish(r);
            }
        }, e -> status.set(I18n.format(i18n, "debugger.status.failed", e.getMessage())));
    }

    /** Whether {@link #pulse} has anything to do: work on the worker, results to collect, or a running Continue. */
    public boolean needsPulse() {
        return !worker.idle() || stepper.runningProperty().get();
    }

    /** Calls {@code wake} (on the FX thread) whenever work is handed to the worker. */
    public void setOnWork(Runnable wake) {
        worker.setOnSubmit(wake);
    }

    /** Once per frame on the FX thread: collects finished work and advances a running Continue. */
    public void pulse(long nanos) {
        worker.drain();
        boolean b = worker.busy();
        busy.set(b);
        progress.set(b ? worker.progress() : 1);
        stepper.pulse(nanos);
    }

    // ------------------------------------------------------------------------------------------------ side by side

    /** Puts another cell beside the main one (no-op if it is already there). */
    public void addCompanion(CellType cell) {
        if (companions.stream().anyMatch(c -> c.cell() == cell) || workspace == null) {
            return;
        }
        Companion c = new Companion(cell);
        companions.add(c);
        traceCompanion(c);
    }

    public void removeCompanion(CellType cell) {
        companions.removeIf(c -> c.cell() == cell);
        sameWeights.remove(cell);
    }

    /**
     * Puts a cell beside the main one with the main cell's own weights, for cells whose weights have the same
     * layout (the LSTM and the tutorial's two wrong cells): the lessons compare the same weights in two cells.
     */
    public void addCompanionWithSameWeights(CellType cell) {
        if (workspace == null || !cell.gates().equals(workspace.cell().gates())) {
            throw new IllegalArgumentException(cell.id() + " cannot take the weights of " + (workspace == null ? "nothing"
                    : workspace.cell().id()));
        }
        removeCompanion(cell);
        sameWeights.add(cell);
        addCompanion(cell);
    }

    // ------------------------------------------------------------------------------------------------ edits

    /** Sets one weight from text; returns the message to show next to the field, or null when it was applied. */
    public String editWeight(int layer, String name, int row, int col, String text) {
        Double v = Numbers.parseFinite(text);
        if (v == null) {
            return I18n.format(i18n, "debugger.error.notNumber", text == null ? "" : text.strip());
        }
        double before;
        try {
            var view = workspace.view(layer, name);
            if (row < 0 || row >= view.rows() || col < 0 || col >= view.cols()) {
                return I18n.format(i18n, "debugger.error.weightIndex", name, view.rows() - 1, view.cols() - 1);
            }
            before = view.get(row, col);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return I18n.format(i18n, "debugger.error.weightName", name);
        }
        return apply(new EditHistory.Edit(name, layer, row, col, before, v));
    }

    /** Sets x_t[d] (t 0-based) from text; returns the message to show, or null when it was applied. */
    public String editInput(int t, int d, String text) {
        String msg = setInput(t, d, text);
        inputError.set(msg == null ? "" : msg);
        return msg;
    }

    private String setInput(int t, int d, String text) {
        Double v = Numbers.parseFinite(text);
        if (v == null) {
            return I18n.format(i18n, "debugger.error.notNumber", text == null ? "" : text.strip());
        }
        if (t < 0 || t >= workspace.steps() || d < 0 || d >= workspace.inputSize()) {
            return I18n.format(i18n, "debugger.error.inputIndex", workspace.steps(), workspace.inputSize() - 1);
        }
        return apply(new EditHistory.Edit(null, 0, t, d, workspace.input(t, d), v));
    }

    private String apply(EditHistory.Edit e) {
        workspace.apply(e);
        history.done(e);
        updateUndo();
        if (e.weight() == null && setup.get().input() != InputPreset.TABLE && setup.get().input() != InputPreset.SAMPLE) {
            Setup s = setup.get();
            setup.set(new Setup(s.cell(), s.steps(), s.inputSize(), s.hiddenSize(), s.layers(), InputPreset.TABLE,
                    s.word(), s.weights(), s.seed(), s.loss()));
            form.inputProperty().set(InputPreset.TABLE);
        }
        recompute();
        return null;
    }

    public void undo() {
        EditHistory.Edit e = history.undo();
        if (e != null) {
            workspace.apply(e);
            updateUndo();
            recompute();
        }
    }

    public void redo() {
        EditHistory.Edit e = history.redo();
        if (e != null) {
            workspace.apply(e);
            updateUndo();
            recompute();
        }
    }

    private void updateUndo() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    // ------------------------------------------------------------------------------------------------ watches

    /** Adds a watch; returns the message to show next to the field, or null. */
    public String addWatch(String text) {
        String error = watches.add(text);
        watchError.set(error == null ? "" : error);
        if (error == null) {
            onCursor();
        }
        return error;
    }

    public void removeWatch(int index) {
        watches.remove(index);
    }

    private void onCursor() {
        if (publishing) {
            return;
        }
        Trace tr = trace();
        Cursor c = cursor();
        if (tr == null || c == null) {
            substitution.set(null);
            revision.set(revision.get() + 1);
            return;
        }
        Equation eq = stepper.navigator().equations().get(c.equation());
        position.set(I18n.format(i18n, c.direction() == Direction.FORWARD ? "debugger.position.forward"
                : "debugger.position.backward", c.t() + 1, tr.steps(), c.layer(),
                i18n.getString("debugger.eq." + eq.id())));
        jumpText.set(Integer.toString(c.t() + 1));
        unitText.set(Integer.toString(unit.get()));
        substitution.set(SubstitutionBuilder.build(tr, c, unit.get(), eq));
        watches.update(tr, c, unit.get());
        revision.set(revision.get() + 1);
    }

    // ------------------------------------------------------------------------------------------------ navigation

    /** Jumps to timestep {@code text} (from 1) as the "t =" field does; a bad text gets a message next to it. */
    public String jumpTo(String text) {
        String err = stepper.jumpTo(text == null ? "" : text);
        jumpError.set(err == null ? "" : err);
        return err;
    }

    /** Jumps to timestep {@code t}, counted from 1 as shown. */
    public String jumpTo(int t) {
        return jumpTo(Integer.toString(t));
    }

    /** Follows unit {@code text} (from 0) as the "Follow unit" field does; a bad text gets a message next to it. */
    public String followUnit(String text) {
        String s = text == null ? "" : text.strip();
        Trace tr = trace();
        String err = null;
        try {
            int u = Integer.parseInt(s);
            if (tr != null && (u < 0 || u >= tr.hiddenSize())) {
                err = I18n.format(i18n, "debugger.error.range", 0, tr.hiddenSize() - 1);
            } else {
                followUnit(u);
            }
        } catch (NumberFormatException e) {
            err = I18n.format(i18n, "debugger.error.notInteger", s);
        }
        unitError.set(err == null ? "" : err);
        return err;
    }

    /** Follows unit {@code u} (clamped to the hidden size). */
    public void followUnit(int u) {
        Trace tr = trace();
        if (tr != null) {
            unit.set(Math.max(0, Math.min(tr.hiddenSize() - 1, u)));
            unitError.set("");
        }
    }

    /** Follows the next ({@code +1}) or previous ({@code -1}) unit, wrapping around. */
    public void moveUnit(int delta) {
        Trace tr = trace();
        if (tr != null) {
            followUnit(Math.floorMod(unit.get() + delta, tr.hiddenSize()));
        }
    }

    /** Goes to equation {@code index} of the cursor's timestep and layer (a click on an equation row). */
    public void goToEquation(int index) {
        Cursor c = cursor();
        if (c != null && index >= 0 && index < equations().size()) {
            stepper.goTo(new Cursor(c.direction(), c.t(), c.layer(), index));
        }
    }

    /** Goes to timestep {@code t} (0-based) and follows {@code u}: a click on a heatmap. */
    public void pick(int t, int u) {
        jumpTo(t + 1);
        followUnit(u);
    }

    /** Backward mode (backpropagation through time) on or off. */
    public void setBackward(boolean on) {
        stepper.setDirection(on ? Direction.BACKWARD : Direction.FORWARD);
    }

    public boolean isBackward() {
        return stepper.direction() == Direction.BACKWARD;
    }

    /** Puts a cell beside the main one, or takes it away. */
    public void setCompanion(CellType cell, boolean on) {
        if (on) {
            addCompanion(cell);
        } else {
            removeCompanion(cell);
        }
    }

    public boolean hasCompanion(CellType cell) {
        return companions.stream().anyMatch(c -> c.cell() == cell);
    }

    /** Adds a breakpoint, as the Breakpoints field does; returns the message to show, or null. */
    public String addBreakpoint(String text) {
        return stepper.addBreakpoint(text);
    }

    /** Picks a weight shown in the substitution for the weight editor. */
    public void pickWeight(Substitution.Token t) {
        Cursor c = cursor();
        weightEditor.pick(t.symbol(), c == null ? 0 : c.layer(), t.unit(), t.col(), t.value());
    }

    // ------------------------------------------------------------------------------------------------ highlights

    /** Highlights the equation with catalogue id {@code id} ({@code lstm.f}); null clears it. */
    public void highlightEquation(String id) {
        if (id != null && equations().stream().noneMatch(e -> e.id().equals(id))) {
            throw new IllegalArgumentException("no equation " + id + " in " + equations().stream()
                    .map(Equation::id).toList());
        }
        highlights.setEquation(id);
    }

    /** Highlights a part of the diagram by node id ({@code f}, {@code c}, {@code mulF}, ...); null clears it. */
    public void highlightPart(String id) {
        Trace tr = trace();
        if (id != null && tr != null && DiagramLayout.of(tr.cell()).nodes.stream().noneMatch(n -> n.id().equals(id))) {
            throw new IllegalArgumentException("no part " + id + " in the " + tr.cell().id() + " diagram");
        }
        highlights.setPart(id);
    }

    /** Highlights the heatmap of {@code symbol} in {@code layer}; a null symbol clears it. */
    public void highlightHeatmap(int layer, String symbol) {
        Trace tr = trace();
        if (symbol != null && tr != null && (layer < 0 || layer >= tr.layers()
                || !TraceJob.heatmapSymbols(tr.cell()).contains(symbol))) {
            throw new IllegalArgumentException("no heatmap " + symbol + " in layer " + layer);
        }
        highlights.setHeatmap(symbol == null ? null : new Highlights.Heatmap(layer, symbol));
    }

    public void clearHighlights() {
        highlights.clear();
    }

    // ------------------------------------------------------------------------------------------------ values

    /**
     * The vector {@code symbol} of the cursor's timestep in {@code layer} if it has been computed by the time the
     * cursor is reached, else null. Views use it to show only what the engine has "done" so far.
     */
    public double[] visible(String symbol, int layer) {
        Trace tr = trace();
        Cursor c = cursor();
        if (tr == null || c == null || !SubstitutionBuilder.readable(tr, symbol)) {
            return null;
        }
        int at = Availability.of(symbol, tr.cell(), c.direction());
        if (at == Availability.NEVER) {
            return null;
        }
        Navigator nav = stepper.navigator();
        Cursor there = new Cursor(c.direction(), c.t(), layer, at);
        if (nav.index(there) > nav.index(c)) {
            return null;
        }
        return tr.vector(symbol, layer, c.t(), 0);
    }

    /** Stops the worker; call when the window closes. */
    public void shutdown() {
        stepper.pause();
        worker.close();
    }
}
