package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;

/**
 * The current equation stays in view at 1024 × 768 and 150 % as the cursor walks down the nine backward equations
 * of an LSTM, which do not all fit the pane: the pane scrolls to each, as an IDE's current line does (the last ones
 * were below its edge, half cut or hidden; so were they beside a lesson at 100 %).
 */
class CurrentEquationInViewUiTest extends MainWindowUiBase {

    /** Whether the row of equation {@code id} lies wholly within the visible part of the equation pane. */
    private boolean inView(FxRobot robot, String id) throws Exception {
        return UiWait.onFx(() -> {
            ScrollPane pane = robot.lookup("#equationPane").queryAs(ScrollPane.class);
            Node row = robot.lookup("#eq-" + id.replace('.', '-')).tryQuery().orElse(null);
            if (row == null) {
                return false;
            }
            Bounds view = pane.localToScene(pane.getLayoutBounds());
            Bounds r = row.localToScene(row.getLayoutBounds());
            return r.getMinY() >= view.getMinY() - 0.5 && r.getMaxY() <= view.getMaxY() + 0.5;
        });
    }

    @Test
    void everyBackwardEquationIsScrolledIntoViewAsTheCursorReachesIt(FxRobot robot) throws Exception {
        DebuggerViewModel vm = window.debugger().viewModel();
        UiWait.until("a trace", () -> vm.trace() != null && !vm.busyProperty().get());
        robot.interact(() -> window.setZoom(150));   // as a projector's classroom has it: the rows do not all fit
        robot.interact(() -> vm.moves().setBackward(true));
        UiWait.until("backward mode's first equation", () -> vm.cursor() != null && vm.cursor().equation() == 0
                && vm.equations().size() == 9 && !vm.busyProperty().get());
        boolean scrolled = false;
        for (int k = 1; k < 9; k++) {
            int want = k;
            robot.push(KeyCode.F11);
            UiWait.until("equation " + want, () -> vm.cursor().equation() == want);
            String id = vm.equations().get(want).id();
            UiWait.until(id + " in view", () -> inView(robot, id));
            scrolled |= UiWait.onFx(() -> robot.lookup("#equationPane").queryAs(ScrollPane.class).getVvalue() > 0);
        }
        assertTrue(scrolled, "the nine rows and the numbers do not fit at 150 %: the pane had to scroll");
    }
}
