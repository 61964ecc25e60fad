package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The app's own dialogs speak the app's language, not the system's: in the Chinese window the Jump to Timestep
 * dialog's buttons read 确定 and 取消 (before, JavaFX's defaults wrote OK and Cancel on a machine set up in
 * English). A picture that could not be saved: PngSavingUiTest.
 */
class DialogLanguageUiTest extends MainWindowUiBase {
    @Override
    protected Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    private static List<String> buttons(DialogPane pane) {
        return UiWait.onFx(() -> pane.lookupAll(".button").stream().map(b -> ((Button) b).getText()).toList());
    }

    @Test
    void theJumpDialogSpeaksChinese(FxRobot robot) {
        robot.interact(() -> window.setZoom(150));  // the tool bar folds its t = field: Ctrl+G asks in a dialog
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem jump = UiWait.onFx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getAccelerator() != null && i.getAccelerator().getName().endsWith("G")).findFirst()
                .orElseThrow());
        Platform.runLater(jump::fire);
        UiWait.until("the jump dialog", () -> robot.lookup("#jumpDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#jumpDialog").queryAs(DialogPane.class);
        assertEquals(List.of("取消", "确定"), buttons(pane).stream().sorted().toList());
        robot.targetWindow(pane.getScene().getWindow());
        robot.push(KeyCode.ESCAPE);
        UiWait.until("Esc closes it", () -> robot.lookup("#jumpDialog").tryQuery().isEmpty());

    }
}
