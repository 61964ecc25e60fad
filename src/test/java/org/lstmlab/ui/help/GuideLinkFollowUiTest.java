package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
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
 * Clicking a link in Help ▸ User Guide does what it says. The Chinese interop guide's link to formats.md (English
 * only) did nothing before; it now shows that page, no guide selected in the list. The English debugger guide's
 * links to the developers' notes, which the app does not hold, are plain words with the file's place beside them.
 * A web link opens in the browser (the test's stands in: none is started) and copies its address.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GuideLinkFollowUiTest {
    private static final String ADDRESS = "https://github.com/huggingface/safetensors";
    /** What the guide's web links gave the browser. */
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

    private void open(FxRobot robot, Locale language, String guide) {
        robot.interact(() -> GuideWindow.show(owner, I18n.bundle(language), language, guide));
        UiWait.until("the guide's page", () -> robot.lookup("#guidePage").tryQuery()
                .map(p -> ((ScrollPane) p).getContent() != null).orElse(false));
    }

    @Test
    void theChineseLinkToFormatsShowsThatPage(FxRobot robot) {
        open(robot, Locale.SIMPLIFIED_CHINESE, "interop");
        Hyperlink formats = UiWait.onFx(() -> page(robot).lookupAll(".hyperlink").stream()
                .map(Hyperlink.class::cast).filter(h -> h.getText().equals("formats.md")).findFirst().orElse(null));
        assertTrue(formats != null, "the Chinese interop guide links to formats.md");
        robot.interact(formats::fire);
        assertTrue(UiWait.onFx(() -> page(robot).lookupAll(".md-text").stream()
                .anyMatch(n -> n instanceof Text t && t.getText().equals("File formats"))), "formats.md on show");
        assertNull(UiWait.onFx(() -> robot.lookup("#guideList").queryAs(ListView.class).getSelectionModel()
                .getSelectedItem()));
    }

    @Test
    void aLinkToANoteTheAppLacksIsPlainWords(FxRobot robot) {
        open(robot, Locale.ENGLISH, "debugger");
        String note = "notes/ui-speed-2026-11-28.md";
        assertEquals(0L, (long) UiWait.onFx(() -> page(robot).lookupAll(".hyperlink").stream()
                .filter(h -> ((Hyperlink) h).getText().contains("notes/")).count()));
        assertTrue(UiWait.onFx(() -> page(robot).lookupAll(".md-code").stream()
                .anyMatch(n -> n instanceof Text t && t.getText().equals("docs/" + note))), "its place is named");
    }

    /** The interop guide's link to the training guide's "The Train tab" opens that guide at that heading. */
    @Test
    void aLinkToAHeadingOfAnotherGuideOpensItThere(FxRobot robot) {
        open(robot, Locale.ENGLISH, "interop");
        Hyperlink train = UiWait.onFx(() -> page(robot).lookupAll(".hyperlink").stream().map(Hyperlink.class::cast)
                .filter(h -> h.getText().equals("training.md")).findFirst().orElse(null));
        assertTrue(train != null, "the interop guide links to the training guide's Train tab section");
        robot.interact(train::fire);
        assertEquals("training", UiWait.onFx(() -> robot.lookup("#guideList").queryAs(ListView.class)
                .getSelectionModel().getSelectedItem()));
        headingInView(robot, "The Train tab");
    }

    private static void headingInView(FxRobot robot, String words) {
        ScrollPane pane = robot.lookup("#guidePage").queryAs(ScrollPane.class);
        UiWait.until("the heading " + words + " in view", () -> UiWait.onFx(() -> {
            Node heading = page(robot).lookupAll(".h2").stream().filter(h -> h.lookupAll(".md-text").stream()
                    .anyMatch(t -> ((Text) t).getText().equals(words))).findFirst().orElseThrow();
            double top = pane.localToScene(pane.getLayoutBounds()).getMinY();
            double at = heading.localToScene(heading.getLayoutBounds()).getMinY();
            return pane.getVvalue() > 0 && at >= top - 1 && at < top + 40;
        }));
    }

    @Test
    void aLinkToAHeadingScrollsTheHeadingIntoView(FxRobot robot) {
        open(robot, Locale.SIMPLIFIED_CHINESE, "debugger");
        Hyperlink classroom = UiWait.onFx(() -> page(robot).lookupAll(".hyperlink").stream()
                .map(Hyperlink.class::cast).filter(h -> h.getText().equals("在课堂上使用")).findFirst().orElse(null));
        assertTrue(classroom != null, "the Chinese debugger guide links to its section 在课堂上使用");
        robot.interact(classroom::fire);
        headingInView(robot, "在课堂上使用");
    }

    private Hyperlink safetensors(FxRobot robot, Locale language) {
        open(robot, language, "interop");
        Hyperlink formats = UiWait.onFx(() -> page(robot).lookupAll(".hyperlink").stream().map(Hyperlink.class::cast)
                .filter(h -> h.getText().equals("formats.md")).findFirst().orElseThrow());
        robot.interact(formats::fire);
        UiWait.until("formats.md's web link", () -> UiWait.onFx(() -> page(robot).lookupAll(".web-link").size() > 0));
        return UiWait.onFx(() -> (Hyperlink) page(robot).lookup(".web-link"));
    }

    /**
     * A web link (formats.md's to safetensors, reached from the interop guide) can be clicked: it opens its address
     * in the browser the app was given, names it in its tooltip, and its right-click menu copies the address.
     */
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
