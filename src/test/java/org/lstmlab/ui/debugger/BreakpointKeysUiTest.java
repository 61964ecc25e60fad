package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Breakpoints and watches from the keyboard alone. Tab goes from the breakpoint list to its Remove button and on to
 * the watches; Space ticks the selected breakpoint on or off and Delete removes it; Delete removes a watch. Before,
 * Tab went from the list into the first line's check box and from there back to the tool bar, so Remove and the
 * watches could not be reached forwards, and Space ticked the first line whichever was selected.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BreakpointKeysUiTest {
    private MainWindow window;
    private DebuggerViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        window = DebuggerWindow.show(stage, 1024, 768);
        scene = stage.getScene();
        vm = window.debugger().viewModel();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get();
    }

    private String focused() {
        return UiWait.onFx(() -> {
            Node n = scene.getFocusOwner();
            return n == null ? "" : n.getId() != null ? n.getId() : n.getClass().getSimpleName();
        });
    }

    private List<Boolean> enabled() {
        return UiWait.onFx(() -> vm.stepper().breakpoints().stream().map(Breakpoint::enabled).toList());
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void breakpointsAndWatchesFromTheKeyboard(FxRobot robot) {
        UiWait.until("the first trace", () -> vm.trace() != null && !vm.busyProperty().get());
        shortcut(robot, KeyCode.B);
        assertEquals("breakpointField", focused());
        for (String bp : List.of("t == 2", "t == 3", "t == 4")) {
            robot.write(bp).push(KeyCode.ENTER);
        }
        UiWait.until("three breakpoints", () -> vm.stepper().breakpoints().size() == 3);

        robot.push(KeyCode.TAB).push(KeyCode.TAB);
        assertEquals("breakpointList", focused());
        robot.push(KeyCode.HOME).push(KeyCode.DOWN);  // the first line, then the second
        robot.push(KeyCode.SPACE);
        UiWait.until("Space ticks the second breakpoint off", () -> enabled().equals(List.of(true, false, true)),
                () -> enabled().toString());
        robot.push(KeyCode.DELETE);
        UiWait.until("Delete removes it", () -> vm.stepper().breakpoints().size() == 2);
        assertEquals(List.of("t == 2", "t == 4"), UiWait.onFx(() -> vm.stepper().breakpoints().stream()
                .map(Breakpoint::text).toList()));

        robot.push(KeyCode.TAB);
        assertEquals("removeBreakpointButton", focused(), "Tab goes on from the list to its Remove button");
        robot.push(KeyCode.TAB).push(KeyCode.TAB);
        assertEquals("watchField", focused(), "and on to the watches");
        robot.write("h[0] * 2").push(KeyCode.ENTER);
        UiWait.until("a watch", () -> vm.watches().size() == 1);
        robot.push(KeyCode.TAB).push(KeyCode.TAB);
        assertEquals("watchList", focused());
        robot.push(KeyCode.HOME).push(KeyCode.DELETE);
        UiWait.until("Delete removes the watch", () -> vm.watches().isEmpty());
    }
}
