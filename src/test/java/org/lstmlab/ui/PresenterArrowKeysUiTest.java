package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.Cursor;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A teacher who has just switched presenter mode on presses → to go on, as in a slide show: the debugger steps one
 * equation and the projected tab stays the Debugger (the focus is on the main tabs, whose → used to open the Train
 * tab in the middle of the lecture); ← steps back. In a text field the arrows move the caret and step nothing.
 */
class PresenterArrowKeysUiTest extends MainWindowUiBase {

    private String selectedTab(FxRobot robot) {
        return UiWait.onFx(() -> ((TabPane) window.root().lookup("#mainTabs")).getSelectionModel()
                .getSelectedItem().getId());
    }

    @Test
    void arrowsStepTheEquationsAndKeepTheDebuggerOnScreen(FxRobot robot) {
        var vm = window.debugger().viewModel();
        UiWait.until("a trace", () -> vm.trace() != null);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        UiWait.until("presenter mode", window::isPresenting);
        assertTrue(UiWait.onFx(() -> robot.lookup("#statusMessage").queryAs(javafx.scene.control.Label.class)
                .getText().contains("\u2192")), "the status bar says that → steps");
        Cursor start = vm.cursor();

        robot.push(KeyCode.RIGHT);
        UiWait.until("→ steps one equation", () -> !vm.cursor().equals(start), () -> vm.cursor() + "");
        assertEquals(start.equation() + 1, vm.cursor().equation());
        assertEquals("debuggerTab", selectedTab(robot), "the Debugger tab stays on the projector");
        assertTrue(window.isPresenting());
        robot.push(KeyCode.LEFT);
        UiWait.until("← steps back", () -> vm.cursor().equals(start), () -> vm.cursor() + "");
        assertEquals("debuggerTab", selectedTab(robot));

        robot.clickOn("#equationHeader .text-field");
        UiWait.until("the field has the focus", () -> window.root().getScene().getFocusOwner()
                instanceof javafx.scene.control.TextField);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start, vm.cursor(), "→ in a text field moves the caret only");
    }
}
