package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Esc closes the help windows (Keyboard Shortcuts, Glossary, User Guide) as it closes About and the dialogs; before,
 * only the window's close box did, so a keyboard user had to know the window manager's key. In the glossary's search
 * box Esc first empties the box, as in a search box anywhere (before, it closed the window and the search with it).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HelpWindowsEscUiTest {
    private final ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
    private Label owner;

    @Start
    void start(Stage stage) {
        owner = new Label("LSTM Lab");
        stage.setScene(new Scene(owner, 400, 300));
        stage.show();
    }

    private void escCloses(FxRobot robot, String what, Supplier<Window> open) {
        Window w = UiWait.onFx(open::get);
        UiWait.until(what + " shown and focused", () -> w.isShowing() && w.isFocused());
        robot.targetWindow(w);
        robot.push(KeyCode.ESCAPE);
        UiWait.until("Esc closes " + what, () -> !w.isShowing());
    }

    @Test
    void escClosesEachHelpWindow(FxRobot robot) {
        escCloses(robot, "the shortcuts", () -> ShortcutsDialog.show(owner, zh, new MenuBar()));
        escCloses(robot, "the glossary", () -> GlossaryWindow.show(owner, zh));
        escCloses(robot, "the guide", () -> {
            GuideWindow.show(owner, zh, Locale.SIMPLIFIED_CHINESE, "debugger");
            return Window.getWindows().stream().filter(x -> x instanceof Stage s
                    && zh.getString("guide.title").equals(s.getTitle())).findFirst().orElseThrow();
        });
    }

    @Test
    void escEmptiesTheGlossarySearchBeforeItClosesTheWindow(FxRobot robot) {
        Window w = UiWait.onFx(() -> GlossaryWindow.show(owner, I18n.bundle(Locale.ENGLISH)));
        UiWait.until("the glossary shown and focused", () -> w.isShowing() && w.isFocused());
        robot.targetWindow(w);
        TextField search = robot.lookup("#glossarySearch").queryAs(TextField.class);
        TableView<?> table = robot.lookup("#glossaryTable").queryAs(TableView.class);
        int all = UiWait.onFx(() -> table.getItems().size());
        robot.clickOn(search).write("forget");
        UiWait.until("the search narrows the terms", () -> search.getText().equals("forget")
                && table.getItems().size() < all);
        robot.push(KeyCode.ESCAPE);
        UiWait.until("Esc empties the search, every term back", () -> search.getText().isEmpty()
                && table.getItems().size() == all);
        assertTrue(UiWait.onFx(w::isShowing), "the first Esc leaves the glossary open");
        robot.push(KeyCode.ESCAPE);
        UiWait.until("Esc in the empty box closes the glossary", () -> !w.isShowing());
    }
}
