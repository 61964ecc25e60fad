package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Sentence;
import org.lstmlab.ui.debugger.EditHistory.Edit;
import org.lstmlab.ui.debugger.EditHistory.Shown;
import org.lstmlab.ui.debugger.EditHistory.Step;

/**
 * What is on show and every way it changes: the set-up form applied, values edited, and both undone and redone.
 * The form always names what is computed: a choice that cannot apply (a GRU asked of a loaded LSTM model, another
 * size, a loss that needs a model) is refused with the reason, the form goes back to what is on show, and, where
 * random weights would run the choice, they are offered ({@link #useRandomWeights()}).
 */
final class SetupSession {
    private final ResourceBundle i18n;
    private final SetupForm form;
    private final EditHistory history = new EditHistory();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final Sentence refusal = new Sentence();  // or a note
    private final ReadOnlyBooleanWrapper randomOffered = new ReadOnlyBooleanWrapper(false);
    private Shown shown;
    private TrainedModel trained;
    private TrainedModel fileModel;
    private Setup refused;

    SetupSession(ResourceBundle i18n, SetupForm form) {
        this.i18n = i18n;
        this.form = form;
    }

    /** What is on show, or null before the first set-up. */
    Shown shown() {
        return shown;
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Why the last choice was refused; empty when it was not. */
    ReadOnlyStringProperty refusalProperty() {
        return refusal.textProperty();
    }

    /** Whether random weights would run the refused choice ({@link #useRandomWeights()}). */
    ReadOnlyBooleanProperty randomOfferedProperty() {
        return randomOffered.getReadOnlyProperty();
    }

    void setTrained(TrainedModel m) {
        trained = m;
    }

    void setFileModel(TrainedModel m) {
        fileModel = m;
    }

    boolean hasFileModel() {
        return fileModel != null;
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /**
     * Validates the form and shows what it asks for. Returns what is on show afterwards (new, or unchanged when
     * the form asks for what is shown), or null when a field is bad or a choice was refused (nothing changes).
     *
     * @param force build again even when the form asks for what is shown (a model was just opened)
     */
    Shown apply(boolean force) {
        Setup wanted = form.validate();
        if (wanted == null) {
            keepShownPreset();
            return null;
        }
        if (shown != null && !force) {
            Supplier<String> why = modelConflict(shown.setup(), wanted);
            if (why != null) {
                return refuse(why, asRandom(wanted));
            }
            if (normal(shown.setup()).equals(normal(wanted))) {
                clearRefusal();
                form.show(shown.setup());
                return shown;
            }
        }
        wanted = lossFollowsWeights(wanted, force);
        TrainedModel source = wanted.weights() == WeightPreset.FILE ? fileModel : trained;
        if (wanted.weights().isModel() && source == null) {
            String key = wanted.weights() == WeightPreset.FILE ? "debugger.error.noModelFile"
                    : "debugger.error.noTrainedModel";
            return refuse(() -> i18n.getString(key), null);
        }
        Shown next;
        if (shown != null && !force && onlyLossChanged(shown.setup(), wanted)) {
            if (wanted.loss() == LossKind.MODEL_HEAD && !shown.workspace().hasHead()) {
                return refuse(() -> i18n.getString("debugger.refused.loss"), null);
            }
            Setup s = shown.setup();
            next = new Shown(new Setup(s.cell(), s.steps(), s.inputSize(), s.hiddenSize(), s.layers(), s.input(),
                    s.word(), s.weights(), s.seed(), wanted.loss()), shown.workspace().withLoss(wanted.loss()),
                    shown.title());
        } else {
            if (wanted.loss() == LossKind.MODEL_HEAD && !wanted.weights().isModel()) {
                return refuse(() -> i18n.getString("debugger.refused.loss"), null);
            }
            WorkspaceFactory.Built b = WorkspaceFactory.build(wanted, shown == null ? null : shown.workspace(),
                    source);
            next = new Shown(b.setup(), b.workspace(), wanted.weights().isModel() ? source.title() : Shown.UNTITLED);
        }
        if (shown != null) {
            history.done(new Step(null, shown, next));
        }
        show(next);
        noteWhatThePresetFixed(wanted, next.setup());
        return next;
    }

    /**
     * Hand-built weights fix some of the set-up (the latch runs with D = 1, H = 2, one layer and a generated input):
     * when that overrides what was asked for, the form says so, and random weights keep the choice.
     */
    private void noteWhatThePresetFixed(Setup wanted, Setup built) {
        if (!wanted.weights().isHandBuilt()) {
            return;
        }
        java.util.List<Supplier<String>> fixed = new java.util.ArrayList<>();
        addIfChanged(fixed, "debugger.setup.inputSize", wanted.inputSize(), built.inputSize());
        addIfChanged(fixed, "debugger.setup.hiddenSize", wanted.hiddenSize(), built.hiddenSize());
        addIfChanged(fixed, "debugger.setup.layers", wanted.layers(), built.layers());
        if (wanted.input() != built.input()) {
            InputPreset input = built.input();
            fixed.add(() -> i18n.getString("debugger.setup.input") + ": "
                    + i18n.getString("debugger.input." + input.name()));
        }
        if (!fixed.isEmpty()) {
            refused = asRandom(wanted);
            randomOffered.set(true);
            WeightPreset weights = wanted.weights();
            say(() -> I18n.format(i18n, "debugger.refused.preset", i18n.getString("debugger.weights." + weights.name()),
                    String.join(", ", fixed.stream().map(Supplier::get).toList())));
        }
    }

    private void addIfChanged(java.util.List<Supplier<String>> out, String label, int wanted, int built) {
        if (wanted != built) {
            out.add(() -> i18n.getString(label) + " = " + built);
        }
    }

    /** Applies the refused choice with random weights (PyTorch's initialisation); null if nothing was refused. */
    Shown useRandomWeights() {
        if (refused == null) {
            return null;
        }
        form.show(refused);
        return apply(false);
    }

    /**
     * Why {@code wanted} cannot run with the model on show, or null: the weights stay a model's while the cell, a
     * size or the input asks for something else.
     */
    private Supplier<String> modelConflict(Setup now, Setup wanted) {
        if (!now.weights().isModel() || wanted.weights() != now.weights()) {
            return null;
        }
        Supplier<String> title = shown.title();
        WeightPreset weights = now.weights();
        Supplier<String> model = () -> title.get().isEmpty() ? i18n.getString("debugger.weights." + weights.name())
                : title.get();
        if (wanted.cell() != now.cell()) {
            return () -> I18n.format(i18n, "debugger.refused.cell", model.get(), cellName(now.cell()),
                    cellName(wanted.cell()));
        }
        String field = wanted.steps() != now.steps() ? "debugger.setup.steps"
                : wanted.inputSize() != now.inputSize() ? "debugger.setup.inputSize"
                : wanted.hiddenSize() != now.hiddenSize() ? "debugger.setup.hiddenSize"
                : wanted.layers() != now.layers() ? "debugger.setup.layers" : null;
        if (field != null) {
            return () -> I18n.format(i18n, "debugger.refused.size", model.get(), i18n.getString(field));
        }
        if (wanted.input() != now.input()) {
            return () -> I18n.format(i18n, "debugger.refused.input", model.get());
        }
        return null;
    }

    private String cellName(org.lstmlab.engine.nn.CellType c) {
        return i18n.getString("debugger.cell." + c.name());
    }

    private void say(Supplier<String> why) {
        refusal.say(why);
    }

    /** After View ▸ Language: the refusal (or the note) again, in the bundle's language now. */
    void relabel() {
        refusal.relabel();
    }

    private Shown refuse(Supplier<String> why, Setup withRandom) {
        refused = withRandom;
        randomOffered.set(withRandom != null);
        if (shown != null) {
            form.show(shown.setup());
        }
        say(why);
        return null;
    }

    private void clearRefusal() {
        refused = null;
        randomOffered.set(false);
        say(() -> "");
    }

    /** A preset that does not exist for the cell: the form goes back to what is shown, keeping the message. */
    private void keepShownPreset() {
        if (shown != null && !form.weightsProperty().get().supports(form.cellProperty().get())) {
            java.util.function.Supplier<String> msg = form.sentence(SetupForm.WEIGHTS);
            form.cellProperty().set(shown.setup().cell());
            form.weightsProperty().set(shown.setup().weights());
            form.say(SetupForm.WEIGHTS, msg);
        }
    }

    /** The choice with random weights: a model's sample becomes the input table, a model's loss a sum of h. */
    private static Setup asRandom(Setup s) {
        return new Setup(s.cell(), s.steps(), s.inputSize(), s.hiddenSize(), s.layers(),
                s.input() == InputPreset.SAMPLE ? InputPreset.TABLE : s.input(), s.word(), WeightPreset.RANDOM_TORCH,
                s.seed(), s.loss() == LossKind.MODEL_HEAD ? LossKind.LAST_STEP_SUM : s.loss());
    }

    /**
     * When the weights change the loss follows: a model brings its own head and loss (also a model just opened),
     * and leaving a model for other weights goes back to the sum of h at the last step.
     */
    private Setup lossFollowsWeights(Setup s, boolean newModel) {
        boolean changed = shown == null || shown.setup().weights() != s.weights();
        LossKind loss = s.loss();
        if (s.weights().isModel() && (changed || newModel)) {
            TrainedModel m = s.weights() == WeightPreset.FILE ? fileModel : trained;
            loss = m != null && m.target() != null ? LossKind.MODEL_HEAD : LossKind.LAST_STEP_SUM;
        } else if (changed && !s.weights().isModel() && loss == LossKind.MODEL_HEAD) {
            loss = LossKind.LAST_STEP_SUM;
        }
        return loss == s.loss() ? s : new Setup(s.cell(), s.steps(), s.inputSize(), s.hiddenSize(), s.layers(),
                s.input(), s.word(), s.weights(), s.seed(), loss);
    }

    /** The set-up with what does not matter for it cleared: the word unless the input is a word, a model's seed. */
    private static Setup normal(Setup s) {
        boolean seeded = !s.weights().isModel() && !s.weights().isHandBuilt();
        return new Setup(s.cell(), s.steps(), s.inputSize(), s.hiddenSize(), s.layers(), s.input(),
                s.input() == InputPreset.WORD ? s.word() : null, s.weights(), seeded ? s.seed() : 0, s.loss());
    }

    private static boolean onlyLossChanged(Setup now, Setup wanted) {
        Setup a = normal(now);
        Setup b = normal(wanted);
        return a.loss() != b.loss() && new Setup(a.cell(), a.steps(), a.inputSize(), a.hiddenSize(), a.layers(),
                a.input(), a.word(), a.weights(), a.seed(), b.loss()).equals(b);
    }

    private void show(Shown s) {
        shown = s;
        form.show(s.setup());
        clearRefusal();
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    // ------------------------------------------------------------------------------------------------ values

    /**
     * Sets one weight from text; returns how the message to show is written (in the bundle's language at each call,
     * so that View ▸ Language can write it again), or null when it was applied.
     */
    Supplier<String> editWeight(int layer, String name, int row, int col, String text) {
        Double v = Numbers.parseFinite(text);
        if (v == null) {
            String typed = text == null ? "" : text.strip();
            return () -> I18n.format(i18n, "debugger.error.notNumber", typed);
        }
        double before;
        try {
            var view = shown.workspace().view(layer, name);
            if (row < 0 || row >= view.rows() || col < 0 || col >= view.cols()) {
                int lastRow = view.rows() - 1;
                int lastCol = view.cols() - 1;
                return () -> I18n.format(i18n, "debugger.error.weightIndex", name, lastRow, lastCol);
            }
            before = view.get(row, col);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return () -> I18n.format(i18n, "debugger.error.weightName", name);
        }
        record(new Edit(name, layer, row, col, before, v));
        return null;
    }

    /** Sets x_t[d] (t 0-based) from text; returns how the message to show is written, or null when applied. */
    Supplier<String> editInput(int t, int d, String text) {
        Double v = Numbers.parseFinite(text);
        if (v == null) {
            String typed = text == null ? "" : text.strip();
            return () -> I18n.format(i18n, "debugger.error.notNumber", typed);
        }
        Workspace w = shown.workspace();
        if (t < 0 || t >= w.steps() || d < 0 || d >= w.inputSize()) {
            int steps = w.steps();
            int lastFeature = w.inputSize() - 1;
            return () -> I18n.format(i18n, "debugger.error.inputIndex", steps, lastFeature);
        }
        record(new Edit(null, 0, t, d, w.input(t, d), v));
        return null;
    }

    /**
     * Applies an edit as one step; the first edit of a generated input also turns the input into the table as
     * edited, in the same step, so that one undo takes both back.
     */
    private void record(Edit e) {
        Setup s = shown.setup();
        Shown after = shown;
        if (e.weight() == null && s.input() != InputPreset.TABLE && s.input() != InputPreset.SAMPLE) {
            after = new Shown(new Setup(s.cell(), s.steps(), s.inputSize(), s.hiddenSize(), s.layers(),
                    InputPreset.TABLE, s.word(), s.weights(), s.seed(), s.loss()), shown.workspace(), shown.title());
        }
        Step step = after == shown ? new Step(e, null, null) : new Step(e, shown, after);
        history.done(step);
        redo(step);
    }

    // ------------------------------------------------------------------------------------------------ undo

    /** Undoes the last step; returns what is on show then, or null when there was nothing to undo. */
    Shown undo() {
        Step s = history.undo();
        if (s == null) {
            return null;
        }
        if (s.edit() != null) {
            shown.workspace().apply(s.edit().inverse());
        }
        show(s.before() != null ? s.before() : shown);
        return shown;
    }

    /** Does the last undone step again; returns what is on show then, or null when there was nothing to redo. */
    Shown redo() {
        Step s = history.redo();
        if (s == null) {
            return null;
        }
        redo(s);
        return shown;
    }

    private void redo(Step s) {
        Shown target = s.after() != null ? s.after() : shown;
        if (s.edit() != null) {
            target.workspace().apply(s.edit());
        }
        show(target);
    }
}
