package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Beside" stays readable: cells beside the main one are drawn at the zoom's size (no shrinking to fit while the
 * pane is as wide as one of them, nor when zoomed in), wrapping below the main cell when the pane is too narrow for
 * them side by side; at 150 % their numbers are 1.5 times as large. (A pane narrower than one cell at 100 %, beside
 * a lesson, shrinks them: LessonBesideUiTest.)
 */
class BesideReadableUiTest extends DebuggerUiBase {

    private List<Node> diagrams(FxRobot robot) {
        return List.copyOf(DebuggerWindow.in(robot).lookup(".cell-diagram").queryAll());
    }

    private double smallestValue(Node diagram) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> diagram.lookupAll(".node-value").stream()
                .mapToDouble(n -> org.lstmlab.ui.Measure.screenFontSize(n)).min().orElse(0)).get();
    }

    @Test
    void twoCellsBesideKeepTheirTextAtTheZoomsSizeAndStackWhenTheyDoNotFit(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        robot.interact(() -> {
            vm.beside().set(CellType.GRU, true);
            vm.beside().set(CellType.RNN_TANH, true);
        });
        DebuggerWindow.waitFor(() -> diagrams(robot).size() == 3);
        double css = WaitForAsyncUtils.asyncFx(() -> ((Text) diagrams(robot).get(0).lookup(".node-value"))
                .getFont().getSize()).get();
        for (Node d : diagrams(robot)) {
            assertEquals(css, smallestValue(d), 0.01, "no diagram is shrunk below the zoom's size");
        }
        List<Bounds> boxes = WaitForAsyncUtils.asyncFx(() -> diagrams(robot).stream()
                .map(d -> d.localToScene(d.getBoundsInLocal())).toList()).get();
        assertTrue(boxes.get(1).getMinY() >= boxes.get(0).getMaxY() - 1
                || boxes.get(1).getMinX() >= boxes.get(0).getMaxX() - 1, "the cells do not overlap: " + boxes);
        assertTrue(boxes.stream().anyMatch(b -> b.getMinY() >= boxes.get(0).getMaxY() - 1),
                "three diagrams do not fit side by side at 1280 × 800: at least one wraps below");

        robot.interact(() -> window.setZoom(150));
        WaitForAsyncUtils.waitForFxEvents();
        for (Node d : diagrams(robot)) {
            assertEquals(1.5 * css, smallestValue(d), 0.05, "at 150 % every diagram's numbers are 1.5 times larger");
        }
    }
}
