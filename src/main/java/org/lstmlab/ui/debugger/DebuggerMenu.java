package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The Debug menu: every debugger action as a menu item with its key (IDE conventions: F11 step into, F10 step
 * over, F5 continue, F6 pause), so that everything works from the keyboard and every key is discoverable.
 */
final class DebuggerMenu {
    private DebuggerMenu() {
    }

    static Menu create(ResourceBundle i18n, DebuggerView v) {
        DebuggerViewModel vm = v.viewModel();
        Stepper s = vm.stepper();
        Menu m = new Menu(i18n.getString("debugger.menu"));
        m.setId("debugMenu");
        m.getItems().addAll(
                item(i18n, "debugger.action.stepInto", "F11", s::stepInto),
                item(i18n, "debugger.action.stepOver", "F10", s::stepOver),
                item(i18n, "debugger.action.stepBack", "Shift+F11", s::stepBack),
                item(i18n, "debugger.action.stepBackOver", "Shift+F10", s::stepBackOver),
                new SeparatorMenuItem(),
                item(i18n, "debugger.action.continue", "F5", s::continueRun),
                item(i18n, "debugger.action.continueBack", "Shift+F5", s::continueBack),
                item(i18n, "debugger.action.pause", "F6", s::pause),
                item(i18n, "debugger.action.faster", "Shortcut+Close Bracket", () -> s.changeSpeed(1)),
                item(i18n, "debugger.action.slower", "Shortcut+Open Bracket", () -> s.changeSpeed(-1)),
                item(i18n, "debugger.action.restart", "Shortcut+Shift+F5", s::restart),
                item(i18n, "debugger.action.jumpTo", "Shortcut+G", v::focusJump),
                new SeparatorMenuItem(),
                item(i18n, "debugger.action.backward", "Shortcut+B",
                        () -> vm.moves().setBackward(!vm.moves().isBackward())),
                // Alt+Right / Alt+Left: Alt+Down and Alt+Up stay with the combo boxes, which open and close on them.
                item(i18n, "debugger.action.nextUnit", "Alt+Right", () -> vm.moves().moveUnit(1)),
                item(i18n, "debugger.action.previousUnit", "Alt+Left", () -> vm.moves().moveUnit(-1)),
                item(i18n, "debugger.action.addBreakpoint", "Shortcut+Shift+B", v::focusBreakpoint),
                item(i18n, "debugger.action.addWatch", "Shortcut+Shift+W", v::focusWatch),
                new SeparatorMenuItem(),
                item(i18n, "debugger.action.undo", "Shortcut+Z", vm::undo),
                item(i18n, "debugger.action.redo", "Shortcut+Shift+Z", vm::redo),
                new SeparatorMenuItem(),
                // no key of its own: Ctrl+O is File ▸ Open Model, which opens into the debugger on this tab
                item(i18n, "debugger.action.openModel", null, v::openModelFile),
                item(i18n, "debugger.action.exportTrace", "Shortcut+Shift+E", v::exportTrace));
        return m;
    }

    /**
     * Disables the menu and every item while {@code elsewhere} holds (another tab is on show: a disabled menu still
     * fires its items' keys), and, as their buttons are, Pause while nothing runs and Undo or Redo with nothing to
     * undo or redo.
     */
    static void disableWhile(Menu m, ObservableBooleanValue elsewhere, DebuggerViewModel vm) {
        BooleanExpression away = BooleanExpression.booleanExpression(elsewhere);
        m.disableProperty().bind(away);
        for (MenuItem item : m.getItems()) {
            BooleanExpression idle = switch (item.getId() == null ? "" : item.getId()) {
                case "pauseItem" -> vm.stepper().runningProperty().not();
                case "undoItem" -> vm.canUndoProperty().not();
                case "redoItem" -> vm.canRedoProperty().not();
                default -> null;
            };
            item.disableProperty().bind(idle == null ? away : away.or(idle));
        }
    }

    private static MenuItem item(ResourceBundle i18n, String key, String keys, Runnable action) {
        MenuItem item = new MenuItem(i18n.getString(key));
        item.setId(key.substring(key.lastIndexOf('.') + 1) + "Item");
        if (keys != null) {
            item.setAccelerator(KeyCombination.keyCombination(keys));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
