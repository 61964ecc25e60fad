package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.common.I18n;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Gradients plot's axis label in the narrow pane of a 1024 × 768 window (about 230 px): broken into lines that
 * each fit, in English and in Chinese, instead of running off the pane's edge; its time index a subscript, dL/dhₜ
 * (it said dL/dh_t, as code writes it).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GradientPlotLabelUiTest {
    @Start
    void start(Stage stage) {
        // text is measured with the toolkit's fonts
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    @Test
    void theAxisLabelWrapsToThePanesWidthAndKeepsEveryCharacter() {
        Font font = Font.getDefault();
        for (Locale l : I18n.LANGUAGES) {
            String label = I18n.bundle(l).getString("debugger.gradients.axis");
            // the time index as the rest of the debugger writes it on screen (dL/dhₜ), not as code (dL/dh_t)
            assertFalse(label.contains("_"), "the label writes an index as code: " + label);
            assertTrue(width(label, font) > 218, "the label is wider than the pane: " + label);
            List<String> lines = GradientPlot.lines(label, font, 218);
            assertTrue(lines.size() >= 2, lines.toString());
            for (String line : lines) {
                assertTrue(width(line, font) <= 218, "'" + line + "' fits");
            }
            assertEquals(label.replace(" ", ""), String.join("", lines).replace(" ", ""), "nothing is lost");
            assertEquals(List.of(label), GradientPlot.lines(label, font, 2000), "a wide pane: one line");
        }
    }

    /** A plot of {@code w × h} with these curves, laid out in a scene. */
    private static GradientPlot plot(double w, double h, List<GradientPlot.Curve> curves) throws Exception {
        return org.lstmlab.ui.UiWait.onFx(() -> {
            GradientPlot p = new GradientPlot();
            new javafx.scene.Scene(new javafx.scene.layout.StackPane(p), w, h);
            p.resize(w, h);
            p.setCurves(curves, "timestep t (1 to T), logarithmic norm of dL/dh_t and dL/dc_t");
            return p;
        });
    }

    private static double bottom(LegendPlace.Box b) {
        return b.y() + b.h();
    }

    /** Whether the segment from (x0, y0) to (x1, y1) (a point when they are equal) touches box {@code b}. */
    static boolean touches(LegendPlace.Box b, double x0, double y0, double x1, double y1) {
        double t0 = 0;
        double t1 = 1;
        double[] p = {x0 - x1, x1 - x0, y0 - y1, y1 - y0};
        double[] q = {x0 - b.x(), b.x() + b.w() - x0, y0 - b.y(), b.y() + b.h() - y0};
        for (int k = 0; k < 4; k++) {   // Liang–Barsky: clip the segment to the box
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return false;
                }
            } else if (p[k] < 0) {
                t0 = Math.max(t0, q[k] / p[k]);
            } else {
                t1 = Math.min(t1, q[k] / p[k]);
            }
        }
        return t0 <= t1;
    }

    @Test
    void aSegmentTouchesABoxWhenItCrossesItEvenWithBothEndsOutside() {
        LegendPlace.Box b = new LegendPlace.Box(10, 10, 20, 10);
        assertTrue(touches(b, 0, 15, 40, 15), "straight across");
        assertTrue(touches(b, 0, 0, 40, 30), "diagonally across");
        assertTrue(touches(b, 20, 15, 20, 15), "a point inside");
        assertFalse(touches(b, 0, 0, 40, 5), "above it");
        assertFalse(touches(b, 0, 30, 8, 0), "beside its corner");
        assertFalse(touches(b, 35, 15, 35, 15), "a point outside");
    }

    private static boolean covers(GradientPlot p) throws Exception {
        return org.lstmlab.ui.UiWait.onFx(() -> {
            LegendPlace.Box b = p.legendBox();
            return p.drawnPaths().stream().anyMatch(path -> {
                for (int k = 0; k + 1 < path.length; k += 2) {
                    int next = Math.min(k + 2, path.length - 2);
                    if (touches(b, path[k], path[k + 1], path[next], path[next + 1])) {
                        return true;
                    }
                }
                return false;
            });
        });
    }

    /**
     * The legend stands above the plot, outside its frame, and covers no curve: beside a lesson (about 218 px wide,
     * the squashed-cell lesson's plot; it sat in the top left corner, over the squashed cell's gradient) and in a
     * wider pane with a cell beside (it sat in a corner inside the plot, where the cursor line crossed it).
     */
    @Test
    void theLegendCoversNoCurve() throws Exception {
        double[] flat = new double[20];
        double[] rising = new double[20];
        double[] last = new double[20];
        for (int t = 0; t < 20; t++) {
            flat[t] = 2.8e-12;
            rising[t] = Math.pow(10, -16 + 16.0 * t / 19);
        }
        last[19] = 1;
        javafx.scene.paint.Color c = javafx.scene.paint.Color.BLUE;
        List<GradientPlot.Curve> curves = List.of(new GradientPlot.Curve("LSTM ‖δh‖", last, c, false),
                new GradientPlot.Curve("LSTM ‖δc‖", flat, c, false),
                new GradientPlot.Curve("squashed cell (mistake) ‖δh‖", last, c, false),
                new GradientPlot.Curve("squashed cell (mistake) ‖δc‖", rising, c, false));
        GradientPlot narrow = plot(218, 280, curves);
        assertTrue(!covers(narrow), "beside a lesson: " + narrow.legendBox());
        double firstCurveTop = org.lstmlab.ui.UiWait.onFx(() -> narrow.drawnPaths().stream()
                .mapToDouble(p -> p[1] < p[p.length - 1] ? p[1] : p[p.length - 1]).min().orElse(0));
        assertTrue(bottom(narrow.legendBox()) < firstCurveTop, "above the plot: " + narrow.legendBox());

        assertTrue(bottom(narrow.legendBox()) < narrow.frameTop(), "outside the frame: " + narrow.legendBox());

        // an LSTM with an RNN beside, in the Gradients pane at 1600 × 1000 and wider: the top left corner is free of
        // curves, but the legend stays out of the plot, where the cursor line runs too
        double[] lstmH = new double[20];
        double[] lstmC = new double[20];
        double[] rnnH = new double[20];
        for (int t = 0; t < 20; t++) {
            lstmH[t] = Math.pow(10, -3.3 + 3.3 * t / 19);
            lstmC[t] = Math.pow(10, -2.5 + 2.5 * t / 19);
            rnnH[t] = Math.pow(10, -9 + 9.5 * t / 19);
        }
        List<GradientPlot.Curve> beside = List.of(new GradientPlot.Curve("LSTM ‖δh‖", lstmH, c, false),
                new GradientPlot.Curve("LSTM ‖δc‖", lstmC, c, false),
                new GradientPlot.Curve("RNN (tanh) ‖δh‖", rnnH, c, false));
        for (double width : new double[] {360, 700}) {
            GradientPlot wide = plot(width, 300, beside);
            LegendPlace.Box b = wide.legendBox();
            assertTrue(!covers(wide), width + " px: " + b);
            assertTrue(bottom(b) < wide.frameTop(), width + " px, above the frame: " + b);
            assertTrue(b.x() >= 0 && b.x() + b.w() <= width, width + " px, inside the pane: " + b);
            assertTrue(b.h() < (width > 500 ? 20 : 35), width + " px, one row (two in the narrower): " + b);
        }
    }

    /** The axis's powers of ten read as the checkup and the Train tab's chart write them: 10⁻⁹, not 1e-9. */
    @Test
    void thePowersOfTenAreWrittenWithSuperscripts() {
        assertEquals("10\u207b\u2079", GradientPlot.decade(-9));
        assertEquals("10\u2070", GradientPlot.decade(0));
    }
}
