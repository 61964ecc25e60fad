package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.Drawn;
import org.testfx.api.FxRobot;

/** The controls a class needs, in a 1024 × 768 window: labels shown in full, the keys of combo boxes left alone. */
class ControlsUiTest extends DebuggerUiBase {
    @Override
    protected double[] size() {
        return new double[] {1024, 768};
    }

    /** The text a label draws: its own, or cut short with an ellipsis when it does not fit. */
    static String drawn(Label label) {
        return Drawn.text(label).replace("\n", " ").replaceAll(" +", " ");
    }

    @Test
    void theWeightEditorsLabelsAreShownInFull(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        DebuggerWindow.openEditor(robot);
        List<Label> labels = DebuggerWindow.in(robot).lookup("#editPane .weight-address .label").queryAllAs(
                Label.class).stream().toList();
        assertEquals(4, labels.size());
        for (Label l : labels) {
            assertFalse(l.getText().isEmpty());
            assertEquals(l.getText(), drawn(l), "the label " + l.getText() + " is cut short");
        }
        assertEquals(List.of("weight", "layer", "row", "col"), labels.stream().map(Label::getText).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void altDownOpensAComboBoxAndAltRightFollowsTheNextUnit(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        ComboBox<?> box = DebuggerWindow.in(robot).lookup("#inputBox").queryAs(ComboBox.class);
        robot.interact(box::requestFocus);
        DebuggerWindow.waitFor(box::isFocused);
        robot.push(KeyCode.ALT, KeyCode.DOWN);
        DebuggerWindow.waitFor(box::isShowing);
        assertEquals(0, vm.unitProperty().get(), "Alt+Down belongs to the combo box");
        robot.push(KeyCode.ESCAPE);
        DebuggerWindow.waitFor(() -> !box.isShowing());
        robot.push(KeyCode.ALT, KeyCode.RIGHT);
        DebuggerWindow.waitFor(() -> vm.unitProperty().get() == 1);
        robot.push(KeyCode.ALT, KeyCode.LEFT);
        DebuggerWindow.waitFor(() -> vm.unitProperty().get() == 0);
        assertTrue(window.debugger().menu().getItems().stream().anyMatch(i -> i.getAccelerator() != null
                && i.getAccelerator().getName().contains("Right")));
    }

    @Test
    void aLongWatchValueIsShownInFullWithinTheList(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        robot.interact(() -> {
            vm.setupCommands().setField(SetupForm.HIDDEN_SIZE, "16");
            vm.addWatch("h");
        });
        DebuggerWindow.waitFor(() -> vm.trace().hiddenSize() == 16);
        robot.interact(() -> {
            vm.moves().jumpTo(3);
            vm.moves().goToEquation(5);
            vm.moves().followUnit(8);
        });
        DebuggerWindow.waitFor(() -> !vm.watches().get(0).pending());
        Label value = DebuggerWindow.in(robot).lookup("#watchPane .watch-value").queryAs(Label.class);
        DebuggerWindow.waitFor(() -> value.getText().equals(vm.watches().get(0).value()));
        assertTrue(value.getText().length() > 60, "a long value: " + value.getText());
        DebuggerWindow.waitFor(() -> value.getText().equals(drawn(value)));
        javafx.geometry.Bounds v = value.localToScene(value.getLayoutBounds());
        Node list = DebuggerWindow.in(robot).lookup("#watchPane .list-view").query();
        javafx.geometry.Bounds l = list.localToScene(list.getLayoutBounds());
        assertTrue(v.getMaxX() <= l.getMaxX(), "the value stays inside the list: " + v + " in " + l);
    }

    /** Whether {@code n} lies within the visible part of the side panel. */
    private static boolean inView(FxRobot robot, Node n) {
        Node view = DebuggerWindow.in(robot).lookup("#sidePanel > .viewport").query();
        return org.lstmlab.ui.UiWait.onFx(() -> {
            javafx.geometry.Bounds v = view.localToScene(view.getLayoutBounds());
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            return b.getMinY() >= v.getMinY() && b.getMaxY() <= v.getMaxY();
        });
    }

    @Test
    void aPickedWeightAndTheBreakpointAndWatchKeysShowTheFieldTheyFocus(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null && !vm.busyProperty().get());
        Node value = DebuggerWindow.in(robot).lookup("#weightValue").query();
        Node watch = DebuggerWindow.in(robot).lookup("#watchField").query();
        Node breakpoint = DebuggerWindow.in(robot).lookup("#breakpointField").query();
        assertFalse(inView(robot, watch), "at 1024 x 768 the watches start below the visible part");

        robot.interact(() -> vm.weightEditor().pick("W_hf", 0, 2, 1, vm.trace().weights(0, "W_hf").get(2, 1)));
        DebuggerWindow.waitFor(value::isFocused);
        assertTrue(inView(robot, value), "the picked weight's value field is on the screen");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        DebuggerWindow.waitFor(breakpoint::isFocused);
        assertTrue(inView(robot, breakpoint), "Ctrl+Shift+B shows the breakpoint field");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
        DebuggerWindow.waitFor(watch::isFocused);
        assertTrue(inView(robot, watch), "Ctrl+Shift+W shows the watch field");
    }
}
