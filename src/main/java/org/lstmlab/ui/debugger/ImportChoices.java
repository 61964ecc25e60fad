package org.lstmlab.ui.debugger;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.text.Message;
import org.lstmlab.ui.common.I18n;

/**
 * What the model file on show could not say, and what the user chose for it. A PyTorch state_dict does not say
 * whether its {@code nn.RNN} uses tanh or ReLU, nor which activation follows its {@code nn.Linear}, nor which steps
 * that reads; Keras weights without their config do not say the Dense activation, nor whether the top layer returns
 * sequences (a prediction at the last step or at every step). The import then assumes (tanh, none, every step for a
 * state_dict, the last step for Keras) and writes notes. After such
 * a file is opened this is {@link #pendingProperty() pending}: the view shows the notes (in the app's language and
 * words, {@link #notesShown()}) and the choices, and {@link SetupCommands#applyImportChoices()} opens the file
 * again with what was chosen. What a file could not say is remembered while the same file is reopened with choices.
 */
public final class ImportChoices {
    /** The nonlinearities an {@code nn.RNN} may have. */
    public static final List<CellType> NONLINEARITIES = List.of(CellType.RNN_TANH, CellType.RNN_RELU);
    /** The head activations offered. */
    public static final List<OutputActivation> ACTIVATIONS = List.of(OutputActivation.IDENTITY,
            OutputActivation.SIGMOID, OutputActivation.SOFTMAX);
    /** The steps a prediction may be made at. */
    public static final List<HeadMode> HEADS = List.of(HeadMode.LAST, HeadMode.EVERY_STEP);
    /**
     * The notes whose command-line words give an option ("say --activation sigmoid|softmax|none"), with the label of
     * the choice here that does the same: the app says such a note {@code debugger.import.note.*}, which names the
     * choice by its label ({0}).
     */
    static final Map<String, String> CHOICE_OF_NOTE = Map.of(
            "engine.note.torch.nonlinearity", "debugger.import.nonlinearity",
            "engine.note.torch.activation", "debugger.import.activation",
            "engine.note.torch.head", "debugger.import.head",
            "engine.note.torch.pickledActivation", "debugger.import.activation",
            "engine.note.torch.pickledHead", "debugger.import.head",
            "engine.note.keras.denseActivation", "debugger.import.activation",
            "engine.note.keras.returnSequencesFalse", "debugger.import.head");

    private final ResourceBundle i18n;
    private final ObservableList<Message> notes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper asksNonlinearity = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper asksActivation = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper asksHead = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<CellType> nonlinearity = new SimpleObjectProperty<>(CellType.RNN_TANH);
    private final ObjectProperty<OutputActivation> activation = new SimpleObjectProperty<>(OutputActivation.IDENTITY);
    private final ObjectProperty<HeadMode> head = new SimpleObjectProperty<>(HeadMode.LAST);

    private Path file;
    private Set<ImportedModel.Unknown> unknown = EnumSet.noneOf(ImportedModel.Unknown.class);
    private CellType loadedNonlinearity;
    private OutputActivation loadedActivation;
    private HeadMode loadedHead;

    /** @param i18n the app's labels: the notes are shown in their language */
    ImportChoices(ResourceBundle i18n) {
        this.i18n = i18n;
    }

    /**
     * A file was loaded with {@code used}: takes its notes and what it left unsaid, and sets the choices to what the
     * model on show now computes. Pending when there is anything to say.
     */
    void opened(Path loadedFile, ImportedModel m, ImportOptions used) {
        boolean again = loadedFile.equals(file) && (used.nonlinearity().isPresent() || used.activation().isPresent()
                || used.head().isPresent());
        if (!again) {
            unknown = EnumSet.noneOf(ImportedModel.Unknown.class);
        }
        file = loadedFile;
        unknown.addAll(m.assumed());
        notes.setAll(m.notes());
        loadedNonlinearity = m.model().spec().cell();
        loadedActivation = m.model().spec().loss().activation();
        loadedHead = m.model().spec().head();
        asksNonlinearity.set(unknown.contains(ImportedModel.Unknown.NONLINEARITY));
        asksActivation.set(unknown.contains(ImportedModel.Unknown.ACTIVATION));
        asksHead.set(unknown.contains(ImportedModel.Unknown.HEAD));
        if (asksNonlinearity.get()) {
            nonlinearity.set(loadedNonlinearity);
        }
        activation.set(loadedActivation);
        head.set(loadedHead);
        pending.set(!again && (!notes.isEmpty() || !unknown.isEmpty()));
    }

    /** The view has shown the notes. */
    public void shown() {
        pending.set(false);
    }

    /** The user keeps what was assumed: the choices go back to what the model on show computes. */
    public void keep() {
        shown();
        if (loadedNonlinearity != null && loadedNonlinearity.isSimpleRnn()) {
            nonlinearity.set(loadedNonlinearity);
        }
        if (loadedActivation != null) {
            activation.set(loadedActivation);
        }
        if (loadedHead != null) {
            head.set(loadedHead);
        }
    }

    /** The file the notes are about, or null. */
    Path file() {
        return file;
    }

    /** The choices as import options: only what the file could not say. */
    ImportOptions options() {
        ImportOptions o = ImportOptions.NONE;
        if (asksNonlinearity.get()) {
            o = o.withNonlinearity(nonlinearity.get());
        }
        if (asksActivation.get()) {
            o = o.withActivation(activation.get());
        }
        if (asksHead.get()) {
            o = o.withHead(head.get());
        }
        return o;
    }

    /** Whether a choice differs from what the model on show was loaded with. */
    boolean changed() {
        return file != null && (asksNonlinearity.get() && nonlinearity.get() != loadedNonlinearity
                || asksActivation.get() && activation.get() != loadedActivation
                || asksHead.get() && head.get() != loadedHead);
    }

    public ObservableList<Message> notes() {
        return notes;
    }

    /**
     * The notes in the app's language, one an item, as the dialog shows them (each on a row of its own after a
     * bullet, its wrapped lines under its first word); a note that gives a command-line option names the choice of
     * this dialog instead ({@link #CHOICE_OF_NOTE}).
     */
    public List<String> notesShown() {
        return notes.stream().map(this::noteText).toList();
    }

    /** The notes as "Copy all notes" puts them on the clipboard: each on a line of its own after a bullet. */
    public String notesCopied() {
        return notesShown().stream().map(n -> "\u2022 " + n).collect(java.util.stream.Collectors.joining("\n"));
    }

    private String noteText(Message note) {
        String choice = CHOICE_OF_NOTE.get(note.key());
        return choice == null ? I18n.message(i18n, note) : I18n.format(i18n,
                "debugger.import.note." + note.key().substring("engine.note.".length()), i18n.getString(choice));
    }

    public ReadOnlyBooleanProperty asksNonlinearityProperty() {
        return asksNonlinearity.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty asksActivationProperty() {
        return asksActivation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty asksHeadProperty() {
        return asksHead.getReadOnlyProperty();
    }

    /** True from the opening of a file with notes until the view has shown them. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** tanh or ReLU, for an {@code nn.RNN} state_dict. */
    public ObjectProperty<CellType> nonlinearityProperty() {
        return nonlinearity;
    }

    /** The activation after the head. */
    public ObjectProperty<OutputActivation> activationProperty() {
        return activation;
    }

    /** Whether the prediction is made at the last step or at every step. */
    public ObjectProperty<HeadMode> headProperty() {
        return head;
    }
}
