package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.Cursor;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode at 1024 × 768, a common projector: the set-up panels go, the numbers of the equation and of the
 * diagram are at least 24 px high on the screen, the stepping keys work (a clicker's Page Down and Page Up too),
 * and leaving restores the layout.
 */
class PresenterUiTest extends MainWindowUiBase {

    private boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false);
    }

    /** The smallest on-screen font of the visible values of the diagram (those that show a number). */
    private double smallestDiagramNumber(FxRobot robot) throws Exception {
        return UiWait.onFx(() -> robot.lookup(".cell-diagram .node-value").queryAllAs(Text.class)
                .stream().filter(t -> !t.getText().isEmpty()).mapToDouble(Measure::screenFontSize).min()
                .orElse(0));
    }

    private double smallestSubstitutionNumber(FxRobot robot) throws Exception {
        return UiWait.onFx(() -> robot.lookup("#substitution .token-value").queryAllAs(Text.class)
                .stream().filter(t -> t.getScene() != null).mapToDouble(Measure::screenFontSize).min()
                .orElse(0));
    }

    @Test
    void numbersAreAtLeast24PixelsAndSteppingStillWorks(FxRobot robot) throws Exception {
        var vm = window.debugger().viewModel();
        UiWait.until("vm.trace() != null", () -> vm.trace() != null);
        for (int k = 0; k < 4; k++) {
            robot.push(KeyCode.F11);  // to the cell state: the substitution and the diagram show numbers
        }
        UiWait.until("vm.cursor().equation() == 4", () -> vm.cursor().equation() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot, "#setupPane"));
        double smallBefore = smallestDiagramNumber(robot);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        UiWait.until("window::isPresenting", window::isPresenting);
        UiWait.until("smallestDiagramNumber(robot) >= 24", () -> smallestDiagramNumber(robot) >= 24);
        assertFalse(showing(robot, "#setupPane"), "the set-up panels are hidden");
        assertFalse(showing(robot, "#viewTabs"), "so are the heatmaps");
        assertTrue(smallestSubstitutionNumber(robot) >= 24, "equation numbers " + smallestSubstitutionNumber(robot));
        Node diagram = robot.lookup(".cell-diagram").query();
        double right = UiWait.onFx(() -> diagram.localToScene(diagram.getBoundsInLocal()).getMaxX());
        double bottom = UiWait.onFx(() ->
                diagram.localToScene(diagram.getBoundsInLocal()).getMaxY());
        assertTrue(right <= 1024 && bottom <= 768, "the whole diagram is on the screen: " + right + ", " + bottom);

        Cursor before = vm.cursor();
        robot.push(KeyCode.F11);
        UiWait.until("!vm.cursor().equals(before)", () -> !vm.cursor().equals(before));
        robot.push(KeyCode.F10);
        UiWait.until("vm.cursor().t() == 1", () -> vm.cursor().t() == 1);

        // a presentation clicker sends Page Down and Page Up: one equation forwards, one back
        Cursor here = vm.cursor();
        robot.push(KeyCode.PAGE_DOWN);
        UiWait.until("Page Down steps on", () -> !vm.cursor().equals(here));
        assertTrue(vm.cursor().t() > here.t() || vm.cursor().equation() == here.equation() + 1, vm.cursor() + "");
        robot.push(KeyCode.PAGE_UP);
        UiWait.until("Page Up steps back to where it was", () -> vm.cursor().equals(here));

        robot.push(KeyCode.ESCAPE);
        UiWait.until("!window.isPresenting()", () -> !window.isPresenting());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot, "#setupPane"), "leaving restores the set-up");
        assertTrue(showing(robot, "#viewTabs"));
        assertNotEquals(0, smallBefore);
        UiWait.until("Math.abs(smallestDiagramNumber(robot) - smallBefore) < 0.5",
                () -> Math.abs(smallestDiagramNumber(robot) - smallBefore) < 0.5);
        assertEquals(6, robot.lookup(".debugger .equation-row").queryAll().stream().filter(Node::isVisible).count(),
                "every equation shows again");
    }
}
