package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.Numbers;
import org.testfx.api.FxRobot;

/**
 * A lesson's step that points at a heatmap, beside the debugger at 1024 × 768: the heatmap comes into view, whole,
 * in the Heatmaps tab (before, a low heatmap such as c stayed below the view and the f and o maps were cut off on the
 * right, two columns in a pane one column wide). A heatmap's words say nothing of the steps after the cursor.
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

    /** padded-last-step's first step points at the h heatmap, the last of the six, below the others. */
    @Test
    void theHighlightedHiddenStateHeatmapScrollsIntoViewWholeAndNoMapIsCutOnTheRight(FxRobot robot) {
        step(robot, "padded-last-step", 0);
        DebuggerViewModel debugger = window.debugger().viewModel();
        UiWait.until("the sine traced (T = 8), the h heatmap marked", () -> debugger.trace() != null
                && debugger.trace().steps() == 8 && !debugger.busyProperty().get()
                && debugger.highlights().heatmapProperty().get() != null);
        assertEquals(2, robot.lookup("#mainSplit").queryAs(SplitPane.class).getItems().size(), "the lesson docked");
        TabPane views = robot.lookup("#viewTabs").queryAs(TabPane.class);
        UiWait.until("the Heatmaps tab in front", () -> views.getSelectionModel().getSelectedIndex() == 0);
        Node h = box(robot, "h");
        UiWait.until("the h heatmap in view, whole", () -> inView(robot, h));
        assertTrue(h.getStyleClass().contains("lesson-highlight"));
        ScrollPane scroll = (ScrollPane) views.getSelectionModel().getSelectedItem().getContent();
        for (String symbol : new String[] {"i", "f", "g", "o", "c", "h"}) {
            Node map = box(robot, symbol);
            double right = UiWait.onFx(() -> map.localToScene(map.getLayoutBounds()).getMaxX());
            double edge = UiWait.onFx(() -> scroll.localToScene(scroll.getLayoutBounds()).getMaxX());
            assertTrue(right <= edge, symbol + " ends at " + right + ", inside the pane (" + edge + ")");
        }
    }

    /** The range of c over every unit and the steps {@code from}..{@code to} (0-based) of layer 0. */
    private static double[] range(Trace tr, int from, int to) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int t = from; t <= to; t++) {
            for (double v : tr.vector("c", 0, t, 0)) {
                r[0] = Math.min(r[0], v);
                r[1] = Math.max(r[1], v);
            }
        }
        return r;
    }

    private static String title(double[] r) {
        return "c   [" + Numbers.display(r[0]) + ", " + Numbers.display(r[1]) + "]";
    }

    /**
     * squashed-cell's second step asks for c₂ with the cursor at t = 1: the c heatmap's title and colour bar give the
     * range of c₁ only. Before, they gave the whole run's, up to what the cell climbs to at later steps.
     */
    @Test
    void aHeatmapsRangeAndColourBarSayNothingOfTheStepsAfterTheCursor(FxRobot robot) {
        LessonAt.open(robot, window, "squashed-cell", 1);
        robot.clickOn("#showMe");
        DebuggerViewModel debugger = window.debugger().viewModel();
        UiWait.until("the squashed cell traced, the cursor at t = 1", () -> debugger.trace() != null
                && !debugger.busyProperty().get() && debugger.trace().cell() == CellType.LSTM_SQUASHED_CELL
                && debugger.cursor() != null && debugger.cursor().t() == 0);
        Trace tr = debugger.trace();
        double[] first = range(tr, 0, 0);
        double[] all = range(tr, 0, tr.steps() - 1);
        double answer = tr.value("c", 0, 1, 0, 0);
        assertTrue(all[1] > first[1] + 0.01, "the test needs a cell that grows after t = 1: " + all[1]);
        Label title = robot.lookup("#heatmap-title-0-c").queryAs(Label.class);
        UiWait.until("the c map's range is c₁'s", () -> title.getText().equals(title(first)), title::getText);
        Node box = robot.lookup("#heatmap-0-c").query().getParent();
        List<String> scale = UiWait.onFx(() -> box.lookupAll(".heatmap-scale .label").stream()
                .map(n -> ((Label) n).getText()).toList());
        double s = Math.max(Math.abs(first[0]), Math.abs(first[1]));
        assertEquals(List.of(Numbers.display(-s), Numbers.display(s)), scale, "the colour bar's ends");
        for (String shown : List.of(UiWait.onFx(title::getText), scale.get(1))) {
            assertTrue(!shown.contains(Numbers.display(answer)) && !shown.contains(Numbers.display(all[1])),
                    "c₂ = " + answer + " or the largest c, " + all[1] + ", shown at t = 1: " + shown);
        }

        robot.interact(() -> debugger.stepper().jumpTo(String.valueOf(tr.steps())));
        UiWait.until("at the last step, the whole run's range", () -> title.getText().equals(title(all)),
                title::getText);
    }
}
