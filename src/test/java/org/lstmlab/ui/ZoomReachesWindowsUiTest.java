package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * View ▸ Zoom reaches what opens in a window of its own: at 200 % the menus, a drop-down list, a help window, a
 * dialog and a tooltip show their letters twice as large as at 100 %, as the main window does, the dialog's buttons
 * read whole, About's text too, and the help window still fits on the screen.
 * (Before, they opened at 100 %: 13 px letters beside a window of 26 px ones, unreadable from the back of a room.)
 */
class ZoomReachesWindowsUiTest extends MainWindowUiBase {
    /** Letters at 200 % are at least this large on screen (13 px at 100 %). */
    private static final double LARGE = 24;

    /** The size on screen of the letters of the first label under {@code root} showing {@code style}. */
    private static double letters(Node root, String style) {
        return UiWait.onFx(() -> root.lookupAll(style).stream().filter(n -> n instanceof Labeled)
                .mapToDouble(Measure::screenFontSize).max().orElse(0));
    }

    private static <T extends Window> T showing(Class<T> type, String what) {
        UiWait.until(what, () -> Window.getWindows().stream().anyMatch(w -> type.isInstance(w) && w.isShowing()));
        return UiWait.onFx(() -> Window.getWindows().stream().filter(w -> type.isInstance(w) && w.isShowing())
                .map(type::cast).findFirst().orElseThrow());
    }

    private MenuItem item(MenuBar bar, String id) {
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void menusHelpWindowsAndDialogsFollowTheZoom(FxRobot robot) {
        robot.interact(() -> window.setZoom(200));
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        robot.interact(() -> bar.getMenus().get(0).show());
        ContextMenu menu = showing(ContextMenu.class, "the File menu");
        double size = letters(menu.getScene().getRoot(), ".menu-item .label");
        assertTrue(size >= LARGE, "the File menu's letters are " + size + " px");
        robot.interact(() -> bar.getMenus().get(0).hide());

        robot.interact(() -> window.selectTab("compare"));
        ComboBox<?> task = robot.lookup("#compareTaskBox").queryAs(ComboBox.class);
        robot.interact(task::show);
        UiWait.until("the task list open", () -> task.isShowing());
        Node list = UiWait.onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing()
                && w instanceof PopupWindow && w.getScene().getRoot().lookup(".combo-box-popup") != null).findFirst()
                .orElseThrow().getScene().getRoot());
        size = letters(list, ".list-cell");
        assertTrue(size >= LARGE, "the drop-down list's letters are " + size + " px");
        robot.interact(task::hide);

        robot.interact(() -> item(bar, "shortcutsItem").fire());
        Window main = UiWait.onFx(() -> window.root().getScene().getWindow());
        UiWait.until("the Keyboard Shortcuts window", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getOwner() == main && s.isShowing()));
        Stage sheet = UiWait.onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                && s.getOwner() == main && s.isShowing()).map(Stage.class::cast).findFirst().orElseThrow());
        size = letters(sheet.getScene().getRoot(), ".table-cell");
        assertTrue(size >= LARGE, "the shortcuts' letters are " + size + " px");
        Rectangle2D screen = UiWait.onFx(() -> Screen.getPrimary().getVisualBounds());
        assertTrue(UiWait.onFx(() -> sheet.getWidth() <= screen.getWidth() && sheet.getHeight() <= screen.getHeight()),
                "the window fits on the screen");
        robot.interact(sheet::hide);

        robot.interact(() -> item(bar, "aboutItem").fire());  // its credits wrap: read whole, not "Cho et al…"
        UiWait.until("About", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getOwner() == main && s.isShowing()));
        Stage about = UiWait.onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                && s.getOwner() == main && s.isShowing()).map(Stage.class::cast).findFirst().orElseThrow());
        for (Node n : UiWait.onFx(() -> about.getScene().getRoot().lookupAll(".label"))) {
            Labeled l = (Labeled) n;
            assertEquals(UiWait.onFx(l::getText), UiWait.onFx(() -> Drawn.text(l)), "in About");
        }
        robot.interact(about::hide);

        robot.interact(() -> window.selectTab("debugger"));
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        MenuItem jump = UiWait.onFx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getAccelerator() != null && i.getAccelerator().getName().endsWith("G")).findFirst()
                .orElseThrow());
        Platform.runLater(jump::fire);  // the dialog waits for an answer: not from inside interact
        UiWait.until("the jump dialog", () -> robot.lookup("#jumpDialog").tryQuery().isPresent());
        Node dialog = robot.lookup("#jumpDialog").query();
        size = letters(dialog, ".label");
        assertTrue(size >= LARGE, "the dialog's letters are " + size + " px");
        for (Node b : UiWait.onFx(() -> dialog.lookupAll(".button"))) {
            Labeled button = (Labeled) b;
            assertTrue(UiWait.onFx(() -> Drawn.text(button).equals(button.getText())), "the button "
                    + UiWait.onFx(button::getText) + " reads whole: " + UiWait.onFx(() -> Drawn.text(button)));
        }
        robot.targetWindow(dialog.getScene().getWindow());
        robot.push(KeyCode.ESCAPE);
        UiWait.until("Esc closes the dialog", () -> robot.lookup("#jumpDialog").tryQuery().isEmpty());

        robot.targetWindow(main);
        robot.moveTo("#continueButton").moveBy(2, 1);  // the pointer rests on it: its tooltip shows
        Tooltip tip = showing(Tooltip.class, "the tooltip of Continue");
        size = letters(tip.getScene().getRoot(), ".tooltip");
        assertTrue(size >= LARGE, "the tooltip's letters are " + size + " px");
    }
}
