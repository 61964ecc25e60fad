package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;

/**
 * Presenter mode at 1024 × 768: the divider between the equation pane and the diagram can be dragged, and stays
 * where it was dragged while the teacher steps, leaves and re-enters presenter mode and switches the language;
 * a double click on it gives the height back to presenter mode's own fitting. (Before, presenter mode held the
 * equation pane at the height it fitted, and a drag did not move the divider.)
 */
class PresenterDividerUiTest extends MainWindowUiBase {
    private static final double BY = 110;

    private DebuggerViewModel vm() {
        return window.debugger().viewModel();
    }

    private static double equationHeight(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup("#equationPane").queryAs(ScrollPane.class).getHeight());
    }

    private static Node divider(FxRobot robot) {
        SplitPane split = robot.lookup(".debugger .split-pane").queryAllAs(SplitPane.class).stream()
                .filter(p -> p.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow();
        return robot.lookup(".split-pane-divider").match(n -> n.getParent() == split).query();
    }

    private void drag(FxRobot robot, double by) {
        robot.drag(divider(robot), MouseButton.PRIMARY).moveBy(0, by / 2).moveBy(0, by / 2)
                .release(MouseButton.PRIMARY);
        settle(robot, 3);
    }

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, 3, what);
    }

    @Test
    void theDividerDragsAndStaysForTheSession(FxRobot robot) {
        UiWait.until("the first trace", () -> vm().trace() != null && vm().cursor() != null);
        robot.interact(() -> window.setPresenting(true));
        settle(robot, 3);
        double fitted = equationHeight(robot);

        drag(robot, BY);
        near(fitted + BY, equationHeight(robot), "the equation pane grows by the drag");
        robot.doubleClickOn(divider(robot));
        settle(robot, 3);
        near(fitted, equationHeight(robot), "a double click fits the panes again");
        drag(robot, -BY);
        double dragged = equationHeight(robot);
        near(fitted - BY, dragged, "the equation pane shrinks by the drag");

        robot.push(KeyCode.F11).push(KeyCode.F11);
        UiWait.until("stepped", () -> vm().cursor().equation() == 2);
        settle(robot, 3);
        near(dragged, equationHeight(robot), "stepping keeps the divider where it was dragged");

        robot.interact(() -> window.setPresenting(false));
        settle(robot, 3);
        assertTrue(Math.abs(equationHeight(robot) - dragged) > 3, "outside presenter mode the divider is its own");
        robot.interact(() -> window.setPresenting(true));
        settle(robot, 3);
        near(dragged, equationHeight(robot), "presenter mode again: the divider where it was dragged");

        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese, presenting", () -> window.isPresenting() && vm().trace() != null);
        settle(robot, 3);
        near(dragged, equationHeight(robot), "after the language switch too");
    }
}
