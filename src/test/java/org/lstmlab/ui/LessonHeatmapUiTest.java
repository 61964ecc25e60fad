package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;

/**
 * A lesson's step that points at a heatmap, beside the debugger at 1024 × 768: the heatmap comes into view, whole,
 * in the Heatmaps tab (before, the c heatmap stayed below the view and the f and o maps were cut off on the right,
 * two columns in a pane one column wide).
 */
class LessonHeatmapUiTest extends MainWindowUiBase {
    /** The heatmap box (title, map, axis, colour bar) of {@code symbol} in layer 0. */
    private static Node box(FxRobot robot, String symbol) {
        return robot.lookup("#heatmap-0-" + symbol).query().getParent();
    }

    /** Whether {@code node} lies wholly inside what the heatmaps' scroll pane shows. */
    private static boolean inView(FxRobot robot, Node node) {
        return UiWait.onFx(() -> {
            ScrollPane scroll = (ScrollPane) robot.lookup("#viewTabs").queryAs(TabPane.class).getTabs().get(0)
                    .getContent();
            Node viewport = scroll.lookup(".viewport");
            Bounds view = viewport.localToScene(viewport.getLayoutBounds());
            Bounds b = node.localToScene(node.getLayoutBounds());
            return b.getMinX() >= view.getMinX() - 0.5 && b.getMaxX() <= view.getMaxX() + 0.5
                    && b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
        });
    }

    private void step(FxRobot robot, String lesson, int index) {
        LessonAt.open(robot, window, lesson, index);
        // the user looks at the gradients before pressing "Show me"
        robot.interact(() -> robot.lookup("#viewTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.clickOn("#showMe");
    }

    @Test
    void theHighlightedCellStateHeatmapScrollsIntoViewWholeAndNoMapIsCutOnTheRight(FxRobot robot) {
        step(robot, "squashed-cell", 0);
        DebuggerViewModel debugger = window.debugger().viewModel();
        UiWait.until("the counter traced (T = 15), the c heatmap marked", () -> debugger.trace() != null
                && debugger.trace().steps() == 15 && !debugger.busyProperty().get()
                && debugger.highlights().heatmapProperty().get() != null);
        assertEquals(2, robot.lookup("#mainSplit").queryAs(SplitPane.class).getItems().size(), "the lesson docked");
        TabPane views = robot.lookup("#viewTabs").queryAs(TabPane.class);
        UiWait.until("the Heatmaps tab in front", () -> views.getSelectionModel().getSelectedIndex() == 0);
        Node c = box(robot, "c");
        UiWait.until("the c heatmap in view, whole", () -> inView(robot, c));
        assertTrue(c.getStyleClass().contains("lesson-highlight"));
        ScrollPane scroll = (ScrollPane) views.getSelectionModel().getSelectedItem().getContent();
        for (String symbol : new String[] {"i", "f", "g", "o", "c", "h"}) {
            Node map = box(robot, symbol);
            double right = UiWait.onFx(() -> map.localToScene(map.getLayoutBounds()).getMaxX());
            double edge = UiWait.onFx(() -> scroll.localToScene(scroll.getLayoutBounds()).getMaxX());
            assertTrue(right <= edge, symbol + " ends at " + right + ", inside the pane (" + edge + ")");
        }
    }
}
