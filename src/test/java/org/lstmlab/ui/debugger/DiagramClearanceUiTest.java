package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.ui.debugger.DrawnDiagram.USUAL;
import static org.lstmlab.ui.debugger.DrawnDiagram.WIDEST;

import java.util.ArrayList;
import java.util.List;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The diagram's numbers keep clear of the operations' circles (the × of o_t ⊙ tanh(c_t), of i_t ⊙ g_t, the GRU's
 * 1 − z_t): measured on the drawn nodes, with the toolkit's fonts and the circles as drawn around their rendered
 * labels, for the LSTM and the GRU, forward and backward, in presenter mode at its largest numbers (the diagram
 * shrunk to {@link DiagramFit#PRESENTER_SMALLEST}, as at 1024 × 768) and at the style sheet's size (1600 × 1000), and
 * outside presenter mode. In backward mode at 1024 × 768 the gradient under o_t ran under the circle beside it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DiagramClearanceUiTest {
    /** The least room between a number's digits and a circle, in the drawing's pixels. */
    private static final double CLEAR = 6;

    @Start
    void start(Stage stage) {
        // text is measured with the toolkit's fonts
    }

    @Test
    void numbersKeepClearOfTheOperationsCircles() throws Exception {
        List<String> problems = new ArrayList<>();
        for (CellType cell : List.of(CellType.LSTM, CellType.GRU, CellType.LSTM_TANH_INPUT)) {
            for (Direction dir : Direction.values()) {
                // presenter mode at its largest numbers with the usual ones, at the roomy size with wide ones,
                // at the style sheet's size; outside presenter mode at a diagram shrunk to 0.6 and at 1
                problems.addAll(check(cell, dir, true, 24 / DiagramFit.PRESENTER_SMALLEST, USUAL));
                problems.addAll(check(cell, dir, true, 24 / DiagramFit.PRESENTER_ROOMY, DrawnDiagram.WIDE));
                problems.addAll(check(cell, dir, true, DiagramFit.PRESENTER_STYLE_NUMBER, WIDEST));
                problems.addAll(check(cell, dir, false, DiagramFit.number(DiagramFit.SMALLEST), WIDEST));
                problems.addAll(check(cell, dir, false, DiagramFit.STYLE_NUMBER, WIDEST));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Where a number comes within {@link #CLEAR} of a circle, one line each. */
    private static List<String> check(CellType cell, Direction dir, boolean presenting, double font, double value)
            throws Exception {
        DrawnDiagram d = DrawnDiagram.of(cell, dir, presenting, font, value);
        List<String> out = new ArrayList<>();
        for (DrawnDiagram.Number n : d.numbers()) {
            for (double[] c : d.circles()) {
                double gap = DrawnDiagram.distance(n.ink(), c[0], c[1]) - c[2];
                if (gap < CLEAR) {
                    out.add(String.format(java.util.Locale.ROOT, "%s %s %s at %.1f px: '%s' %.1f px from the "
                            + "circle at (%.0f, %.0f)", cell, dir, presenting ? "presenter" : "usual", font,
                            n.text(), gap, c[0], c[1]));
                }
            }
        }
        return out;
    }
}
