package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.Numbers;
import org.testfx.api.FxRobot;

/**
 * squashed-cell's first step, whose text and answer quote the real cell's c₁₄[0], the number of pulses: "Show me"
 * lands on the cell state's equation at t = 14, just after it is computed, so the debugger shows c₁₄[0] in the
 * substitution panel and in the c heatmap. Before, it stopped as t = 14 began: the heatmap's row c ended at t = 13
 * and c₁₄ was on no panel. After the prediction the squashed cell comes beside it, the cursor still there.
 */
class LessonCellStateShownUiTest extends MainWindowUiBase {
    /** The step opens unanswered: its prediction is still to make. */
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    /** Whether the cursor stands at t = 14 (0-based 13) on the equation lstm.c of the LSTM on show. */
    private static boolean onC14(DebuggerViewModel debugger) {
        if (debugger.trace() == null || debugger.busyProperty().get() || debugger.cursor() == null) {
            return false;
        }
        List<String> ids = debugger.equations().stream().map(Equation::id).toList();
        return debugger.trace().cell() == CellType.LSTM && debugger.trace().steps() == 15
                && debugger.cursor().t() == 13 && debugger.cursor().equation() == ids.indexOf("lstm.c");
    }

    /** The texts of the substitution panel's results on screen: the value the equation computed. */
    private static List<String> results(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup("#substitution .token-result").queryAll().stream()
                .filter(Node::isVisible).filter(Text.class::isInstance).map(n -> ((Text) n).getText()).toList());
    }

    @Test
    void showMeLandsOnTheCellStateC14ThatTheTextQuotes(FxRobot robot) {
        LessonAt.open(robot, window, "squashed-cell", 0);
        robot.clickOn("#showMe");
        DebuggerViewModel debugger = window.debugger().viewModel();
        UiWait.until("the counter at t = 14, on the cell state's equation", () -> onC14(debugger),
                () -> debugger.cursor() + " " + debugger.equations().stream().map(Equation::id).toList());
        assertEquals("lstm.c", UiWait.onFx(() -> debugger.highlights().equationProperty().get()));
        Trace tr = debugger.trace();
        double c14 = tr.value("c", 0, 13, 0, 0);
        double pulses = 0;
        for (int t = 0; t < 14; t++) {
            pulses += tr.value("x", 0, t, 0, 0);
        }
        assertEquals(10, pulses, 1e-12, "the counter's input: ten pulses up to t = 14");
        assertEquals(pulses, c14, 0.01, "the real cell counts them");
        String shown = Numbers.display(c14);
        UiWait.until("c₁₄[0] = " + shown + " as the substitution's result", () -> results(robot).contains(shown),
                () -> results(robot).toString());
        Label title = robot.lookup("#heatmap-title-0-c").queryAs(Label.class);
        UiWait.until("the c heatmap computed through t = 14, whose largest value is c₁₄",
                () -> title.getText().endsWith(", " + shown + "]"), title::getText);

        var learn = window.learnView().viewModel();
        robot.interact(() -> learn.choose(learn.exerciseProperty().get().correct()));
        UiWait.until("the squashed cell beside, the cursor still on c₁₄", () -> !debugger.companions().isEmpty()
                && onC14(debugger));
        assertTrue(results(robot).contains(shown), "c₁₄[0] still on show: " + results(robot));
    }
}
