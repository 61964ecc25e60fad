package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The debugger at 1024 × 768 zoomed to 150 %: its side panel folds so that the equations get the width (before, the
 * panel kept 330 of the 683 layout pixels and the equations were cut at the pane's edge), the status bar says why,
 * the Side panel button brings it back, and at 100 % it shows again.
 */
class SidePanelAtZoomUiTest extends MainWindowUiBase {
    @Test
    void theSidePanelFoldsWhenZoomedInAndComesBack(FxRobot robot) {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        ToggleButton toggle = robot.lookup("#sidePanelToggle").queryAs(ToggleButton.class);
        assertTrue(UiWait.onFx(toggle::isSelected), "at 100 % the panel shows");
        robot.interact(() -> window.setZoom(150));
        UiWait.until("the panel folded", () -> !toggle.isSelected());
        assertEquals(window.i18n().getString("status.sidePanelFolded.zoom"),
                UiWait.onFx(() -> robot.lookup("#statusMessage").queryAs(Label.class).getText()));
        robot.clickOn(toggle);
        UiWait.until("the button brings it back", toggle::isSelected);
        robot.interact(() -> window.setZoom(100));
        assertTrue(UiWait.onFx(toggle::isSelected));
        robot.interact(() -> window.setZoom(150));
        UiWait.until("folded again", () -> !toggle.isSelected());
        robot.interact(() -> window.setZoom(100));
        UiWait.until("back at 100 %, it shows", toggle::isSelected);
        assertFalse(UiWait.onFx(() -> window.dock().ruleFoldsProperty().get()));
    }
}
