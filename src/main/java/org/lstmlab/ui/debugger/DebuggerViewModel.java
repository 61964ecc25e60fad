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
import org.lstmlab.ui.common.SampleNames;
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
    private final CursorMoves moves;

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
        this.moves = new CursorMoves(atCursor.fields(), stepper, this::equations);
        this.companions = new Companions(worker, session::shown, e -> status.say(() -> I18n.format(i18n,
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

    /** What moves the cursor or the followed unit: the fields, clicks, backward mode, breakpoints. */
    public CursorMoves moves() {
        return moves;
    }

    /** The set-up choices (cell, input, weights, loss, sizes) and model files, as the set-up panel makes them. */
    public SetupCommands setupCommands() {
        return commands;
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

    /** Whether random weights would run the refused choice: {@link SetupCommands#useRandomWeights()}. */
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
     * {@link SetupCommands#openModelFile} or {@link SetupCommands#cancelModelFile()}. The value is the weights to
     * go back to on cancel.
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

    /** The cells beside the main one, and the commands that put them there or take them away. */
    public Companions beside() {
        return companions;
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

    // ------------------------------------------------------------------------------------------------ files

    /**
     * Writes the trace on show (forward, and backward when it has been recorded) to a {@code .csv}, {@code .json} or
     * {@code .safetensors} file on the worker; the status line says where, or why not.
     */
    public void exportTrace(java.nio.file.Path file) {
        tracing.export(file, trace());
    }

    /** Opens a copy of a trained model with one sample in the debugger (called by the Train tab). */
    @Override
    public void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence,
                          Supplier<String> title, SampleNames names) {
        commands.openModel(model, sample, targets, sequence, title, names);
    }

    // ------------------------------------------------------------------------------------------------ tracing

    private void recompute() {
        stepper.stop();
        tracing.trace(workspace());
        companions.retrace();
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

    // ------------------------------------------------------------------------------------------------ edits

    /** Sets one weight from text; returns the message to show next to the field, or null when it was applied. */
    public String editWeight(int layer, String name, int row, int col, String text) {
        Supplier<String> msg = commands.editWeight(layer, name, row, col, text);
        return msg == null ? null : msg.get();
    }

    /** Picks a weight shown in the substitution for the weight editor. */
    public void pickWeight(Substitution.Token t) {
        Cursor c = cursor();
        weightEditor.pick(t.symbol(), c == null ? 0 : c.layer(), t.unit(), t.col(), t.value());
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
