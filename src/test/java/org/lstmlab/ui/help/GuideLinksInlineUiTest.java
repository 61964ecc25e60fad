package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
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
 * A link to another guide in Help ▸ User Guide stands in its sentence as a word does: its letters begin and end
 * within a pixel and a half of the link's edges. Before, a Hyperlink's padding (a quarter em each side) put what read
 * as a space on either side of it, "（见 方程 ）" in the Chinese guide, which writes no spaces between words.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GuideLinksInlineUiTest {
    private Label owner;

    @Start
    void start(Stage stage) {
        owner = new Label("LSTM Lab");
        stage.setScene(new Scene(new StackPane(owner), 400, 300));
        stage.show();
    }

    @Test
    void aLinkHasNoSpaceAroundItsWord(FxRobot robot) {
        robot.interact(() -> GuideWindow.show(owner, I18n.bundle(Locale.SIMPLIFIED_CHINESE),
                Locale.SIMPLIFIED_CHINESE, "debugger"));
        UiWait.until("the guide's page", () -> robot.lookup("#guidePage").tryQuery().map(p -> ((ScrollPane) p)
                .getContent() != null).orElse(false));
        List<String> problems = UiWait.onFx(() -> {
            List<String> p = new ArrayList<>();
            ScrollPane page = robot.lookup("#guidePage").queryAs(ScrollPane.class);
            page.getContent().applyCss();
            for (Node n : page.getContent().lookupAll(".hyperlink")) {
                Hyperlink link = (Hyperlink) n;
                Node letters = link.lookup(".text");
                Bounds outer = link.localToScene(link.getLayoutBounds());
                Bounds inner = letters.localToScene(letters.getLayoutBounds());
                if (inner.getMinX() - outer.getMinX() > 1.5 || outer.getMaxX() - inner.getMaxX() > 1.5) {
                    p.add(link.getText() + ": letters from " + inner.getMinX() + " to " + inner.getMaxX()
                            + ", the link from " + outer.getMinX() + " to " + outer.getMaxX());
                }
            }
            return p;
        });
        assertTrue(UiWait.onFx(() -> robot.lookup("#guidePage .hyperlink").queryAll().size()) > 0,
                "the Chinese debugger guide links to other guides");
        assertEquals(List.of(), problems);
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != owner.getScene().getWindow())
                .toList().forEach(Window::hide));
    }
}
