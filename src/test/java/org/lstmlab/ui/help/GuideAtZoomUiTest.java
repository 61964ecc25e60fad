package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.transform.Scale;
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
 * The User Guide opened from a window zoomed to 200 %: its pages fit the window's width, pictures shrunk to it, so
 * that its text is read without scrolling sideways (before, a picture kept 760 px, the page was laid out that wide
 * and every paragraph ran past the window's edge).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GuideAtZoomUiTest {
    private Label owner;

    @Start
    void start(Stage stage) {
        owner = new Label("LSTM Lab");
        owner.getTransforms().add(new Scale(2, 2));  // as the main window's zoom pane scales its views at 200 %
        stage.setScene(new Scene(new StackPane(owner), 400, 300));
        stage.show();
    }

    @Test
    void thePagesFitTheWindowsWidth(FxRobot robot) {
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            robot.interact(() -> GuideWindow.show(owner, I18n.bundle(language), language, "debugger"));
            UiWait.until("the guide's page", () -> robot.lookup("#guidePage").tryQuery().map(p -> ((ScrollPane) p)
                    .getContent() != null).orElse(false));
            ScrollPane page = robot.lookup("#guidePage").queryAs(ScrollPane.class);
            double[] widths = UiWait.onFx(() -> {
                Bounds view = page.getViewportBounds();
                return new double[] {page.getContent().getLayoutBounds().getWidth(), view.getWidth()};
            });
            assertTrue(widths[0] <= widths[1] + 0.5, language + ": the page is " + widths[0] + " px wide in a view of "
                    + widths[1]);
            robot.interact(() -> Window.getWindows().stream().filter(w -> w != owner.getScene().getWindow())
                    .toList().forEach(Window::hide));
        }
    }
}
