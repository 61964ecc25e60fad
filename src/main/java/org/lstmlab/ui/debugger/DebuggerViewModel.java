package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.DebuggerLauncher;
import org.lstmlab.ui.common.Sentence;

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
    private final SetupSession session;
    private final Stepper stepper;

    private final SetupCommands commands;
    private final CursorView atCursor;
    private final Sentence status = new Sentence();
    private final Tracing tracing;
    private final Companions companions;
    private final WeightEditor weightEditor;
    private final Highlights highlights;

    public DebuggerViewModel(ResourceBundle i18n, DebuggerWorker worker) {
        this.i18n = i18n;
        this.worker = worker;
        this.form = new SetupForm(i18n);
        this.session = new SetupSession(i18n, form);
        this.stepper = new Stepper(i18n, worker, status);
        this.commands = new SetupCommands(i18n, worker, form, session, this::recompute);
        this.weightEditor = new WeightEditor(i18n, commands::editWeight);
        this.atCursor = new CursorView(i18n, worker, stepper, commands::workspace);
        this.tracing = new Tracing(i18n, worker, status, r -> status.say(atCursor.publish(r)));
        this.highlights = new Highlights(this::equations, atCursor::trace);
        this.companions = new Companions(worker, e -> status.say(() -> I18n.format(i18n,
                "debugger.status.failed", I18n.explain(i18n, e))));
    }

    // ------------------------------------------------------------------------------------------------ properties

    public SetupForm form() {
        return form;
    }

    public Stepper stepper() {
        return stepper;
    }

    public ReadOnlyObjectProperty<TraceJob.Result> resultProperty() {
        return atCursor.resultProperty();
    }

    /** The current trace, or null before the first one arrives. */
    public Trace trace() {
        return atCursor.trace();
    }

    public ReadOnlyObjectProperty<Setup> setupProperty() {
        return commands.setupProperty();
    }

    public Cursor cursor() {
        return stepper.cursorProperty().get();
    }

    /** The followed unit (0-based): shown in full in the substitution, on the diagram and in sparklines. */
    public IntegerProperty unitProperty() {
        return atCursor.fields().unitProperty();
    }

    /** The position line and the "t =" and "Follow unit" fields. */
    public CursorFields fields() {
        return atCursor.fields();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return tracing.progressProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tracing.busyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return session.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return session.canRedoProperty();
    }

    /**
     * Why the last set-up choice was refused (a loaded model cannot run it, or a loss needs a model); empty when
     * the set-up on show is what was asked for.
     */
    public ReadOnlyStringProperty refusalProperty() {
        return session.refusalProperty();
    }

    /** Whether random weights would run the refused choice: {@link #useRandomWeights()}. */
    public ReadOnlyBooleanProperty randomOfferedProperty() {
        return session.randomOfferedProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return commands.titleProperty();
    }

    /** The symbol (character, word) the input encodes at each timestep, null where none; empty without symbols. */
    public List<String> inputSymbols() {
        return atCursor.inputSymbols();
    }

    /**
     * The sample's story: its input as characters or words (the one at the cursor in brackets), its target and the
     * model's prediction; empty for an input without symbols and no model.
     */
    public ReadOnlyStringProperty storyProperty() {
        return atCursor.storyProperty();
    }

    public ReadOnlyObjectProperty<Substitution> substitutionProperty() {
        return atCursor.substitutionProperty();
    }

    /** Counts redraws: changes after the cursor, the unit or the trace have all been applied. Views listen to it. */
    public javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return atCursor.revisionProperty();
    }

    public ObservableList<WatchRow> watches() {
        return atCursor.watches();
    }

    public ReadOnlyStringProperty watchErrorProperty() {
        return atCursor.watchErrorProperty();
    }

    /** The message under the input table after a refused edit; empty otherwise. */
    public ReadOnlyStringProperty inputErrorProperty() {
        return commands.inputErrorProperty();
    }

    /**
     * Set when "Model file…" is chosen while no file is open: the view asks for a file and then calls
     * {@link #openModelFile} or {@link #cancelModelFile()}. The value is the weights to go back to on cancel.
     */
    public ReadOnlyObjectProperty<WeightPreset> modelFileRequestProperty() {
        return commands.modelFileRequestProperty();
    }

    public WeightEditor weightEditor() {
        return weightEditor;
    }

    /** What a lesson points at: an equation, a part of the diagram, a heatmap. */
    public Highlights highlights() {
        return highlights;
    }

    public ObservableList<Companion> companions() {
        return companions.list();
    }

    /**
     * Tells views attached after the trace was made what is on show (the trace, the cursor, the cells beside), as
     * if it had just changed: the main window rebuilds its views when the language changes and keeps this model.
     */
    public void republish() {
        ObservableList<Companion> beside = companions.list();
        if (!beside.isEmpty()) {
            beside.setAll(List.copyOf(beside));
        }
        atCursor.republish();
        stepper.relabel();
        status.relabel();
        form.relabel();
        session.relabel();
        fields().relabel();
        commands.relabel();
        weightEditor.relabel();
    }

    /** The numbers on show (weights, input, loss), or null before the first set-up. */
    public Workspace workspace() {
        return commands.workspace();
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
        return commands.chooseWeights(weights);
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
        commands.cancelModelFile();
    }

    /**
     * Validates the form and, if every field is good, rebuilds the numbers and traces them; else changes nothing.
     * The form's own updates while a set-up is applied (showing the sizes a preset fixed) do not apply it again.
     */
    public boolean applySetup() {
        return commands.apply(false);
    }

    /** Applies the refused set-up choice with random weights instead (the button next to the refusal). */
    public boolean useRandomWeights() {
        return commands.useRandomWeights();
    }

    /**
     * Reads a model file on the worker and shows it with the current input when its size fits the model, else with
     * a sine of the model's input size. A file that cannot be used leaves everything as it was and says why next to
     * the weights field.
     *
     * @param fallback the weights to go back to if the file cannot be used
     */
    public void openModelFile(java.nio.file.Path file, WeightPreset fallback) {
        commands.openModelFile(file, fallback, org.lstmlab.engine.interop.ImportOptions.NONE);
    }

    /** What the model file on show could not say (its notes) and the choices for it. */
    public ImportChoices importChoices() {
        return commands.importChoices();
    }

    /** Opens the model file on show again with the choices made for what it could not say, if they changed. */
    public void applyImportChoices() {
        commands.applyImportChoices();
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
        }, f -> status.say(() -> I18n.format(i18n, "debugger.status.exported", f.getFileName())),
                e -> status.say(() -> I18n.format(i18n, "debugger.status.failed", I18n.explain(i18n, e))));
    }

    /** Opens a copy of a trained model with one sample in the debugger (called by the Train tab). */
    @Override
    public void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence,
                          Supplier<String> title, List<String> vocabulary) {
        commands.openModel(model, sample, targets, sequence, title, vocabulary);
    }

    // ------------------------------------------------------------------------------------------------ tracing

    private void recompute() {
        stepper.stop();
        tracing.trace(workspace());
        companions.retrace(session.shown());
    }

    /**
     * Runs {@code action} on the FX thread once the trace being computed has arrived, or now if none is pending:
     * the lessons' "show me" uses it to step, jump or switch direction after a set-up or an edit.
     */
    public void whenTraced(Runnable action) {
        tracing.whenDone(action);
    }

    /** Whether {@link #pulse} has anything to do: work on the worker, results to collect, or a running Continue. */
    public boolean needsPulse() {
        return tracing.working() || stepper.runningProperty().get();
    }

    /** Calls {@code wake} (on the FX thread) whenever work is handed to the worker. */
    public void setOnWork(Runnable wake) {
        worker.setOnSubmit(wake);
    }

    /** Once per frame on the FX thread: collects finished work and advances a running Continue. */
    public void pulse(long nanos) {
        tracing.pulse();
        stepper.pulse(nanos);
    }

    // ------------------------------------------------------------------------------------------------ side by side

    /** Puts another cell beside the main one (no-op if it is already there). */
    public void addCompanion(CellType cell) {
        companions.add(cell, session.shown());
    }

    public void removeCompanion(CellType cell) {
        companions.remove(cell);
    }

    /**
     * Puts a cell beside the main one with the main cell's own weights, for cells whose weights have the same
     * layout (the LSTM and the tutorial's two wrong cells): the lessons compare the same weights in two cells.
     */
    public void addCompanionWithSameWeights(CellType cell) {
        companions.addWithSameWeights(cell, session.shown());
    }

    // ------------------------------------------------------------------------------------------------ edits

    /** Sets one weight from text; returns the message to show next to the field, or null when it was applied. */
    public String editWeight(int layer, String name, int row, int col, String text) {
        Supplier<String> msg = commands.editWeight(layer, name, row, col, text);
        return msg == null ? null : msg.get();
    }

    /** Sets x_t[d] (t 0-based) from text; returns the message to show under the table, or null when applied. */
    public String editInput(int t, int d, String text) {
        Supplier<String> msg = commands.editInput(t, d, text);
        return msg == null ? null : msg.get();
    }

    /** Undoes the last change: a value edit or a set-up change (the numbers shown before it come back). */
    public void undo() {
        commands.undo();
    }

    /** Does the last undone change again. */
    public void redo() {
        commands.redo();
    }

    // ------------------------------------------------------------------------------------------------ watches

    /** Adds a watch; returns the message to show next to the field, or null. */
    public String addWatch(String text) {
        return atCursor.addWatch(text);
    }

    public void removeWatch(int index) {
        atCursor.removeWatch(index);
    }

    // ------------------------------------------------------------------------------------------------ navigation

    /** Jumps to timestep {@code text} (from 1) as the "t =" field does; a bad text gets a message next to it. */
    public String jumpTo(String text) {
        return atCursor.fields().jumpTo(text);
    }

    /** Jumps to timestep {@code t}, counted from 1 as shown. */
    public String jumpTo(int t) {
        return atCursor.fields().jumpTo(Integer.toString(t));
    }

    /** Follows unit {@code text} (from 0) as the "Follow unit" field does; a bad text gets a message next to it. */
    public String followUnit(String text) {
        return atCursor.fields().followUnit(text);
    }

    /** Follows unit {@code u} (clamped to the hidden size). */
    public void followUnit(int u) {
        atCursor.fields().followUnit(u);
    }

    /** Follows the next ({@code +1}) or previous ({@code -1}) unit, wrapping around. */
    public void moveUnit(int delta) {
        atCursor.fields().moveUnit(delta);
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
        return companions.has(cell);
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

    // ------------------------------------------------------------------------------------------------ values

    /**
     * The vector {@code symbol} of the cursor's timestep in {@code layer} if it has been computed by the time the
     * cursor is reached, else null. Views use it to show only what the engine has "done" so far.
     */
    public double[] visible(String symbol, int layer) {
        return Availability.visible(trace(), cursor(), stepper.navigator(), symbol, layer);
    }

    /** Stops the worker; call when the window closes. */
    public void shutdown() {
        stepper.stop();
        worker.close();
    }
}
