package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;

/**
 * What a heatmap's pixels show of the steps, without a toolkit: in forward mode the columns up to the cursor's step
 * carry data and every later column none (the veil starts right after the cursor's step, at t = 1, in the middle and
 * at t = T), whether the map has fewer steps than pixels or more; the cursor's step itself only in the maps whose
 * symbol an equation at or before the cursor's computes; in backward mode every column carries data.
 */
class HeatmapRasterTest {
    private static final int W = 160;
    private static final int H = 80;
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    /** The LSTM's last forward equation (h): its step is complete. */
    private static final int LAST = EquationCatalogue.forward(CellType.LSTM).size() - 1;

    /**
     * T steps of 3 units: steps up to {@code known} (0-based) hold small values, the later ones NaN, which would
     * draw magenta in any pixel they took part in. A step's value is its own: 0.1 · (t + 1), the units alike.
     */
    private static TraceDigest.Series series(int steps, int known) {
        float[] v = new float[steps * 3];
        double[] min = new double[steps];
        double[] max = new double[steps];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < 3; j++) {
                v[t * 3 + j] = t <= known ? 0.1f * (t + 1) : Float.NaN;
            }
            min[t] = 0.1;
            max[t] = 0.1 * (Math.min(t, known) + 1);
        }
        return new TraceDigest.Series(v, steps, 3, min, max);
    }

    /** The LSTM's c map with the cursor at the end of step t of layer 0, drawn as {@link HeatmapPane} does. */
    private static HeatmapRaster drawn(TraceDigest.Series s, int t, boolean forward) {
        return drawn(CellType.LSTM, "c", 0, s, t, 0, LAST, forward);
    }

    /**
     * The map of {@code symbol} in {@code layer} of a {@code cell} with the cursor at equation {@code equation} of
     * step t in {@code cursorLayer}, drawn as {@link HeatmapPane} does.
     */
    private static HeatmapRaster drawn(CellType cell, String symbol, int layer, TraceDigest.Series s, int t,
                                       int cursorLayer, int equation, boolean forward) {
        HeatmapLabels labels = HeatmapLabels.of(cell, symbol, layer, s, EN);
        labels.mark(t, cursorLayer, equation, forward);
        HeatmapRaster r = new HeatmapRaster(s, W, H, Color.web("#f9a825"), Color.web("#1f4e9c"));
        r.draw(0, W, labels.scale(), labels.computed());
        return r;
    }

    /** The forward equation of {@code cell} that computes {@code symbol} (as its result or on the way), read here. */
    static int equationOf(CellType cell, String symbol) {
        List<Equation> eqs = EquationCatalogue.forward(cell);
        for (int k = 0; k < eqs.size(); k++) {
            if (eqs.get(k).output().equals(symbol) || eqs.get(k).intermediates().contains(symbol)) {
                return k;
            }
        }
        throw new AssertionError("no equation computes " + symbol);
    }

    /** Whether column x carries data: every pixel opaque, none magenta; false when every pixel is empty. */
    private static boolean data(HeatmapRaster r, int x) {
        boolean any = false;
        boolean none = true;
        for (int y = 0; y < H; y++) {
            int p = r.pixels()[y * W + x];
            assertTrue(p != 0xFFFF00FF, "column " + x + " shows a step not computed yet");
            any |= p == HeatmapRaster.NOT_COMPUTED;
            none &= p == HeatmapRaster.NOT_COMPUTED;
            assertTrue(p == HeatmapRaster.NOT_COMPUTED || (p >>> 24) == 0xFF, "a pixel half drawn in column " + x);
        }
        assertTrue(!any || none, "column " + x + " is partly veiled");
        return !none;
    }

    @Test
    void inForwardModeTheColumnsAfterTheCursorsStepCarryNoData() {
        for (int steps : new int[] {12, 160, 1000}) {
            for (int t : new int[] {0, steps / 2, steps - 1}) {
                HeatmapRaster r = drawn(series(steps, t), t, true);
                int from = HeatmapRaster.firstVeiled(steps, t + 1, W);
                String at = "T = " + steps + ", t = " + (t + 1);
                for (int x = 0; x < W; x++) {
                    assertEquals(x < from, data(r, x), at + ", column " + x);
                }
                // the veil's first column is the first one after the cursor's step
                assertTrue(HeatmapRaster.firstStep(from - 1, steps, W) <= t, at);
                assertTrue(from == W || HeatmapRaster.firstStep(from, steps, W) > t, at);
                assertEquals(t == steps - 1 ? W : (int) Math.ceil((t + 1) * (double) W / steps), from, at);
            }
        }
    }

    @Test
    void theColumnOfTheCursorsStepShowsItAndNoLaterStep() {
        // 1000 steps in 160 columns: the column of t = 10 (0-based 9) also covers t = 11 and 12, not computed yet
        HeatmapRaster r = drawn(series(1000, 9), 9, true);
        int x = HeatmapRaster.firstVeiled(1000, 10, W) - 1;
        assertEquals(1, x);
        assertEquals(6, HeatmapRaster.firstStep(x, 1000, W));
        assertTrue(data(r, x));
        // the mean of t = 7 to 10 (0.7 to 1.0) at the scale of the computed steps (t = 10's 1.0)
        double mean = 0;
        for (int t = 6; t <= 9; t++) {
            mean += 0.1f * (t + 1) / 4.0;
        }
        assertEquals(HeatmapRaster.argb(mean, 0.1 * 10, Color.web("#f9a825"), Color.web("#1f4e9c")),
                r.pixels()[x]);
    }

    @Test
    void inBackwardModeEveryColumnCarriesData() {
        for (int steps : new int[] {12, 1000}) {
            for (int t : new int[] {0, steps / 2, steps - 1}) {
                HeatmapRaster r = drawn(series(steps, steps - 1), t, false);
                for (int x = 0; x < W; x++) {
                    assertTrue(data(r, x), "T = " + steps + ", t = " + (t + 1) + ", column " + x);
                }
                assertEquals(W, HeatmapRaster.firstVeiled(steps, steps, W));
            }
        }
    }

    @Test
    void aLayerAboveTheCursorsHasNotComputedTheCursorsStep() {
        TraceDigest.Series s = series(12, 3);
        HeatmapLabels above = HeatmapLabels.of(CellType.LSTM, "c", 1, s, EN);
        above.mark(4, 0, LAST, true);
        HeatmapRaster r = new HeatmapRaster(s, W, H, Color.RED, Color.BLUE);
        r.draw(0, W, above.scale(), above.computed());
        int from = HeatmapRaster.firstVeiled(12, 4, W);
        assertEquals(54, from);  // t = 1 to 4 (0-based 0 to 3): 4 · 160 / 12 = 53.3 columns
        for (int x = 0; x < W; x++) {
            assertEquals(x < from, data(r, x), "column " + x);
        }
    }

    @Test
    void drawingAFewColumnsAgainGivesTheSamePixelsAsTheWholeMap() {
        TraceDigest.Series s = series(1000, 999);
        HeatmapRaster part = new HeatmapRaster(s, W, H, Color.RED, Color.BLUE);
        part.draw(0, W, 100, 30);
        int before = HeatmapRaster.firstVeiled(1000, 30, W);
        int after = HeatmapRaster.firstVeiled(1000, 31, W);
        part.draw(Math.min(before, after) - 1, Math.max(before, after) + 1, 100, 31);  // as HeatmapPane.mark does
        HeatmapRaster whole = new HeatmapRaster(s, W, H, Color.RED, Color.BLUE);
        whole.draw(0, W, 100, 31);
        assertTrue(java.util.Arrays.equals(whole.pixels(), part.pixels()));
    }

    @Test
    void atAnEquationTheCursorsColumnShowsOnlyTheMapsOfTheEquationsReached() {
        int hidden = 0;
        for (CellType cell : List.of(CellType.LSTM, CellType.LSTM_TANH_INPUT, CellType.GRU, CellType.RNN_TANH)) {
            for (int steps : new int[] {12, 1000}) {
                int t = steps / 2;
                for (int k = 0; k < EquationCatalogue.forward(cell).size(); k++) {
                    for (String symbol : Trace.heatmapSymbolsOf(cell)) {
                        boolean reached = equationOf(cell, symbol) <= k;
                        hidden += reached ? 0 : 1;
                        // the cursor's step is NaN where its equation is still to come: magenta if it were drawn
                        HeatmapRaster r = drawn(cell, symbol, 0, series(steps, reached ? t : t - 1), t, 0, k, true);
                        int from = HeatmapRaster.firstVeiled(steps, reached ? t + 1 : t, W);
                        String at = cell + " " + symbol + " at equation " + k + ", T = " + steps;
                        for (int x = 0; x < W; x++) {
                            assertEquals(x < from, data(r, x), at + ", column " + x);
                        }
                    }
                }
            }
        }
        assertEquals(2 * (5 + 4 + 3 + 2 + 1 + 5 + 4 + 3 + 2 + 1 + 3 + 2 + 1), hidden, "the maps still to come");
    }

    @Test
    void theLayersBelowAndAboveTheCursorsDoNotWaitForItsEquation() {
        int t = 6;
        for (int k = 0; k <= LAST; k++) {
            HeatmapRaster below = drawn(CellType.LSTM, "h", 0, series(12, t), t, 1, k, true);
            HeatmapRaster above = drawn(CellType.LSTM, "i", 2, series(12, t - 1), t, 1, k, true);
            int all = HeatmapRaster.firstVeiled(12, t + 1, W);
            int before = HeatmapRaster.firstVeiled(12, t, W);
            for (int x = 0; x < W; x++) {
                assertEquals(x < all, data(below, x), "layer 0's h, column " + x);
                assertEquals(x < before, data(above, x), "layer 2's i, column " + x);
            }
        }
    }

    @Test
    void theCursorsPixelColumnAveragesOnlyTheStepsItsMapHasComputed() {
        // 1000 steps in 160 columns: column 1 holds t = 7 to 12 (0-based 6 to 11); the cursor at g of t = 10
        int t = 9;
        int g = equationOf(CellType.LSTM, "g");
        TraceDigest.Series cs = series(1000, t - 1);
        TraceDigest.Series gs = series(1000, t);
        HeatmapRaster c = drawn(CellType.LSTM, "c", 0, cs, t, 0, g, true);
        HeatmapRaster cand = drawn(CellType.LSTM, "g", 0, gs, t, 0, g, true);
        assertEquals(6, HeatmapRaster.firstStep(1, 1000, W));
        assertEquals(12, HeatmapRaster.firstStep(2, 1000, W));
        // c: the mean of t = 7 to 9 at the scale of its computed steps (t = 9's 0.9); g: of t = 7 to 10
        assertEquals(HeatmapRaster.argb(mean(cs, 6, t), cs.maxUpTo()[t - 1], Color.web("#f9a825"),
                Color.web("#1f4e9c")), c.pixels()[1]);
        assertEquals(HeatmapRaster.argb(mean(gs, 6, t + 1), gs.maxUpTo()[t], Color.web("#f9a825"),
                Color.web("#1f4e9c")), cand.pixels()[1]);
        // at g of t = 7, c has computed no step of column 1: it is empty, and the veil starts there
        HeatmapRaster early = drawn(CellType.LSTM, "c", 0, series(1000, 5), 6, 0, g, true);
        assertTrue(data(early, 0));
        assertTrue(!data(early, 1));
    }

    /** The mean of steps {@code from} to {@code to} (exclusive) over the three units, summed as the raster does. */
    private static double mean(TraceDigest.Series s, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            for (int j = 0; j < 3; j++) {
                sum += s.at(t, j);
            }
        }
        return sum / ((to - from) * 3);
    }
}
