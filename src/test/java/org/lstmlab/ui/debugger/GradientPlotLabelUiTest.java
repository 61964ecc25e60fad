package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * each fit, in English and in Chinese, instead of running off the pane's edge.
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

    private static boolean covers(GradientPlot p) throws Exception {
        return org.lstmlab.ui.UiWait.onFx(() -> {
            LegendPlace.Box b = p.legendBox();
            return p.drawnPaths().stream().anyMatch(path -> {
                for (int k = 0; k + 1 < path.length; k += 2) {
                    int next = Math.min(k + 2, path.length - 2);
                    if (b.touches(path[k], path[k + 1], path[next], path[next + 1])) {
                        return true;
                    }
                }
                return false;
            });
        });
    }

    /**
     * The squashed-cell lesson's plot beside a lesson (about 218 px wide): the legend, as wide as the plot, has
     * no free corner and goes above the plot; in a wide pane it takes a corner that no curve passes through.
     * Either way it covers no curve (it sat in the top left corner, over the squashed cell's gradient).
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
        assertTrue(narrow.legendBox().bottom() < firstCurveTop, "above the plot: " + narrow.legendBox());

        double[] falling = new double[20];
        for (int t = 0; t < 20; t++) {
            falling[t] = Math.pow(10, -8.0 * t / 19);
        }
        GradientPlot wide = plot(700, 300, List.of(new GradientPlot.Curve("RNN (tanh) ‖δh‖", falling, c, false)));
        assertTrue(!covers(wide), "a wide pane: " + wide.legendBox());
        assertTrue(wide.legendBox().x() > 56 + wide.legendBox().w(), "the top right corner, the falling line in the "
                + "top left: " + wide.legendBox());
    }

    /** The axis's powers of ten read as the checkup and the Train tab's chart write them: 10⁻⁹, not 1e-9. */
    @Test
    void thePowersOfTenAreWrittenWithSuperscripts() {
        assertEquals("10\u207b\u2079", GradientPlot.decade(-9));
        assertEquals("10\u2070", GradientPlot.decade(0));
    }
}
