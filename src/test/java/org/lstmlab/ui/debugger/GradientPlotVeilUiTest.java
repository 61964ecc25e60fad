package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Gradients plot's veil over the steps the backward pass has not reached: every point of a step before the
 * first computed one lies under it, every point from that step on lies clear of it, at a narrow pane's width and a
 * wide one's; none in forward mode's "nothing computed", nothing veiled once the cursor is back at the first step.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GradientPlotVeilUiTest {
    private static final int STEPS = 20;

    @Start
    void start(Stage stage) {
        // the plot is built in each test
    }

    private static GradientPlot plot(double w, double h) throws Exception {
        double[] falling = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            falling[t] = Math.pow(10, t - STEPS);
        }
        return UiWait.onFx(() -> {
            GradientPlot p = new GradientPlot();
            new javafx.scene.Scene(new javafx.scene.layout.StackPane(p), w, h);
            p.resize(w, h);
            p.setCurves(List.of(new GradientPlot.Curve("‖δh‖", falling, Color.BLUE, false)), "t");
            return p;
        });
    }

    /** Whether the point (x, y) lies under the veil {x, y, width, height}. */
    private static boolean under(double[] veil, double x, double y) {
        return x >= veil[0] && x <= veil[0] + veil[2] && y >= veil[1] && y <= veil[1] + veil[3];
    }

    @Test
    void theVeilCoversExactlyTheStepsBeforeTheFirstComputedOne() throws Exception {
        for (double width : new double[] {230, 640}) {
            GradientPlot p = plot(width, 220);
            for (int from : new int[] {STEPS - 1, 12, 1}) {
                double[][] seen = UiWait.onFx(() -> {
                    p.mark(from);
                    p.veil(new int[] {from}, "not computed yet");
                    return new double[][] {p.veilBox(), p.drawnPaths().get(0)};
                });
                double[] veil = seen[0];
                double[] points = seen[1];
                assertEquals(STEPS * 2, points.length);
                for (int t = 0; t < STEPS; t++) {
                    assertEquals(t < from, under(veil, points[2 * t], points[2 * t + 1]),
                            "width " + width + ", computed from " + from + ": step " + t);
                }
            }
        }
    }

    @Test
    void forwardModeVeilsTheWholeFrameAndTheFirstStepVeilsNothing() throws Exception {
        GradientPlot p = plot(400, 220);
        double[][] seen = UiWait.onFx(() -> {
            p.veil(new int[] {Integer.MAX_VALUE}, "computed in backward mode");
            double[] all = p.veilBox();
            double[] words = p.veilWordsBox();
            double[] points = p.drawnPaths().get(0);
            p.veil(new int[] {0}, "not computed yet");
            return new double[][] {all, points, p.veilBox(), words, p.veilWordsBox()};
        });
        for (int t = 0; t < STEPS; t++) {
            assertTrue(under(seen[0], seen[1][2 * t], seen[1][2 * t + 1]), "forward mode veils step " + t);
        }
        double[] words = seen[3];
        assertTrue(words != null && under(seen[0], words[0], words[1])
                && under(seen[0], words[0] + words[2], words[1] + words[3]), "the veil says what it means, on it");
        assertEquals(0, seen[2][2], "nothing veiled from the first step on");
        assertEquals(null, seen[4], "and nothing said");
    }

    /**
     * In a stack, a layer below the cursor's has not computed the cursor's step: that step of its curve, and the
     * lines to it, are as pale as under the veil, while the same step of the layer above is drawn in full colour.
     * Read from the pixels: the pale red of a veiled red line has a green channel above 150, the full red one below
     * 80.
     */
    @Test
    void aCurveComputedFromALaterStepIsPaleAtTheCursorsStep() throws Exception {
        double[] low = new double[STEPS];
        double[] high = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            low[t] = 1e-9;
            high[t] = 1e-1;
        }
        int from = 10;
        Object[] seen = UiWait.onFx(() -> {
            GradientPlot p = new GradientPlot();
            new javafx.scene.Scene(new javafx.scene.layout.StackPane(p), 500, 260);
            p.resize(500, 260);
            p.setCurves(List.of(new GradientPlot.Curve("upper", high, Color.BLUE, false),
                    new GradientPlot.Curve("lower", low, Color.RED, false)), "t");
            p.veil(new int[] {from, from + 1}, "not computed yet");
            javafx.scene.image.WritableImage shot = p.snapshot(new javafx.scene.SnapshotParameters(), null);
            return new Object[] {shot, p.drawnPaths(), p.veilBox(), shot.getWidth() / p.getWidth()};
        });
        javafx.scene.image.PixelReader px = ((javafx.scene.image.WritableImage) seen[0]).getPixelReader();
        @SuppressWarnings("unchecked")
        List<double[]> paths = (List<double[]>) seen[1];
        double[] veil = (double[]) seen[2];
        double scale = (double) seen[3];
        double[] upper = paths.get(0);
        double[] lower = paths.get(1);
        assertTrue(strongest(px, scale, upper[2 * from], upper[2 * from + 1], 0) < 80,
                "the layer above: its step " + from + " in full blue");
        assertTrue(strongest(px, scale, lower[2 * from], lower[2 * from + 1], 1) > 150,
                "the layer below: its step " + from + " pale");
        assertTrue(strongest(px, scale, lower[2 * from + 2], lower[2 * from + 3], 1) < 80,
                "the layer below: its step " + (from + 1) + " in full red");
        for (int t = 0; t < from; t++) {
            assertTrue(under(veil, upper[2 * t], upper[2 * t + 1]) && under(veil, lower[2 * t], lower[2 * t + 1]),
                    "step " + t + " of both under the veil");
        }
        assertTrue(!under(veil, upper[2 * from], upper[2 * from + 1]), "the veil stops before step " + from);
    }

    /**
     * The smallest value of channel {@code channel} (0 red, 1 green) within a pixel of (x, y): the strongest colour
     * of a line drawn through that point.
     */
    private static int strongest(javafx.scene.image.PixelReader px, double scale, double x, double y, int channel) {
        int min = 255;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                int argb = px.getArgb((int) Math.round(x * scale) + dx, (int) Math.round(y * scale) + dy);
                min = Math.min(min, argb >> (channel == 0 ? 16 : 8) & 0xFF);
            }
        }
        return min;
    }

    /** The words show only on a veil wide enough for them: one veiled step of a narrow plot says nothing. */
    @Test
    void aNarrowVeilSaysNothing() throws Exception {
        GradientPlot p = plot(230, 220);
        double[] words = UiWait.onFx(() -> {
            p.veil(new int[] {1}, "not computed yet");
            return p.veilWordsBox();
        });
        assertEquals(null, words);
    }
}
