package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A web link in Help ▸ User Guide (formats.md's to safetensors, reached from the interop guide) can be clicked: it
 * opens its address in the browser the app was given, names it in its tooltip, and its right-click menu copies the
 * address, in the window's language.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GuideWebLinkUiTest {
    private static final String ADDRESS = "https://github.com/huggingface/safetensors";
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private StackPane owner;

    @Start
    void start(Stage stage) {
        owner = new StackPane();
        stage.setScene(new Scene(owner, 400, 300));
        stage.show();
        GuideWindow.useBrowser(opened::add);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != owner.getScene().getWindow())
                .toList().forEach(Window::hide));
        GuideWindow.useBrowser(address -> { });
    }

    private static Node page(FxRobot robot) {
        return robot.lookup("#guidePage").queryAs(ScrollPane.class).getContent();
    }

    private Hyperlink safetensors(FxRobot robot, Locale language) {
        robot.interact(() -> GuideWindow.show(owner, I18n.bundle(language), language, "interop"));
        UiWait.until("the interop guide", () -> robot.lookup("#guidePage").tryQuery()
                .map(p -> ((ScrollPane) p).getContent() != null).orElse(false));
        Hyperlink formats = UiWait.onFx(() -> page(robot).lookupAll(".hyperlink").stream().map(Hyperlink.class::cast)
                .filter(h -> h.getText().equals("formats.md")).findFirst().orElseThrow());
        robot.interact(formats::fire);
        UiWait.until("formats.md's web link", () -> UiWait.onFx(() -> page(robot).lookupAll(".web-link").size() > 0));
        return UiWait.onFx(() -> (Hyperlink) page(robot).lookup(".web-link"));
    }

    @Test
    void aWebLinkOpensInTheBrowserAndCopiesItsAddress(FxRobot robot) {
        Hyperlink link = safetensors(robot, Locale.ENGLISH);
        assertEquals("safetensors", link.getText());
        assertEquals("Opens " + ADDRESS + " in your web browser", UiWait.onFx(() -> link.getTooltip().getText()));
        assertEquals(0L, (long) UiWait.onFx(() -> page(robot).lookupAll(".md-code").stream()
                .filter(n -> n instanceof javafx.scene.text.Text t && t.getText().equals(ADDRESS)).count()),
                "the address is no longer written out beside the words");

        robot.interact(link::fire);
        UiWait.until("the address given to the browser", () -> opened.equals(List.of(ADDRESS)));

        MenuItem copy = UiWait.onFx(() -> link.getContextMenu().getItems().get(0));
        assertEquals("Copy link address", copy.getText());
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(copy::fire);
        UiWait.until("the address on the clipboard", () -> ADDRESS.equals(Clipboard.getSystemClipboard().getString()));
        assertEquals(List.of(ADDRESS), opened, "copying opens nothing");
    }

    @Test
    void inChineseTheMenuAndTooltipAreChinese(FxRobot robot) {
        Hyperlink link = safetensors(robot, Locale.SIMPLIFIED_CHINESE);
        assertEquals("复制链接地址", UiWait.onFx(() -> link.getContextMenu().getItems().get(0).getText()));
        assertEquals("在浏览器中打开 " + ADDRESS, UiWait.onFx(() -> link.getTooltip().getText()));
        robot.interact(link::fire);
        UiWait.until("the address given to the browser", () -> opened.equals(List.of(ADDRESS)));
    }
}
