package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.training.ReferenceLabels.Box;
import org.lstmlab.ui.training.ReferenceLabels.Path;

/**
 * Where a chart writes the names of its dashed reference lines (pixels, downwards): beside the line, on neither the
 * series nor another name. The plot here is [60, 360] × [10, 200]; names are 13 px high.
 */
class ReferenceLabelsTest {
    private static final double LEFT = 60;
    private static final double RIGHT = 360;
    private static final double TOP = 10;
    private static final double BOTTOM = 200;
    private static final double H = 13;

    private static Box[] place(List<Path> series, double[] ys, double... widths) {
        return ReferenceLabels.place(LEFT, RIGHT, TOP, BOTTOM, series, ys, widths, H);
    }

    @Test
    void aLoneLineOverAnEmptyPlotHasItsNameAboveItAtTheRightEnd() {
        Box b = place(List.of(), new double[] {100}, 80)[0];
        assertEquals(RIGHT - 4 - 80, b.x(), 1e-9);
        assertEquals(99, b.bottom(), 1e-9, "1 px above the line");
        Box high = place(List.of(), new double[] {16}, 80)[0];
        assertEquals(17, high.y(), 1e-9, "too close to the top for a name above: under the line");
    }

    /**
     * The validation error of a random walk: it falls from the top left to just over the naive forecast's line,
     * with the threshold 5 % under it at the plot's bottom, and runs along them; both names stood at the right end,
     * on its last points and on each other.
     */
    @Test
    void aSeriesRunningAlongTheLinesKeepsOffTheirNamesAndTheNamesOffEachOther() {
        double threshold = BOTTOM;
        double naive = 195;
        double[] x = new double[11];
        double[] y = new double[11];
        for (int k = 0; k < 11; k++) {
            x[k] = LEFT + k * (RIGHT - LEFT) / 10;
            y[k] = naive - 1 + (TOP - naive + 1) * Math.exp(-0.9 * k);   // 10 at first, then down to 194
        }
        Path mse = new Path(x, y, true);
        double[] lines = {threshold, naive};
        Box[] b = place(List.of(mse), lines, 110, 140);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, ReferenceLabels.under(b[i], mse), 1e-9, "on the series: " + b[i]);
            assertTrue(b[i].y() >= TOP && b[i].bottom() <= BOTTOM, "inside the plot: " + b[i]);
            assertTrue(lines[i] - b[i].bottom() <= 2.5 * H, "far from its line: " + b[i]);
        }
        assertFalse(b[0].overlaps(b[1]), "the names on each other: " + b[0] + " " + b[1]);
        Box before = new Box(RIGHT - 4 - 140, naive - 1 - H, 140, H);   // where the naive line's name stood
        assertTrue(ReferenceLabels.under(before, mse) > 100, "the old place lay on the series");
    }

    /** An accuracy that climbs from the chance line at 0.5 past the threshold at 0.9. */
    @Test
    void eachNameGoesToTheEndWhereTheSeriesIsFarFromItsLine() {
        double solved = TOP + 0.1 * (BOTTOM - TOP);     // 90 % on an axis [0, 1]
        double chance = TOP + 0.5 * (BOTTOM - TOP);
        double[] x = {LEFT, 135, 210, 285, RIGHT};
        double[] y = {chance, chance - 20, chance - 60, solved + 2, solved - 8};   // the last two near 90 %
        Path accuracy = new Path(x, y, true);
        Box[] b = place(List.of(accuracy), new double[] {solved, chance}, 100, 70);
        assertEquals(LEFT + 4, b[0].x(), 1e-9, "90 % is reached at the right: its name at the left");
        assertEquals(RIGHT - 4 - 70, b[1].x(), 1e-9, "the climb starts on the chance line: its name at the right");
        assertEquals(0, ReferenceLabels.under(b[0], accuracy) + ReferenceLabels.under(b[1], accuracy), 1e-9);
    }

    @Test
    void ofTwoCloseLinesTheUpperNameGoesAboveAndTheLowerUnder() {
        Box[] b = place(List.of(), new double[] {120, 112}, 250, 250);  // as wide as the plot: no other end to go to
        assertEquals(111, b[1].bottom(), 1e-9, "the upper line's name just above it");
        assertEquals(121, b[0].y(), 1e-9, "the lower one's just under it");
    }

    @Test
    void nearTheBottomBothNamesStandAboveTheirLinesOneOverTheOther() {
        Box[] b = place(List.of(), new double[] {190, 183}, 250, 250);  // no room under the lower line
        assertEquals(189, b[0].bottom(), 1e-9, "the lower line's name above it");
        assertFalse(b[0].overlaps(b[1]), b[0] + " " + b[1]);
        assertTrue(b[1].bottom() <= b[0].y(), "the upper one's over it: " + b[1]);
        assertTrue(b[1].y() >= TOP, "and still in the plot");
    }

    /**
     * The random walk's validation MSE chart: the naive forecast's line at 0.00988 and the threshold 5 % under it, the
     * lowest values of the axis, with the MSE falling to just over the naive line and running along it. The plot gives
     * the lower line two names' room under it (the lines are closer than a name's height), and the threshold's name
     * then stands just under its line, with no other line through it; the naive line's name stays above its own line,
     * off the series, as close as the series lets it. Before, the threshold lay on the plot's bottom edge: its name
     * stood above it, struck through by the naive line, and pushed the naive line's name up over the series.
     */
    @Test
    void twoCloseLinesAtTheBottomOfTheRangeHaveEachItsNameNextToIt() {
        double[] mse = {0.0183, 0.0134, 0.0115, 0.0105, 0.0102, 0.0102, 0.0101, 0.0101, 0.0101, 0.0100};
        double naive = 0.00988;
        double threshold = 0.95 * naive;
        double[] range = PlotRange.of(List.of(mse, new double[] {naive, threshold}), false, Double.NaN, Double.NaN);
        assertEquals(threshold, range[0], 1e-12, "the threshold is the axis's lowest value");
        Box[] before = walk(mse, range, naive, threshold);
        assertTrue(before[1].y() < lineY(naive, range) && before[1].bottom() > lineY(naive, range),
                "before: the naive line ran through the threshold's name " + before[1]);
        double[] wide = PlotRange.roomForNames(range, new double[] {naive, threshold}, BOTTOM - TOP, H + 3, false);
        assertEquals(BOTTOM - 2 * (H + 3), lineY(threshold, wide), 1e-6, "two names' room under the lower line, "
                + "the lines being closer than a name's");
        assertEquals(mse[0], wide[1], 1e-12, "the top stays: no line near it");
        Box[] b = walk(mse, wide, naive, threshold);
        assertEquals(lineY(threshold, wide) + 1, b[1].y(), 1e-9, "the threshold's name just under it: " + b[1]);
        assertTrue(b[0].bottom() < lineY(naive, wide) && lineY(naive, wide) - b[0].bottom() <= H,
                "the naive line's name above it, less than a name's height away: " + b[0]);
        assertFalse(b[0].overlaps(b[1]));
        double[] fixed = {0, 1};
        assertArrayEquals(fixed, PlotRange.roomForNames(fixed, new double[] {0}, 190, 16, true),
                "a fixed range (an accuracy's 0 to 1) stays");
    }

    /**
     * The character model on the poem at 1024 × 768: a plot 63 px high, the threshold (2.289) and the frequencies'
     * baseline (2.861) 9 px apart at the bottom, the validation loss rising from just over the baseline. Neither name
     * fits between the lines, and above the baseline the series runs; before, the baseline's name stood stacked on
     * the threshold's, its own line through it, touching the threshold's name. The plot now leaves two names' room
     * under the lower line, and the names stand there one under the other, on no line and no series.
     */
    @Test
    void twoLinesTooCloseForANameBetweenThemStackTheirNamesUnderBoth() {
        double[] loss = {3.1, 3.6, 4.3, 4.9, 5.4};
        double threshold = 2.289;   // 80 % of the baseline, the cross-entropy of the character frequencies
        double baseline = 2.861;
        double left = 62;
        double right = 151;
        double top = 38;
        double bottom = 101;
        double[] range = PlotRange.of(List.of(loss, new double[] {threshold, baseline}), false, Double.NaN,
                Double.NaN);
        double[] wide = PlotRange.roomForNames(range, new double[] {threshold, baseline}, bottom - top, H + 3, false);
        java.util.function.DoubleUnaryOperator y = v -> bottom - (v - wide[0]) * (bottom - top) / (wide[1] - wide[0]);
        assertTrue(y.applyAsDouble(threshold) <= bottom - 2 * (H + 3) + 1e-6, "two names' room under the lower line");
        double[] x = new double[loss.length];
        double[] ys = new double[loss.length];
        for (int k = 0; k < loss.length; k++) {
            x[k] = left + k * (right - left) / (loss.length - 1);
            ys[k] = y.applyAsDouble(loss[k]);
        }
        Path series = new Path(x, ys, true);
        double[] lines = {y.applyAsDouble(threshold), y.applyAsDouble(baseline)};
        Box[] b = ReferenceLabels.place(left, right, top, bottom, List.of(series), lines, new double[] {44, 66}, H);
        assertFalse(b[0].overlaps(b[1]), b[0] + " " + b[1]);
        for (Box box : b) {
            assertEquals(0, ReferenceLabels.under(box, series), 1e-9, "on the series: " + box);
            for (double line : lines) {
                assertFalse(line > box.y() && line < box.bottom(), "a line through " + box);
            }
            assertTrue(box.y() >= top && box.bottom() <= bottom, "in the plot: " + box);
        }
    }

    /**
     * The random walk's validation MSE at 1024 × 768 in Chinese, in the pixels the Train tab drew: a plot 89 px wide,
     * the threshold's line at 69 and the naive forecast's ("重复最后一个值", 77 px, nearly the plot's width) 2.5 px
     * over it, the MSE falling from the plot's top left onto the naive line (after 9 epochs, then after 20). Under the
     * naive line's name the series runs, just over it; before, the name stood at the top of the plot, 26 px over its
     * line after 9 epochs (a name's height over it after 20), read as the name of the grid line there. Now it stands
     * under the threshold's name, under both lines, as on the poem's chart: next to its line, with only the other name
     * between them.
     */
    @Test
    void aNameAsWideAsThePlotOverASeriesOnItsLineStaysNextToItsLine() {
        double[] plot = {62, 151, 24, 101};   // left, right, top, bottom
        double[] lines = {69.0, 66.52971632272772};
        double[] first = {24.0, 49.324, 59.121, 63.783, 65.238, 64.912, 65.881, 65.648, 66.074};
        double[] rest = {65.9, 66.2, 65.8, 66.1, 66.0, 66.3, 65.9, 66.1, 66.0, 65.8, 66.03};
        for (int epochs : new int[] {first.length, first.length + rest.length}) {
            double[] x = new double[epochs];
            double[] y = new double[epochs];
            for (int k = 0; k < epochs; k++) {
                x[k] = plot[0] + k * (plot[1] - plot[0]) / (epochs - 1);
                y[k] = k < first.length ? first[k] : rest[k - first.length];
            }
            Path mse = new Path(x, y, true);
            Box[] b = ReferenceLabels.place(plot[0], plot[1], plot[2], plot[3], List.of(mse), lines,
                    new double[] {65.2, 77}, H);
            assertFalse(b[0].overlaps(b[1]), epochs + " epochs: " + b[0] + " " + b[1]);
            for (int i = 0; i < 2; i++) {
                assertTrue(b[i].y() >= plot[2] && b[i].bottom() <= plot[3], epochs + " epochs, in the plot: " + b[i]);
                for (double line : lines) {
                    assertFalse(line > b[i].y() && line < b[i].bottom(), epochs + " epochs, a line through " + b[i]);
                }
                Box o = b[1 - i];
                double gap = Math.max(b[i].y() - lines[i], lines[i] - b[i].bottom());
                boolean stacked = o.x() < b[i].right() && b[i].x() < o.right() && (b[i].y() > lines[i]
                        ? o.y() >= lines[i] - 1 && o.bottom() <= b[i].y() + 1
                        : o.bottom() <= lines[i] + 1 && o.y() >= b[i].bottom() - 1);
                assertTrue(gap - (stacked ? H : 0) <= 0.75 * H + 1, epochs + " epochs, more than ¾ of a name's "
                        + "height from its line, the other name (stacked between them) aside: " + b[i]);
                assertEquals(0, ReferenceLabels.under(b[i], mse), 1e-9, epochs + " epochs, on the series: " + b[i]);
            }
        }
    }

    /** The line at {@code v} on an axis over {@code range}, in pixels. */
    private static double lineY(double v, double[] range) {
        return BOTTOM - (v - range[0]) * (BOTTOM - TOP) / (range[1] - range[0]);
    }

    /** The names of the naive line (110 px) and the threshold's (120 px) over the MSE, each on no series. */
    private static Box[] walk(double[] mse, double[] range, double naive, double threshold) {
        double[] x = new double[mse.length];
        double[] y = new double[mse.length];
        for (int k = 0; k < mse.length; k++) {
            x[k] = LEFT + k * (RIGHT - LEFT) / (mse.length - 1);
            y[k] = lineY(mse[k], range);
        }
        Path series = new Path(x, y, true);
        Box[] b = place(List.of(series), new double[] {lineY(naive, range), lineY(threshold, range)}, 110, 120);
        for (Box box : b) {
            assertEquals(0, ReferenceLabels.under(box, series), 1e-9, "on the series: " + box);
        }
        return b;
    }

    /** A line near the top gets room over it as one near the bottom gets it under, and both ends may widen. */
    @Test
    void linesNearBothEndsGetRoomAtBoth() {
        double[] wide = PlotRange.roomForNames(new double[] {0, 1}, new double[] {0.01, 0.98}, 200, 20, false);
        double span = wide[1] - wide[0];
        assertEquals(20, (0.01 - wide[0]) / span * 200, 0.05, "under the lower line, in pixels");
        assertEquals(20, (wide[1] - 0.98) / span * 200, 0.05, "over the upper line");
        assertArrayEquals(new double[] {0, 1}, PlotRange.roomForNames(new double[] {0, 1}, new double[] {0.5}, 200,
                20, false), "a line in the middle needs nothing");
    }

    @Test
    void aLineWithoutAValueHasNoName() {
        Box[] b = place(List.of(), new double[] {Double.NaN, 120}, 50, 50);
        assertNull(b[0]);
        assertEquals(119, b[1].bottom(), 1e-9);
    }

    @Test
    void theLengthOfASegmentInsideABoxIsClipped() {
        Box b = new Box(0, 0, 10, 10);
        assertEquals(10, ReferenceLabels.inside(b, -5, 5, 15, 5), 1e-9, "straight across");
        assertEquals(Math.sqrt(50), ReferenceLabels.inside(b, 0, 0, 5, 5), 1e-9, "from a corner halfway in");
        assertEquals(0, ReferenceLabels.inside(b, 11, -5, 11, 15), 1e-9, "beside it");
        assertEquals(0, ReferenceLabels.distance(b, new Path(new double[] {-5, 15}, new double[] {5, 5}, false)));
        assertEquals(3, ReferenceLabels.distance(b, new Path(new double[] {-5, 15}, new double[] {13, 13}, false)),
                1e-9, "a line 3 px under the box");
    }
}
