package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Beside a lesson at 1024 × 768 and 100 % the debugger's diagram shrinks (to 0.6), and its gates' names with it: they
 * were 9 px high on the screen (15 px of the drawing's own), smaller than its numbers, which stay at least 10 px.
 * Now the gates' names are at least 10 px too, and the title and the note above the diagram stay readable.
 */
class GateLabelsBesideLessonUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;  // the first lesson at its first step
    }

    /** The names drawn in the gates' boxes: the labels of the parts that have a fill level. */
    private static List<Node> gateNames(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup("#diagramScroll .diagram-part").queryAll().stream()
                .filter(p -> p.lookup(".gate-level") != null).map(p -> p.lookup(".node-label")).toList());
    }

    @Test
    void theGatesNamesAreAtLeastTenPixelsHighBesideALesson(FxRobot robot) {
        FirstLesson.showMe(robot, window);
        Node diagram = robot.lookup("#diagramScroll .cell-diagram").query();
        UiWait.until("the diagram shrunk beside the lesson", () -> diagram.getLocalToSceneTransform().getMyy() < 0.9,
                () -> "its scale " + diagram.getLocalToSceneTransform().getMyy());
        UiWait.until("the LSTM's four gates drawn", () -> gateNames(robot).size() == 4);
        UiWait.until("every gate's name at least 10 px high", () -> gateNames(robot).stream()
                .allMatch(n -> Measure.screenFontSize(n) >= 10 - 0.01), () -> "their sizes on the screen: "
                + gateNames(robot).stream().map(n -> Math.round(Measure.screenFontSize(n) * 10) / 10.0).toList());
        for (Node n : gateNames(robot)) {
            var box = UiWait.onFx(() -> n.getParent().lookup(".gate-level").localToScene(
                    n.getParent().lookup(".gate-level").getBoundsInLocal()));
            var name = UiWait.onFx(() -> n.localToScene(n.getBoundsInLocal()));
            assertTrue(box.contains(name), "the name " + name + " stays inside its box " + box);
        }
    }

    /** The diagram's title was 7.8 px high there, and the note on the gates' order 6.6 px. */
    @Test
    void theTitleAndTheNoteAboveTheDiagramStayReadableBesideALesson(FxRobot robot) {
        FirstLesson.showMe(robot, window);
        Node diagram = robot.lookup("#diagramScroll .cell-diagram").query();
        UiWait.until("the diagram shrunk beside the lesson", () -> diagram.getLocalToSceneTransform().getMyy() < 0.9,
                () -> "its scale " + diagram.getLocalToSceneTransform().getMyy());
        Label title = robot.lookup("#diagram-title").queryAs(Label.class);
        Label note = robot.lookup("#diagram-order").queryAs(Label.class);
        UiWait.until("the title at least 12 px and the note at least 10 px high on the screen",
                () -> UiWait.onFx(() -> Measure.screenFontSize(title) >= 12 - 0.01
                        && Measure.screenFontSize(note) >= 10 - 0.01),
                () -> UiWait.onFx(() -> "title " + Measure.screenFontSize(title) + ", note "
                        + Measure.screenFontSize(note)));
        var drawing = UiWait.onFx(() -> diagram.localToScene(diagram.getLayoutBounds()));
        for (Label l : List.of(title, note)) {
            var text = UiWait.onFx(() -> l.lookup(".text").localToScene(l.lookup(".text").getLayoutBounds()));
            assertTrue(text.getMaxX() <= drawing.getMaxX() + 0.5, l.getId() + "'s text ends at " + text.getMaxX()
                    + ", past the drawing's right edge at " + drawing.getMaxX());
            String shown = UiWait.onFx(() -> ((Text) l.lookup(".text")).getText());
            assertEquals(l.getText(), shown, l.getId() + " is shown whole, not cut off with an ellipsis");
        }
    }
}
