package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.help.ShortcutsDialog;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson docked beside the debugger at 1024 × 768 folds the tool bar's Speed slider, Restart and "t =" field into
 * its overflow menu; their keys reach them without it: Ctrl+[ and Ctrl+] (Debug ▸ Slower, Faster; before, the
 * speed had no key) with the speed in the status line, Ctrl+Shift+F5 for Restart, and the Keyboard Shortcuts window
 * lists the four in English and in Chinese. (Ctrl+G's dialog for a folded "t =" field: JumpKeyUiTest.)
 */
class LessonToolbarKeysUiTest extends MainWindowUiBase {
    private static boolean showing(FxRobot robot, String id) {
        return UiWait.onFx(() -> {
            Node n = robot.lookup(".debugger " + id).tryQuery().orElse(null);  // folded: out of the scene
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return n != null && n.getScene() != null;
        });
    }

    /** The actions the Keyboard Shortcuts window lists, with their keys, for the window's menus now. */
    private List<String> sheet(FxRobot robot) {
        MenuBar menus = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Window sheet = UiWait.onFx(() -> ShortcutsDialog.show(menus, window.i18n(), menus));
        UiWait.until("the shortcuts shown", sheet::isShowing);
        List<String> rows = UiWait.onFx(() -> ((TableView<?>) sheet.getScene().lookup(".table-view")).getItems()
                .stream().map(String::valueOf).toList());
        robot.interact(() -> sheet.hide());
        return rows;
    }

    private static void listed(List<String> rows, ResourceBundle i18n, String key, String keys) {
        String action = i18n.getString(key).replaceAll("\\(_\\w\\)", "").replace("_", "").replace("\u2026", "")
                .strip();
        assertTrue(rows.stream().anyMatch(r -> r.contains("action=" + action + ",") && r.contains("keys=" + keys)),
                action + " (" + keys + ") is listed: " + rows);
    }

    private void listsTheFoldedControls(FxRobot robot) {
        List<String> rows = sheet(robot);
        listed(rows, window.i18n(), "debugger.action.faster", "Ctrl+]");
        listed(rows, window.i18n(), "debugger.action.slower", "Ctrl+[");
        listed(rows, window.i18n(), "debugger.action.restart", "Ctrl+Shift+F5");
        listed(rows, window.i18n(), "debugger.action.jumpTo", "Ctrl+G");
    }

    @Test
    void theFoldedControlsHaveKeysAndTheShortcutsWindowListsThem(FxRobot robot) {
        String[] controls = {"#speedSlider", "#restartButton", "#jumpField"};
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        for (String control : controls) {
            assertTrue(showing(robot, control), control + " shows on the tool bar without a lesson");
        }
        DebuggerViewModel vm = FirstLesson.showMe(robot, window);
        WaitForAsyncUtils.waitForFxEvents();
        for (String control : controls) {
            assertFalse(showing(robot, control), control + " is in the tool bar's overflow beside the lesson");
        }

        robot.push(KeyCode.CONTROL, KeyCode.OPEN_BRACKET);
        UiWait.until("a tenth slower: the fastest run", () -> Math.abs(vm.stepper().speedProperty().get() - 50) < 1e-9);
        assertEquals("Speed of Continue: 50 equations/s", UiWait.onFx(() -> vm.statusProperty().get()));
        robot.push(KeyCode.CONTROL, KeyCode.OPEN_BRACKET);
        UiWait.until("slower again", () -> vm.stepper().speedProperty().get() < 40);
        robot.push(KeyCode.CONTROL, KeyCode.CLOSE_BRACKET).push(KeyCode.CONTROL, KeyCode.CLOSE_BRACKET);
        UiWait.until("back to 'at once'", () -> vm.stepper().speedPositionProperty().get() >= 1.1 - 1e-9);

        robot.push(KeyCode.F11).push(KeyCode.F10);
        UiWait.until("stepped on", () -> vm.cursor().t() == 1);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F5);
        UiWait.until("Restart: the first equation", () -> vm.cursor().t() == 0 && vm.cursor().equation() == 0);

        listsTheFoldedControls(robot);
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese, the lesson docked again", () -> window.learnView().viewModel().lessonProperty()
                .get() != null && window.debugger().viewModel().trace() != null);
        listsTheFoldedControls(robot);
    }
}
