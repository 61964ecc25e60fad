package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** The set-up form and undo in the real window: what the boxes name, refusals, the first table edit. */
class SetupUiTest extends DebuggerUiBase {
    @Test
    @SuppressWarnings("unchecked")
    void choosingAGruForALoadedLstmModelIsRefusedInTheBoxAndRandomWeightsRunIt(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        Batch batch = OpenModelTest.batch();
        robot.interact(() -> window.debuggerLauncher().openModel(SetupSessionTest.lstm(), batch.input(), batch, 0,
                () -> "epoch 2, sample 1", java.util.List.of()));
        DebuggerWindow.waitFor(() -> vm.trace().hiddenSize() == 5);
        ComboBox<CellType> box = DebuggerWindow.in(robot).lookup("#cellBox").queryAs(ComboBox.class);
        robot.clickOn(box);
        DebuggerWindow.waitFor(() -> robot.lookup(".combo-box-popup .list-cell")
                .match(LabeledMatchers.hasText("GRU")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("GRU"))
                .queryAs(Node.class));
        DebuggerWindow.waitFor(() -> DebuggerWindow.in(robot).lookup("#refusalBox").query().isVisible());
        assertEquals(CellType.LSTM, box.getValue(), "the box names what is computed");
        assertEquals(CellType.LSTM, vm.trace().cell());
        String why = DebuggerWindow.in(robot).lookup("#refusalLabel").queryAs(Label.class).getText();
        assertTrue(why.contains("LSTM") && why.contains("GRU"), why);
        Button random = DebuggerWindow.in(robot).lookup("#useRandomButton").queryAs(Button.class);
        assertTrue(random.isVisible());
        robot.clickOn(random);
        DebuggerWindow.waitFor(() -> vm.trace().cell() == CellType.GRU);
        assertEquals(CellType.GRU, box.getValue());
        assertFalse(DebuggerWindow.in(robot).lookup("#refusalBox").query().isVisible());
    }

    @Test
    void theFirstEditOfTheInputTableCanBeUndoneFromTheToolbar(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        double x = vm.trace().value("x", 0, 0, 0, 0);
        DebuggerWindow.openEditor(robot);
        DebuggerWindow.editInputCell(robot, 0, 1, "0.75");
        DebuggerWindow.waitFor(() -> vm.trace().value("x", 0, 0, 0, 0) == 0.75);
        Button undo = DebuggerWindow.in(robot).lookup("#undoButton").queryAs(Button.class);
        assertFalse(undo.isDisabled(), "Undo stays available after the first edit");
        assertEquals(InputPreset.TABLE, vm.form().inputProperty().get());
        robot.clickOn(undo);
        DebuggerWindow.waitFor(() -> vm.trace().value("x", 0, 0, 0, 0) == x);
        assertEquals(InputPreset.SINE, vm.form().inputProperty().get());
        assertFalse(DebuggerWindow.in(robot).lookup("#redoButton").queryAs(Button.class).isDisabled());
    }

    /** The Word row (label, field, its error) shows only for a word input, and takes no room otherwise. */
    @Test
    void theWordFieldShowsOnlyForAWordInput(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        Node field = DebuggerWindow.in(robot).lookup("#wordField").query();
        Node label = DebuggerWindow.in(robot).lookup("#wordLabel").query();
        assertEquals(InputPreset.SINE, vm.form().inputProperty().get());
        assertFalse(field.isVisible() || field.isManaged() || label.isVisible(), "sine: no Word field");
        robot.interact(() -> vm.setupCommands().chooseInput(InputPreset.WORD));
        DebuggerWindow.waitFor(() -> field.isVisible());
        assertTrue(label.isVisible() && field.isManaged());
        robot.interact(() -> vm.setupCommands().chooseInput(InputPreset.COUNTING));
        DebuggerWindow.waitFor(() -> !field.isVisible());
        assertFalse(label.isVisible() || label.isManaged(), "pulses: no Word field");
    }

    /**
     * A lesson's tutorial mistake in the Cell box: the box names it (it was blank, the cell not among its items),
     * and after the user chooses GRU it names GRU and no longer lists the mistake.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theCellBoxNamesALessonsTutorialMistakeUntilAnotherCellIsChosen(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        ComboBox<CellType> box = DebuggerWindow.in(robot).lookup("#cellBox").queryAs(ComboBox.class);
        robot.interact(() -> {   // as a lesson's set-up does (LessonBridge)
            Setup s = vm.setupProperty().get();
            vm.form().show(new Setup(CellType.LSTM_TANH_INPUT, s.steps(), s.inputSize(), s.hiddenSize(), s.layers(),
                    s.input(), s.word(), s.weights(), s.seed(), s.loss()));
            vm.setupCommands().applySetup();
        });
        DebuggerWindow.waitFor(() -> vm.trace().cell() == CellType.LSTM_TANH_INPUT);
        DebuggerWindow.waitFor(() -> "LSTM (tutorial's: tanh input gate)".equals(shown(box)));
        assertEquals(CellType.LSTM_TANH_INPUT, box.getValue());
        assertTrue(box.getItems().contains(CellType.LSTM_TANH_INPUT));
        robot.interact(() -> box.setValue(CellType.GRU));   // the user's choice from the list
        DebuggerWindow.waitFor(() -> vm.trace().cell() == CellType.GRU);
        DebuggerWindow.waitFor(() -> "GRU".equals(shown(box)));
        DebuggerWindow.waitFor(() -> CellType.standard().equals(box.getItems()));   // the mistake no longer offered
        assertEquals(CellType.GRU, box.getValue());
    }

    /** The text the box shows closed (its button cell). */
    private static String shown(ComboBox<CellType> box) {
        Node n = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode();
        return n instanceof javafx.scene.control.Labeled l ? l.getText() : null;
    }
}
