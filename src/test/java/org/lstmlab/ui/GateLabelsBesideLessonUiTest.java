package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Beside a lesson at 1024 × 768 and 100 % the debugger's diagram shrinks (to 0.6), and its gates' names with it: they
 * were 9 px high on the screen (15 px of the drawing's own), smaller than its numbers, which stay at least 10 px.
 * Now the gates' names are at least 10 px too.
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
}
