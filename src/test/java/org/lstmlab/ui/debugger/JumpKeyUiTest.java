package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
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
 * Ctrl+G (Debug ▸ Jump to Timestep…) in a debugger as narrow as the one beside a docked lesson at 1024 × 768: the
 * tool bar folds its "t =" field into the overflow menu, where it cannot take the focus, so a dialog asks for the
 * timestep; a timestep out of range asks again with the reason, and Esc leaves the cursor where it was. Before,
 * Ctrl+G left the focus on the tabs and what was typed next went nowhere.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class JumpKeyUiTest {
    private MainWindow window;
    private DebuggerViewModel vm;

    @Start
    void start(Stage stage) {
        window = DebuggerWindow.show(stage, 640, 720);
        vm = window.debugger().viewModel();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get();
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n != null && n.getScene() != null;
    }

    private void ctrlG(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        UiWait.until("the jump dialog, its timestep selected to be typed over", () -> robot.lookup("#jumpDialog")
                .tryQuery().map(n -> n.lookup(".text-field")).map(f -> f.isFocused()
                        && ((TextField) f).getSelectedText().equals(((TextField) f).getText())).orElse(false));
        robot.targetWindow(robot.lookup("#jumpDialog").query().getScene().getWindow());  // where robot.write types
    }

    @Test
    void ctrlGAsksForTheTimestepWhenTheFieldIsFolded(FxRobot robot) {
        UiWait.until("the first trace", () -> vm.trace() != null && !vm.busyProperty().get());
        robot.interact(() -> robot.lookup("#stepIntoButton").query().requestFocus());
        assertFalse(UiWait.onFx(() -> showing(DebuggerWindow.in(robot).lookup("#jumpField").tryQuery()
                .orElse(null))), "at this width the tool bar folds the t = field away");

        ctrlG(robot);
        robot.write("3").push(KeyCode.ENTER);
        UiWait.until("the jump to t = 3", () -> vm.cursor().t() == 2, () -> String.valueOf(vm.cursor()));
        UiWait.until("the dialog closed", () -> robot.lookup("#jumpDialog").tryQuery().isEmpty());

        ctrlG(robot);
        robot.write("999").push(KeyCode.ENTER);
        UiWait.until("the dialog again, with the reason", () -> robot.lookup("#jumpDialog").tryQuery()
                .map(n -> ((DialogPane) n).getHeaderText()).orElse("").contains("between"));
        robot.push(KeyCode.ESCAPE);
        UiWait.until("Esc closes it", () -> robot.lookup("#jumpDialog").tryQuery().isEmpty());
        assertEquals(2, (int) UiWait.onFx(() -> vm.cursor().t()), "the cursor stays at t = 3");
        assertTrue(UiWait.onFx(() -> robot.lookup("#jumpDialog").tryQuery().isEmpty()));
    }
}
