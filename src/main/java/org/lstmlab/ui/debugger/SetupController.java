package org.lstmlab.ui.debugger;

import java.io.File;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.ui.common.ChoiceBinding;
import org.lstmlab.ui.common.Converters;

/**
 * SetupPanel.fxml: the set-up form. A choice in a box is a command to the view model, which may refuse it (the box
 * then shows what is computed); a field is applied on Enter or when it loses the focus.
 */
public final class SetupController {
    @FXML private ResourceBundle resources;
    @FXML private ComboBox<CellType> cellBox;
    @FXML private ComboBox<InputPreset> inputBox;
    @FXML private ComboBox<WeightPreset> weightsBox;
    @FXML private ComboBox<LossKind> lossBox;
    @FXML private Label wordLabel;
    @FXML private TextField wordField;
    @FXML private TextField stepsField;
    @FXML private TextField inputSizeField;
    @FXML private TextField hiddenSizeField;
    @FXML private TextField layersField;
    @FXML private TextField seedField;
    @FXML private Label wordError;
    @FXML private Label stepsError;
    @FXML private Label inputSizeError;
    @FXML private Label hiddenSizeError;
    @FXML private Label layersError;
    @FXML private Label seedError;
    @FXML private Label weightsError;
    @FXML private javafx.scene.layout.VBox refusalBox;
    @FXML private Label refusalLabel;
    @FXML private javafx.scene.control.Button useRandomButton;

    private DebuggerViewModel vm;
    /** What the file chooser and a model file's notes open from: their owner window and their zoom. */
    private javafx.scene.Node shownFrom;
    private final ChangeListener<WeightPreset> fileRequest = (o, a, fallback) -> {
        if (fallback != null) {
            Platform.runLater(this::chooseModelFile);  // after the box has closed its list
        }
    };
    /**
     * The Cell box's items follow the form's list, added to and taken from, never set anew (the box then chooses
     * its value again, and that choice went to the view model): a lesson's mistake is added at once, before the box
     * shows it, and taken off after the box has taken the user's choice (taken off during it, the box chose again).
     */
    private final javafx.collections.ListChangeListener<CellType> cellChoices = c -> {
        for (CellType added : vm.form().cellChoices()) {
            if (!cellBox.getItems().contains(added)) {
                cellBox.getItems().add(added);
            }
        }
        Platform.runLater(() -> cellBox.getItems().removeIf(gone -> !vm.form().cellChoices().contains(gone)));
    };
    private final ChangeListener<Boolean> notesPending = (o, was, now) -> {
        if (now) {  // a model file said what it could not tell: show it (outside the frame that set it)
            Platform.runLater(() -> ImportNotesDialog.show(resources, vm, shownFrom));
        }
    };

    /**
     * @param from what the file chooser and a model file's notes open from (their window and zoom): the debugger,
     *             on show while this panel is folded away (at 150 % on 1024 × 768 the notes opened at 100 %)
     */
    void attach(DebuggerViewModel model, javafx.scene.Node from) {
        vm = model;
        shownFrom = from;
        SetupForm f = vm.form();
        cellBox.getItems().setAll(f.cellChoices());  // a tutorial's mistake only while a lesson runs it
        f.cellChoices().addListener(cellChoices);
        cellBox.setConverter(Converters.display(SetupForm.cellLabel(resources)));
        ChoiceBinding.bind(cellBox, f.cellProperty(), vm.setupCommands()::chooseCell);
        inputBox.getItems().setAll(InputPreset.values());
        inputBox.setConverter(Converters.labels(resources, "debugger.input."));
        ChoiceBinding.bind(inputBox, f.inputProperty(), vm.setupCommands()::chooseInput);
        weightsBox.getItems().setAll(WeightPreset.values());
        weightsBox.setConverter(Converters.labels(resources, "debugger.weights."));
        ChoiceBinding.bind(weightsBox, f.weightsProperty(), vm.setupCommands()::chooseWeights);
        lossBox.getItems().setAll(LossKind.values());
        lossBox.setConverter(Converters.labels(resources, "debugger.loss."));
        ChoiceBinding.bind(lossBox, f.lossProperty(), vm.setupCommands()::chooseLoss);
        Map<String, TextField> fields = Map.of(SetupForm.STEPS, stepsField, SetupForm.INPUT_SIZE, inputSizeField,
                SetupForm.HIDDEN_SIZE, hiddenSizeField, SetupForm.LAYERS, layersField, SetupForm.SEED, seedField,
                SetupForm.WORD, wordField);
        fields.forEach((name, field) -> {
            field.textProperty().bindBidirectional(f.text(name));
            field.setOnAction(e -> vm.setupCommands().applySetup());
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    vm.setupCommands().applySetup();
                }
            });
        });
        Map<String, Label> errors = Map.of(SetupForm.STEPS, stepsError, SetupForm.INPUT_SIZE, inputSizeError,
                SetupForm.HIDDEN_SIZE, hiddenSizeError, SetupForm.LAYERS, layersError, SetupForm.SEED, seedError,
                SetupForm.WORD, wordError, SetupForm.WEIGHTS, weightsError);
        errors.forEach((name, label) -> label.textProperty().bind(f.error(name)));
        javafx.beans.binding.BooleanBinding word = f.wordApplies();   // the Word row only for a word input
        for (javafx.scene.Node n : new javafx.scene.Node[] {wordLabel, wordField, wordError}) {
            n.visibleProperty().bind(word);
            n.managedProperty().bind(word);
        }
        refusalLabel.textProperty().bind(vm.refusalProperty());
        refusalBox.visibleProperty().bind(vm.refusalProperty().isNotEmpty());
        useRandomButton.visibleProperty().bind(vm.randomOfferedProperty());
        vm.modelFileRequestProperty().addListener(fileRequest);
        vm.setupCommands().importChoices().pendingProperty().addListener(notesPending);
    }

    /**
     * Stops answering the view model's requests (a file to choose, a model file's notes to show): the main window is
     * rebuilding its views, and the new panel answers them. Each panel of the past answered too, one dialog each.
     */
    void detach() {
        vm.form().cellChoices().removeListener(cellChoices);
        vm.modelFileRequestProperty().removeListener(fileRequest);
        vm.setupCommands().importChoices().pendingProperty().removeListener(notesPending);
    }

    @FXML
    private void onUseRandom() {
        vm.setupCommands().useRandomWeights();
    }

    /** Asks for a model file (Debug ▸ Open Model File…, or "Model file…" chosen before any file is open). */
    void chooseModelFile() {
        WeightPreset shown = vm.form().weightsProperty().get();
        WeightPreset fallback = vm.modelFileRequestProperty().get() != null ? vm.modelFileRequestProperty().get()
                : shown == WeightPreset.FILE ? WeightPreset.RANDOM_TORCH : shown;
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("debugger.chooser.model"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                resources.getString("debugger.chooser.filter"), "*.safetensors", "*.pt", "*.pth", "*.h5", "*.keras"));
        File file = chooser.showOpenDialog(shownFrom.getScene() == null ? null : shownFrom.getScene().getWindow());
        if (file != null) {
            vm.setupCommands().openModelFile(file.toPath(), fallback);
        } else {
            vm.setupCommands().cancelModelFile();
        }
    }
}
