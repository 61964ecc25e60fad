package org.lstmlab.ui.debugger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.SampleNames;
import org.lstmlab.ui.common.Sentence;

/**
 * What decides the numbers on show, and changes them: the set-up choices (cell, input, weights, loss, sizes), a
 * model file or a trained model to look at, the value edits, undo and redo. Each change that shows new numbers
 * hands them to {@code retrace}. The set-up panel's choices and lessons come here through
 * {@link DebuggerViewModel#setupCommands()}; the view model forwards the edits.
 */
public final class SetupCommands {
    private final ResourceBundle i18n;
    private final DebuggerWorker worker;
    private final SetupForm form;
    private final SetupSession session;
    private final Runnable retrace;
    private final ReadOnlyObjectWrapper<Setup> setup = new ReadOnlyObjectWrapper<>();
    private final Sentence title = new Sentence();  // the model's name, or empty
    private final Sentence inputError = new Sentence();  // the input table's message
    private final ReadOnlyObjectWrapper<WeightPreset> modelFileRequest = new ReadOnlyObjectWrapper<>();
    private final ImportChoices importChoices;
    private boolean applying;
    private Workspace shownWorkspace;

    /** @param retrace called on the FX thread when the numbers on show changed and must be traced again */
    SetupCommands(ResourceBundle i18n, DebuggerWorker worker, SetupForm form, SetupSession session,
                  Runnable retrace) {
        this.i18n = i18n;
        this.worker = worker;
        this.form = form;
        this.session = session;
        this.retrace = retrace;
        this.importChoices = new ImportChoices(i18n);
    }

    ReadOnlyObjectProperty<Setup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.textProperty();
    }

    ReadOnlyStringProperty inputErrorProperty() {
        return inputError.textProperty();
    }

    /** After View ▸ Language: the title and the input table's message again, in the bundle's language now. */
    void relabel() {
        title.relabel();
        inputError.relabel();
    }

    ReadOnlyObjectProperty<WeightPreset> modelFileRequestProperty() {
        return modelFileRequest.getReadOnlyProperty();
    }

    /** What the model file on show could not say (its notes) and the choices for it. */
    public ImportChoices importChoices() {
        return importChoices;
    }

    /** The numbers on show (weights, input, loss), or null before the first set-up. */
    Workspace workspace() {
        return session.shown() == null ? null : session.shown().workspace();
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
     * before any file is open asks for one ({@link DebuggerViewModel#modelFileRequestProperty()}) and applies
     * nothing yet.
     */
    public boolean chooseWeights(WeightPreset weights) {
        WeightPreset before = setup.get() == null ? form.weightsProperty().get() : setup.get().weights();
        form.weightsProperty().set(weights);
        if (weights == WeightPreset.FILE && !session.hasFileModel()) {
            modelFileRequest.set(before == WeightPreset.FILE ? WeightPreset.RANDOM_TORCH : before);
            return false;
        }
        return apply(false);
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
        if (back != null && !session.hasFileModel() && form.weightsProperty().get() == WeightPreset.FILE) {
            form.weightsProperty().set(back);
        }
    }

    /**
     * Validates the form and, if every field is good, rebuilds the numbers and traces them; else changes nothing.
     * The form's own updates while a set-up is applied (showing the sizes a preset fixed) do not apply it again.
     */
    public boolean applySetup() {
        return apply(false);
    }

    /**
     * Validates the form and, if every field is good (or {@code force}), rebuilds the numbers and traces them; else
     * changes nothing. The form's own updates while a set-up is applied do not apply it again.
     */
    boolean apply(boolean force) {
        if (applying) {
            return false;
        }
        applying = true;
        try {
            return show(session.apply(force));
        } finally {
            applying = false;
        }
    }

    /** Applies the refused set-up choice with random weights instead (the button next to the refusal). */
    public boolean useRandomWeights() {
        return !applying && show(session.useRandomWeights());
    }

    /** Publishes what the session shows now and traces it if it is new; false when there is nothing (refused). */
    private boolean show(EditHistory.Shown s) {
        if (s == null) {
            return false;
        }
        if (s.setup() != setup.get() || s.workspace() != shownWorkspace) {
            shownWorkspace = s.workspace();
            setup.set(s.setup());
            title.say(s.title());
            retrace.run();
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ models

    /** Opens the model file on show again with the choices made for what it could not say, if they changed. */
    public void applyImportChoices() {
        importChoices.shown();
        if (importChoices.changed()) {
            openModelFile(importChoices.file(), WeightPreset.FILE, importChoices.options());
        }
    }

    /**
     * Reads a model file on the worker and shows it with the current input when its size fits the model, else with
     * a sine of the model's input size. A file that cannot be used leaves everything as it was and says why next to
     * the weights field.
     *
     * @param fallback the weights to go back to if the file cannot be used
     */
    public void openModelFile(Path file, WeightPreset fallback) {
        openModelFile(file, fallback, ImportOptions.NONE);
    }

    /**
     * Reads a model file on the worker with {@code options} for what it cannot say, as {@link #openModelFile(Path,
     * WeightPreset)} does; a file that cannot be used leaves everything as it was and says why next to
     * the weights field, which goes back to {@code fallback}.
     */
    void openModelFile(Path file, WeightPreset fallback, ImportOptions options) {
        modelFileRequest.set(null);
        worker.submit(p -> {
            try {
                return ModelImport.load(file, options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, loaded -> {
            session.setFileModel(TrainedModel.onInput(loaded.model(), workspace(), file.getFileName().toString()));
            form.weightsProperty().set(WeightPreset.FILE);
            form.cellProperty().set(loaded.model().spec().cell());
            apply(true);
            importChoices.opened(file, loaded, options);
        }, e -> {
            if (form.weightsProperty().get() == WeightPreset.FILE && !session.hasFileModel()) {
                form.weightsProperty().set(fallback);
            }
            form.say(SetupForm.WEIGHTS, () -> I18n.format(i18n, "debugger.error.modelFile", I18n.explain(i18n, e)));
        });
    }

    /**
     * Shows a copy of a trained model with one sample (the Train tab's hand-off); {@code title} writes its name,
     * {@code names} says what the sample's numbers stand for (symbols, columns, classes, standardised values).
     */
    void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence, Supplier<String> title,
                   SampleNames names) {
        session.setTrained(TrainedModel.copyOf(model, sample, targets, sequence, title, names));
        form.weightsProperty().set(WeightPreset.TRAINED);
        apply(true);
    }

    // ------------------------------------------------------------------------------------------------ edits

    /** Sets one weight; returns how its message is written, or null when it was applied. */
    Supplier<String> editWeight(int layer, String name, int row, int col, String text) {
        Supplier<String> msg = session.editWeight(layer, name, row, col, text);
        if (msg == null) {
            changed(session.shown());
        }
        return msg;
    }

    /** Sets x_t[d]; returns how its message (also shown under the input table) is written, or null when applied. */
    Supplier<String> editInput(int t, int d, String text) {
        Supplier<String> msg = session.editInput(t, d, text);
        inputError.say(msg == null ? () -> "" : msg);
        if (msg == null) {
            changed(session.shown());
        }
        return msg;
    }

    void undo() {
        changed(session.undo());
    }

    void redo() {
        changed(session.redo());
    }

    /** Shows the numbers after an edit, undo or redo, and traces them once (a value edit keeps the set-up). */
    private void changed(EditHistory.Shown s) {
        if (s != null) {
            boolean same = s.setup() == setup.get() && s.workspace() == shownWorkspace;
            show(s);
            if (same) {
                retrace.run();
            }
        }
    }
}
