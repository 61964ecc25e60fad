package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.MainWindowUiBase;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Learn tab's list of lessons at 1024 × 768 and View ▸ Zoom 200 %: each lesson's summary wraps inside the list,
 * read whole without scrolling sideways (before, the summaries stayed one line 760 px wide, the list scrolled
 * sideways and cut them at its right edge).
 */
class LessonListAtZoomUiTest extends MainWindowUiBase {
    @Override
    protected Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Test
    void theSummariesWrapInsideTheList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.setZoom(200);
            window.selectTab("learn");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#lessonList").queryAs(ListView.class);
        UiWait.until("the lessons listed", () -> !list.getItems().isEmpty()
                && !list.lookupAll(".lesson-item-summary").isEmpty());
        assertFalse(UiWait.onFx(() -> list.lookupAll(".scroll-bar").stream().anyMatch(b -> b instanceof ScrollBar s
                && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible())), "no sideways scrolling");
        Bounds inside = UiWait.onFx(() -> list.localToScene(list.getLayoutBounds()));
        var shown = UiWait.onFx(() -> list.lookupAll(".lesson-item-summary").stream().filter(n -> {
            for (var p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;  // a cell the list keeps aside, not drawn
                }
            }
            return true;
        }).toList());
        assertFalse(shown.isEmpty());
        for (var node : shown) {
            Label summary = (Label) node;
            double[] size = UiWait.onFx(() -> new double[] {summary.getHeight(), summary.prefHeight(summary.getWidth()),
                    summary.localToScene(summary.getLayoutBounds()).getMaxX()});
            assertTrue(size[0] >= size[1] - 0.5, summary.getText() + ": " + size[0] + " px high, needs " + size[1]);
            assertTrue(size[2] <= inside.getMaxX(), summary.getText() + " ends at " + size[2] + ", the list at "
                    + inside.getMaxX());
        }
    }
}
