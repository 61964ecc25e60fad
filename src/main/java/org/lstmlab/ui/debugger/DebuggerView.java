package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.animation.AnimationTimer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.I18n;

/**
 * The Debugger tab's controller (DebuggerView.fxml): binds the controls to the {@link DebuggerViewModel}, forwards
 * actions to it, and redraws the equation panel, the diagrams, the heatmaps and the gradient plot when the cursor
 * or the trace changes. It computes nothing: one AnimationTimer hands each frame to the view model.
 */
public final class DebuggerView {
    @FXML private BorderPane root;
    @FXML private ResourceBundle resources;
    @FXML private Button stepIntoButton;
    @FXML private Button pauseButton;
    @FXML private Button continueButton;
    @FXML private Slider speedSlider;
    @FXML private TextField jumpField;
    @FXML private Label jumpError;
    @FXML private ToggleButton backwardToggle;
    @FXML private ToggleButton besideRnn;
    @FXML private ToggleButton besideGru;
    @FXML private ToggleButton besideLstm;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private ProgressBar progress;
    @FXML private Label title;
    @FXML private Label status;
    @FXML private ComboBox<CellType> cellBox;
    @FXML private ComboBox<InputPreset> inputBox;
    @FXML private ComboBox<WeightPreset> weightsBox;
    @FXML private ComboBox<LossKind> lossBox;
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
    @FXML private TextField breakpointField;
    @FXML private Label breakpointError;
    @FXML private ListView<Breakpoint> breakpointList;
    @FXML private TextField watchField;
    @FXML private Label watchError;
    @FXML private ListView<WatchRow> watchList;
    @FXML private TitledPane editPane;
    @FXML private TextField weightName;
    @FXML private TextField weightLayer;
    @FXML private TextField weightRow;
    @FXML private TextField weightCol;
    @FXML private TextField weightValue;
    @FXML private Label weightError;
    @FXML private javafx.scene.control.TableView<Integer> inputTable;
    @FXML private Label inputError;
    @FXML private VBox equationBox;
    @FXML private Label positionLabel;
    @FXML private TextField unitField;
    @FXML private Label unitError;
    @FXML private HBox diagramBox;
    @FXML private ScrollPane diagramScroll;
    @FXML private javafx.scene.control.SplitPane bottomSplit;
    @FXML private TabPane viewTabs;
    @FXML private Tab gradientTab;
    @FXML private ScrollPane heatmapScroll;
    @FXML private BorderPane gradientBox;
    @FXML private ScrollPane barsScroll;
    @FXML private Tab barsTab;

    private DebuggerViewModel vm;
    private StepViews views;
    private AnimationTimer timer;
    private Menu menu;

    @FXML
    private void initialize() {
        vm = new DebuggerViewModel(resources, DebuggerWorker.background());
        views = new StepViews(vm, resources, new Palette(root), this::followUnit, this::openWeight);
        views.place(equationBox, diagramBox, diagramScroll, bottomSplit, heatmapScroll, barsScroll, barsTab,
                gradientBox);
        menu = DebuggerMenu.create(resources, this);
        bindSetup();
        bindControls();
        DebuggerLists.breakpoints(breakpointList, vm.stepper());
        breakpointList.setItems(vm.stepper().breakpoints());
        DebuggerLists.watches(watchList, vm);
        watchList.setItems(vm.watches());
        vm.resultProperty().addListener((o, a, r) -> onResult(r));
        vm.revisionProperty().addListener((o, a, c) -> onCursor());
        vm.companions().addListener((javafx.collections.ListChangeListener<Companion>) ch -> {
            views.rebuildCompanions();
            besideRnn.setSelected(vm.companions().stream().anyMatch(c -> c.cell() == CellType.RNN_TANH));
            besideGru.setSelected(vm.companions().stream().anyMatch(c -> c.cell() == CellType.GRU));
            besideLstm.setSelected(vm.companions().stream().anyMatch(c -> c.cell() == CellType.LSTM));
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pulse(now);
                if (!vm.needsPulse()) {
                    stop();  // idle: no frames until the next piece of work (the view model wakes the timer)
                }
            }
        };
        vm.setOnWork(timer::start);
        timer.start();
        root.sceneProperty().addListener((o, a, scene) -> uncacheScrollPanes());
        vm.applySetup();
    }

    private void bindSetup() {
        SetupForm f = vm.form();
        cellBox.getItems().setAll(CellType.values());
        cellBox.setConverter(labels("debugger.cell."));
        cellBox.valueProperty().bindBidirectional(f.cellProperty());
        inputBox.getItems().setAll(InputPreset.values());
        inputBox.setConverter(labels("debugger.input."));
        inputBox.valueProperty().bindBidirectional(f.inputProperty());
        weightsBox.getItems().setAll(WeightPreset.values());
        weightsBox.setConverter(labels("debugger.weights."));
        weightsBox.valueProperty().bindBidirectional(f.weightsProperty());
        lossBox.getItems().setAll(LossKind.values());
        lossBox.setConverter(labels("debugger.loss."));
        lossBox.valueProperty().bindBidirectional(f.lossProperty());
        // Listen to the form, not to the boxes' actions: a box fires its action before its bidirectional binding has
        // copied the new value into the form.
        for (javafx.beans.property.ObjectProperty<?> p : List.of(f.cellProperty(), f.inputProperty(),
                f.weightsProperty(), f.lossProperty())) {
            p.addListener((o, a, b) -> applyLater());
        }
        // Choosing "Model file…" before any file is open asks for one; cancelling goes back to the old weights.
        f.weightsProperty().addListener((o, before, now) -> {
            if (now == WeightPreset.FILE && !vm.hasModelFile() && !applying) {
                javafx.application.Platform.runLater(() -> chooseModelFile(before));
            }
        });
        Map<String, TextField> fields = Map.of(SetupForm.STEPS, stepsField, SetupForm.INPUT_SIZE, inputSizeField,
                SetupForm.HIDDEN_SIZE, hiddenSizeField, SetupForm.LAYERS, layersField, SetupForm.SEED, seedField,
                SetupForm.WORD, wordField);
        fields.forEach((name, field) -> {
            field.textProperty().bindBidirectional(f.text(name));
            field.setOnAction(e -> applyLater());
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    applyLater();
                }
            });
        });
        Map<String, Label> errors = Map.of(SetupForm.STEPS, stepsError, SetupForm.INPUT_SIZE, inputSizeError,
                SetupForm.HIDDEN_SIZE, hiddenSizeError, SetupForm.LAYERS, layersError, SetupForm.SEED, seedError,
                SetupForm.WORD, wordError, SetupForm.WEIGHTS, weightsError);
        errors.forEach((name, label) -> label.textProperty().bind(f.error(name)));
    }

    private boolean applying;

    /**
     * Applies the set-up after a change of a field or a box, once: the view model's own updates of the form (showing
     * the sizes a preset fixed, or putting back a refused choice) do not apply it again.
     */
    private void applyLater() {
        if (applying) {
            return;
        }
        applying = true;
        try {
            vm.applySetup();
        } finally {
            applying = false;
        }
    }

    private void bindControls() {
        Stepper s = vm.stepper();
        speedSlider.valueProperty().bindBidirectional(s.speedProperty());
        pauseButton.disableProperty().bind(s.runningProperty().not());
        undoButton.disableProperty().bind(vm.canUndoProperty().not());
        redoButton.disableProperty().bind(vm.canRedoProperty().not());
        status.textProperty().bind(vm.statusProperty());
        title.textProperty().bind(vm.titleProperty());
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        breakpointError.textProperty().bind(s.breakpointErrorProperty());
        tooltips();
    }

    private void tooltips() {
        for (var b : List.of(stepIntoButton, continueButton, pauseButton)) {
            b.setTooltip(new javafx.scene.control.Tooltip(b.getText()));
        }
        stepIntoButton.getTooltip().setText(resources.getString("debugger.tip.stepInto"));
        continueButton.getTooltip().setText(resources.getString("debugger.tip.continue"));
        pauseButton.getTooltip().setText(resources.getString("debugger.tip.pause"));
    }

    private StringConverter<Object> rawLabels(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(Object o) {
                return o == null ? "" : resources.getString(prefix + ((Enum<?>) o).name());
            }

            @Override
            public Object fromString(String s) {
                return null;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private <T> StringConverter<T> labels(String prefix) {
        return (StringConverter<T>) (StringConverter<?>) rawLabels(prefix);
    }

    // ------------------------------------------------------------------------------------------------ redraw

    private void onResult(TraceJob.Result r) {
        if (r != null) {
            views.showTrace(r);
            InputTable.fill(inputTable, vm, inputError, resources);
        }
    }

    private void onCursor() {
        Trace tr = vm.trace();
        Cursor c = vm.cursor();
        if (tr == null || c == null) {
            return;
        }
        Equation eq = vm.equations().get(c.equation());
        boolean forward = c.direction() == Direction.FORWARD;
        positionLabel.setText(I18n.format(resources, forward ? "debugger.position.forward"
                : "debugger.position.backward", c.t() + 1, tr.steps(), c.layer(),
                resources.getString("debugger.eq." + eq.id())));
        setIfChanged(jumpField, Integer.toString(c.t() + 1));
        setIfChanged(unitField, Integer.toString(vm.unitProperty().get()));
        views.showStep();
        backwardToggle.setSelected(!forward);
        // the watch rows update themselves: the view model replaces each row when the cursor moves
    }

    /**
     * ScrollPane caches its viewport as an image; its content here changes at every step, so the cache would be
     * rebuilt (the whole content repainted) each time. Turning it off lets a step repaint only what changed.
     */
    private void uncacheScrollPanes() {
        javafx.application.Platform.runLater(() -> {
            for (javafx.scene.Node n : root.lookupAll(".scroll-pane > .viewport")) {
                n.setCache(false);
            }
        });
    }

    private static void setIfChanged(TextField field, String text) {
        if (!text.equals(field.getText())) {
            field.setText(text);
        }
    }

    // ------------------------------------------------------------------------------------------------ actions

    @FXML
    void onStepInto() {
        vm.stepper().stepInto();
    }

    @FXML
    void onStepOver() {
        vm.stepper().stepOver();
    }

    @FXML
    void onStepBack() {
        vm.stepper().stepBack();
    }

    @FXML
    void onStepBackOver() {
        vm.stepper().stepBackOver();
    }

    @FXML
    void onContinue() {
        vm.stepper().continueRun();
    }

    void onContinueBack() {
        vm.stepper().continueBack();
    }

    @FXML
    void onPause() {
        vm.stepper().pause();
    }

    /** Debug ▸ Open Model File…: asks for a model file and shows it. */
    void onOpenModelFile() {
        chooseModelFile(vm.form().weightsProperty().get());
    }

    void onExportTrace() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(resources.getString("debugger.chooser.trace"));
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("CSV (layer,t,b,symbol,unit,value)", "*.csv"),
                new javafx.stage.FileChooser.ExtensionFilter("JSON", "*.json"),
                new javafx.stage.FileChooser.ExtensionFilter("safetensors", "*.safetensors"));
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            vm.exportTrace(file.toPath());
        }
    }

    private void chooseModelFile(WeightPreset fallback) {
        ModelFileChooser.choose(root, resources, vm, fallback);
    }

    @FXML
    void onRestart() {
        vm.stepper().restart();
    }

    @FXML
    void onJump() {
        String err = vm.stepper().jumpTo(jumpField.getText());
        jumpError.setText(err == null ? "" : err);
    }

    void focusJump() {
        jumpField.requestFocus();
        jumpField.selectAll();
    }

    @FXML
    void onBackward() {
        vm.stepper().setDirection(backwardToggle.isSelected() ? Direction.BACKWARD : Direction.FORWARD);
        if (backwardToggle.isSelected()) {
            viewTabs.getSelectionModel().select(gradientTab);
        }
    }

    void toggleBackward() {
        backwardToggle.setSelected(!backwardToggle.isSelected());
        onBackward();
    }

    @FXML
    void onBeside() {
        Map<ToggleButton, CellType> map = Map.of(besideRnn, CellType.RNN_TANH, besideGru, CellType.GRU, besideLstm,
                CellType.LSTM);
        map.forEach((button, cell) -> {
            if (button.isSelected()) {
                vm.addCompanion(cell);
            } else {
                vm.removeCompanion(cell);
            }
        });
    }

    @FXML
    void onUndo() {
        vm.undo();
    }

    @FXML
    void onRedo() {
        vm.redo();
    }

    @FXML
    void onAddBreakpoint() {
        if (vm.stepper().addBreakpoint(breakpointField.getText()) == null) {
            breakpointField.clear();
        }
    }

    @FXML
    void onRemoveBreakpoint() {
        vm.stepper().removeBreakpoint(breakpointList.getSelectionModel().getSelectedIndex());
    }

    void focusBreakpoint() {
        breakpointField.requestFocus();
    }

    @FXML
    void onAddWatch() {
        String err = vm.addWatch(watchField.getText());
        watchError.setText(err == null ? "" : err);
        if (err == null) {
            watchField.clear();
        }
    }

    @FXML
    void onRemoveWatch() {
        vm.removeWatch(watchList.getSelectionModel().getSelectedIndex());
    }

    void focusWatch() {
        watchField.requestFocus();
    }

    @FXML
    void onUnit() {
        Trace tr = vm.trace();
        try {
            int u = Integer.parseInt(unitField.getText().strip());
            if (tr != null && (u < 0 || u >= tr.hiddenSize())) {
                unitError.setText(I18n.format(resources, "debugger.error.range", 0, tr.hiddenSize() - 1));
                return;
            }
            unitError.setText("");
            followUnit(u);
        } catch (NumberFormatException e) {
            unitError.setText(I18n.format(resources, "debugger.error.notInteger", unitField.getText().strip()));
        }
    }

    void moveUnit(int delta) {
        Trace tr = vm.trace();
        if (tr != null) {
            followUnit(Math.floorMod(vm.unitProperty().get() + delta, tr.hiddenSize()));
        }
    }

    private void followUnit(int u) {
        Trace tr = vm.trace();
        if (tr != null) {
            vm.unitProperty().set(Math.max(0, Math.min(tr.hiddenSize() - 1, u)));
        }
    }

    private void openWeight(Substitution.Token t) {
        weightName.setText(t.symbol());
        weightLayer.setText(Integer.toString(vm.cursor().layer()));
        weightRow.setText(Integer.toString(t.unit()));
        weightCol.setText(Integer.toString(t.col()));
        weightValue.setText(Numbers.format(t.value()));
        editPane.setExpanded(true);
        weightValue.requestFocus();
        weightValue.selectAll();
    }

    @FXML
    void onApplyWeight() {
        int layer;
        int row;
        int col;
        try {
            layer = Integer.parseInt(weightLayer.getText().strip());
            row = Integer.parseInt(weightRow.getText().strip());
            col = Integer.parseInt(weightCol.getText().strip());
        } catch (NumberFormatException e) {
            weightError.setText(resources.getString("debugger.error.weightAddress"));
            return;
        }
        String err = vm.editWeight(layer, weightName.getText().strip(), row, col, weightValue.getText());
        weightError.setText(err == null ? "" : err);
    }

    // ------------------------------------------------------------------------------------------------ wiring

    public DebuggerViewModel viewModel() {
        return vm;
    }

    /** The Debug menu for the main window's menu bar. */
    public Menu menu() {
        return menu;
    }

    public void shutdown() {
        timer.stop();
        vm.shutdown();
    }
}
