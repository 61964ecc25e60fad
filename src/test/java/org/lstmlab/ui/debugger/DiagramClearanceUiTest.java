package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.UiWait;
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
    /** Numbers as wide as they come: four decimals, negative, with a two-digit exponent. */
    private static final double WIDEST = -1.234e-10;
    private static final double USUAL = -0.0600;

    @Start
    void start(Stage stage) {
        // text is measured with the toolkit's fonts
    }

    @Test
    void numbersKeepClearOfTheOperationsCircles() throws Exception {
        List<String> problems = new ArrayList<>();
        for (CellType cell : List.of(CellType.LSTM, CellType.GRU, CellType.LSTM_TANH_INPUT)) {
            for (Direction dir : Direction.values()) {
                // presenter mode at its largest numbers with the usual ones, at the roomy size with the widest,
                // at the style sheet's size; outside presenter mode at a diagram shrunk to 0.6 and at 1
                problems.addAll(check(cell, dir, true, 24 / DiagramFit.PRESENTER_SMALLEST, USUAL));
                problems.addAll(check(cell, dir, true, 24 / DiagramFit.PRESENTER_ROOMY, WIDEST));
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
        return UiWait.onFx(() -> {
            CellDiagram d = new CellDiagram();
            javafx.scene.layout.Pane root = new javafx.scene.layout.Pane(d);
            if (presenting) {
                root.getStyleClass().add("presenting");
            }
            javafx.scene.Scene scene = new javafx.scene.Scene(root, 1200, 600);
            for (String css : List.of("theme.css", "debugger/debugger.css")) {
                scene.getStylesheets().add(org.lstmlab.ui.common.Resources.url(css).toExternalForm());
            }
            d.setPresenting(presenting);
            d.setCell(cell);
            d.setValueSize(font);
            d.update("", dir, 0, (s, u) -> value, false);
            d.applyCss();
            List<Circle> circles = new ArrayList<>();
            List<Text> texts = new ArrayList<>();
            collect(d, circles, texts);
            List<String> out = new ArrayList<>();
            for (Text t : texts) {
                if (t.getText().isEmpty()) {
                    continue;
                }
                Bounds b = digits(t);
                for (Circle c : circles) {
                    Bounds cb = c.localToScene(c.getBoundsInLocal());
                    double cx = cb.getCenterX();
                    double cy = cb.getCenterY();
                    double r = cb.getWidth() / 2;
                    double dx = Math.max(0, Math.max(b.getMinX() - cx, cx - b.getMaxX()));
                    double dy = Math.max(0, Math.max(b.getMinY() - cy, cy - b.getMaxY()));
                    double gap = Math.hypot(dx, dy) - r;
                    if (gap < CLEAR) {
                        out.add(String.format(java.util.Locale.ROOT, "%s %s %s at %.1f px: '%s' %.1f px from the "
                                + "circle at (%.0f, %.0f)", cell, dir, presenting ? "presenter" : "usual", font,
                                t.getText(), gap, cx, cy));
                    }
                }
            }
            return out;
        });
    }

    /** The circles drawn (one per operation, shown) and the numbers. */
    private static void collect(Node n, List<Circle> circles, List<Text> texts) {
        if (n instanceof Circle c && c.getStyleClass().contains("op-circle") && c.isVisible()) {
            circles.add(c);
        } else if (n instanceof Text t && t.getStyleClass().contains("node-value")) {
            texts.add(t);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, circles, texts);
            }
        }
    }

    /** The box of a number's glyphs (its ink, not its line), in the scene. */
    private static Bounds digits(Text t) {
        TextBoundsType was = t.getBoundsType();
        double edge = t.getStrokeWidth();
        t.setBoundsType(TextBoundsType.VISUAL);
        t.setStrokeWidth(0);  // presenter mode's white edge may cross a circle's outline; the digits may not
        Bounds ink = t.localToScene(t.getBoundsInLocal());
        t.setStrokeWidth(edge);
        t.setBoundsType(was);
        return ink;
    }
}
