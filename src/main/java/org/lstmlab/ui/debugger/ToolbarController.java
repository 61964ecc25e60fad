package org.lstmlab.ui.debugger;

import java.util.Map;
import java.util.ResourceBundle;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.common.DialogButtons;
import org.lstmlab.ui.common.WindowZoom;

/** Toolbar.fxml: the stepping buttons, Continue and its speed, the "t =" field, backward mode, cells beside, undo. */
public final class ToolbarController {
    @FXML private ResourceBundle resources;
    @FXML private Button stepIntoButton;
    @FXML private Button continueButton;
    @FXML private Button pauseButton;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
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
    @FXML private Label story;
    @FXML private Label status;
    @FXML private javafx.scene.control.ToolBar secondBar;
    @FXML private javafx.scene.layout.HBox statusRow;
    @FXML private javafx.scene.layout.HBox titleRow;
    /** Presenter mode is on: the title's line goes with the status line. */
    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty();
    @FXML private ToggleButton sidePanelToggle;

    private DebuggerViewModel vm;
    private Map<ToggleButton, CellType> beside;

    void attach(DebuggerViewModel model) {
        vm = model;
        Stepper s = vm.stepper();
        speedSlider.setMax(Stepper.SLIDER_MAX);
        speedSlider.valueProperty().bindBidirectional(s.speedPositionProperty());
        speedLabel.textProperty().bind(s.speedTextProperty());
        pauseButton.disableProperty().bind(s.runningProperty().not());
        undoButton.disableProperty().bind(vm.canUndoProperty().not());
        redoButton.disableProperty().bind(vm.canRedoProperty().not());
        status.textProperty().bind(vm.statusProperty());
        title.textProperty().bind(vm.titleProperty());
        Tooltip whole = new Tooltip();   // the title whole when the pointer rests on it, as before
        whole.textProperty().bind(vm.titleProperty());
        title.setTooltip(whole);
        titleRow.visibleProperty().bind(vm.titleProperty().isNotEmpty().and(presenting.not()));
        story.textProperty().bind(vm.storyProperty());
        story.visibleProperty().bind(vm.storyProperty().isNotEmpty());
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        jumpField.textProperty().bindBidirectional(vm.fields().jumpTextProperty());
        jumpError.textProperty().bind(vm.fields().jumpErrorProperty());
        beside = Map.of(besideRnn, CellType.RNN_TANH, besideGru, CellType.GRU, besideLstm, CellType.LSTM);
        vm.companions().addListener((ListChangeListener<Companion>) ch ->
                beside.forEach((button, cell) -> button.setSelected(vm.beside().has(cell))));
        s.cursorProperty().addListener((o, a, c) -> backwardToggle.setSelected(c != null
                && c.direction() == Direction.BACKWARD));
        stepIntoButton.setTooltip(new Tooltip(resources.getString("debugger.tip.stepInto")));
        continueButton.setTooltip(new Tooltip(resources.getString("debugger.tip.continue")));
        pauseButton.setTooltip(new Tooltip(resources.getString("debugger.tip.pause")));
    }

    /** The Side panel button shows {@code shown} and sets it. */
    void bindSidePanel(javafx.beans.property.BooleanProperty shown) {
        sidePanelToggle.selectedProperty().bindBidirectional(shown);
    }

    /** Presenter mode keeps the stepping buttons and hides the rest. */
    void setPresenting(boolean on) {
        secondBar.setVisible(!on);
        statusRow.setVisible(!on);
        presenting.set(on);
    }

    /**
     * Ctrl+G: puts the caret in the "t =" field. When the tool bar is too narrow for it (a lesson docked at
     * 1024 × 768, presenter mode), the field is folded into the tool bar's overflow menu and cannot take the focus:
     * a small dialog asks for the timestep instead, and asks again with the reason when it cannot jump there.
     */
    void focusJump() {
        if (showing(jumpField)) {
            jumpField.requestFocus();
            jumpField.selectAll();
        } else {
            askJump(null);
        }
    }

    private static boolean showing(javafx.scene.Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void askJump(String why) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(jumpField.getText());
        d.setTitle(withoutMnemonic(resources.getString("debugger.action.jumpTo")));
        d.setHeaderText(why);
        d.setContentText(withoutMnemonic(resources.getString("debugger.jump")));
        d.getDialogPane().setId("jumpDialog");
        d.getDialogPane().getButtonTypes().setAll(DialogButtons.ok(resources), DialogButtons.cancel(resources));
        d.setOnShown(e -> javafx.application.Platform.runLater(() -> {
            d.getEditor().requestFocus();
            d.getEditor().selectAll();  // typing replaces the timestep on show
        }));
        if (jumpField.getScene() != null) {
            d.initOwner(jumpField.getScene().getWindow());
        } else if (stepIntoButton.getScene() != null) {
            d.initOwner(stepIntoButton.getScene().getWindow());
        }
        WindowZoom.dialog(d, WindowZoom.of(stepIntoButton));
        d.showAndWait().ifPresent(text -> {
            String error = vm.moves().jumpTo(text);
            if (error != null) {
                askJump(error);
            }
        });
    }

    /** A menu label as a title: "_Jump to Timestep…" as "Jump to Timestep", "跳到时间步(_J)…" as "跳到时间步". */
    static String withoutMnemonic(String label) {
        return label.replaceAll("\\(_.\\)", "").replace("_", "").replace("\u2026", "").strip();
    }

    @FXML
    private void onStepInto() {
        vm.stepper().stepInto();
    }

    @FXML
    private void onStepOver() {
        vm.stepper().stepOver();
    }

    @FXML
    private void onStepBack() {
        vm.stepper().stepBack();
    }

    @FXML
    private void onStepBackOver() {
        vm.stepper().stepBackOver();
    }

    @FXML
    private void onContinue() {
        vm.stepper().continueRun();
    }

    @FXML
    private void onPause() {
        vm.stepper().pause();
    }

    @FXML
    private void onRestart() {
        vm.stepper().restart();
    }

    @FXML
    private void onJump() {
        vm.moves().jumpTo(jumpField.getText());
    }

    @FXML
    private void onBackward() {
        vm.moves().setBackward(backwardToggle.isSelected());
    }

    @FXML
    private void onBeside() {
        beside.forEach((button, cell) -> vm.beside().set(cell, button.isSelected()));
    }

    @FXML
    private void onUndo() {
        vm.undo();
    }

    @FXML
    private void onRedo() {
        vm.redo();
    }
}
