package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main keyboard shortcuts, pressed in the real main window: each one does what its menu item says. The keys
 * follow IDE conventions (F11 step into, F10 step over, F5 continue, Shift for backwards) and every action of the
 * Debug menu has one.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KeyboardShortcutsUiTest {
    private MainWindow window;
    private DebuggerViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        window = DebuggerWindow.show(stage, 1280, 800);
        scene = stage.getScene();
        vm = window.debugger().viewModel();
    }

    @AfterEach
    void stop() {
        window.shutdown();
    }

    private void awaitCursor(String what, Cursor expected) {
        UiWait.until(what, () -> expected.equals(vm.cursor()), () -> String.valueOf(vm.cursor()));
    }

    private String focused() {
        return UiWait.onFx(() -> {
            Node n = scene.getFocusOwner();
            return n == null ? "" : String.valueOf(n.getId());
        });
    }

    private static Cursor at(int t, int equation) {
        return new Cursor(Direction.FORWARD, t, 0, equation);
    }

    @Test
    void steppingForwardAndBackKeys(FxRobot robot) {
        UiWait.until("the first trace", () -> vm.trace() != null);
        awaitCursor("the start", at(0, 0));
        robot.push(KeyCode.F11);
        awaitCursor("F11: step into the next equation", at(0, 1));
        robot.push(KeyCode.F10);
        awaitCursor("F10: step over to the same equation at the next timestep", at(1, 1));
        robot.push(KeyCode.F10);
        awaitCursor("F10 again", at(2, 1));
        robot.push(KeyCode.SHIFT, KeyCode.F10);
        awaitCursor("Shift+F10: step back over a timestep", at(1, 1));
        robot.push(KeyCode.SHIFT, KeyCode.F11);
        awaitCursor("Shift+F11: step back one equation", at(1, 0));
        robot.push(KeyCode.F5);
        UiWait.until("F5: continue to the end (no breakpoint)", () -> vm.cursor().t() == vm.trace().steps() - 1,
                () -> String.valueOf(vm.cursor()));
        robot.push(KeyCode.SHIFT, KeyCode.F5);
        awaitCursor("Shift+F5: continue back to the start", at(0, 0));
        robot.push(KeyCode.F10);
        robot.push(KeyCode.F10);
        awaitCursor("two steps over", at(2, 0));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F5);
        awaitCursor("Ctrl+Shift+F5: restart", at(0, 0));
    }

    @Test
    void modeUnitAndFocusKeys(FxRobot robot) {
        UiWait.until("the first trace", () -> vm.trace() != null);
        robot.push(KeyCode.CONTROL, KeyCode.B);
        UiWait.until("Ctrl+B: backward mode", () -> vm.cursor().direction() == Direction.BACKWARD);
        robot.push(KeyCode.CONTROL, KeyCode.B);
        UiWait.until("Ctrl+B again: forward mode", () -> vm.cursor().direction() == Direction.FORWARD);
        int unit = vm.unitProperty().get();
        robot.push(KeyCode.ALT, KeyCode.RIGHT); // Alt+Down and Alt+Up open and close the combo boxes
        UiWait.until("Alt+Right: next unit", () -> vm.unitProperty().get() == unit + 1);
        robot.push(KeyCode.ALT, KeyCode.LEFT);
        UiWait.until("Alt+Left: previous unit", () -> vm.unitProperty().get() == unit);
        robot.push(KeyCode.CONTROL, KeyCode.G);
        UiWait.until("Ctrl+G: the jump field has the focus", () -> "jumpField".equals(focused()), this::focused);
        robot.clickOn("#sidePanelToggle");
        UiWait.until("the Side panel button folds the panel", () -> robot.lookup("#breakpointField").tryQuery()
                .isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        UiWait.until("Ctrl+Shift+B: the panel back, the breakpoint field", () -> "breakpointField".equals(focused()),
                this::focused);
        robot.clickOn("#sidePanelToggle");
        UiWait.until("folded again", () -> robot.lookup("#watchField").tryQuery().isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W);
        UiWait.until("Ctrl+Shift+W: the panel back, the watch field", () -> "watchField".equals(focused()),
                this::focused);
        robot.write("h[0]").push(KeyCode.ENTER);
        UiWait.until("the watch typed after Ctrl+Shift+W is added", () -> vm.watches().size() == 1);
    }

    @Test
    void undoAndRedoKeys(FxRobot robot) {
        UiWait.until("the first trace", () -> vm.trace() != null);
        double before = vm.trace().weights(0, "b_if").get(0, 0);
        assertNull(UiWait.onFx(() -> vm.editWeight(0, "b_if", 0, 0, "6")));
        UiWait.until("the edit", () -> vm.trace().weights(0, "b_if").get(0, 0) == 6);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        UiWait.until("Ctrl+Z: undone", () -> vm.trace().weights(0, "b_if").get(0, 0) == before);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        UiWait.until("Ctrl+Shift+Z: redone", () -> vm.trace().weights(0, "b_if").get(0, 0) == 6);
    }

    @Test
    void everyMenuActionHasItsOwnKeyAndQuitAndOpenHaveTheUsualOnes(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<MenuItem> items = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            items.addAll(m.getItems());
        }
        Set<KeyCombination> seen = new HashSet<>();
        int debugActions = 0;
        for (MenuItem item : items) {
            if (item instanceof javafx.scene.control.SeparatorMenuItem) {
                continue;
            }
            KeyCombination k = item.getAccelerator();
            // Debug ▸ Open Model File… has no key of its own: Ctrl+O (File ▸ Open) opens into the debugger
            if ("debugMenu".equals(item.getParentMenu().getId()) && !"openModelItem".equals(item.getId())) {
                assertNotNull(k, item.getText() + " has no key");
                debugActions++;
            }
            if (k != null) {
                assertTrue(seen.add(k), "two menu items share " + k.getDisplayText());
            }
        }
        assertEquals(19, debugActions, "the Debug menu's actions (Faster and Slower among them)");
        assertEquals(KeyCombination.keyCombination("Shortcut+Q"), items.stream()
                .filter(i -> "quitItem".equals(i.getId())).findFirst().orElseThrow().getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+O"), items.stream()
                .filter(i -> "openItem".equals(i.getId())).findFirst().orElseThrow().getAccelerator());
    }
}
