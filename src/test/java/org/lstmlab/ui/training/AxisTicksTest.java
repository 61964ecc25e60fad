package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Readable ticks and labels, logarithmic when the losses span decades, rounding noise read as 0. */
class AxisTicksTest {
    @Test
    void linearTicksFallOnOneTwoOrFiveTimesAPowerOfTen() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, AxisTicks.linear(0, 1, 5), 1e-15);
        assertArrayEquals(new double[] {-2e-5, 0, 2e-5}, AxisTicks.linear(-3.92e-5, 2.1e-5, 4), 1e-20);
        double[] t = AxisTicks.linear(-0.3, 0.3, 5);
        assertTrue(Arrays.stream(t).anyMatch(v -> v == 0.0), "0 is exactly 0, not 5.55e-17: " + Arrays.toString(t));
    }

    @Test
    void labelsAreShortAndNeverRawExponents() {
        assertEquals("0.25", AxisTicks.label(0.25, 0.05));
        assertEquals("\u22124×10⁻⁵", AxisTicks.label(-4e-5, 2e-5), "the minus sign −");
        assertEquals("0", AxisTicks.label(-2.449e-16, 0.2), "rounding noise next to its neighbours is 0");
        assertEquals("1500", AxisTicks.label(1500, 500));
        assertEquals("2×10⁵", AxisTicks.label(2e5, 1e5));
        for (double v : AxisTicks.linear(-3.92e-5, 2.1e-5, 4)) {
            assertFalse(AxisTicks.label(v, 2e-5).contains("e"), AxisTicks.label(v, 2e-5));
        }
    }

    @Test
    void logarithmicTicksArePowersOfTen() {
        assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1, 1}, AxisTicks.log(5e-4, 2, 6), 1e-18);
        assertEquals(3, AxisTicks.log(1e-34, 1e-15, 3).length, "thinned to at most three");
        assertEquals("10⁻¹⁵", AxisTicks.logLabel(1e-15));
        assertEquals("10⁻³⁴", AxisTicks.logLabel(1e-34));
        assertEquals("0.01", AxisTicks.logLabel(0.01));
        assertEquals("1000", AxisTicks.logLabel(1000));
        assertArrayEquals(new double[] {5e-5, 1e-4, 2e-4, 5e-4}, AxisTicks.log(3e-5, 6e-4, 6), 1e-18,
                "within a decade or so: 2 and 5 times the powers too");
        assertEquals("2×10⁻⁴", AxisTicks.logLabel(2e-4));
    }

    @Test
    void singleNumbersHaveThreeDigitsAndNoNoise() {
        assertEquals("0", AxisTicks.number(-2.449e-16));
        assertEquals("0.0309", AxisTicks.number(0.030912));
        assertEquals("0.001", AxisTicks.number(0.001));
        assertEquals("\u22123.92×10⁻⁵", AxisTicks.number(-3.92e-5), "the minus sign −");
        assertEquals("1.5", AxisTicks.number(1.5));
        assertEquals("–", AxisTicks.number(Double.NaN));
    }

    @Test
    void aLossSpanningDecadesGetsALogAxisByDefault() {
        assertTrue(PlotScale.AUTOMATIC.logarithmic(List.of(new double[] {0.7, 0.01, 1e-4})));
        assertFalse(PlotScale.AUTOMATIC.logarithmic(List.of(new double[] {0.7, 0.2})), "less than two decades");
        assertFalse(PlotScale.AUTOMATIC.logarithmic(List.of(new double[] {0.7, -0.1, 1e-4})), "a value below 0");
        assertTrue(PlotScale.LOGARITHMIC.logarithmic(List.of(new double[] {0.7, 0.2})));
        assertFalse(PlotScale.LINEAR.logarithmic(List.of(new double[] {1, 1e-9})));
    }

    @Test
    void aRangeOfRoundingNoiseIsShownAroundZero() {
        assertArrayEquals(new double[] {-1, 1}, PlotRange.of(List.of(new double[] {1e-15, 1e-34}), false,
                Double.NaN, Double.NaN));
        assertArrayEquals(new double[] {1e-34, 1e-15}, PlotRange.of(List.of(new double[] {1e-15, 1e-34}), true,
                Double.NaN, Double.NaN));
        assertArrayEquals(new double[] {0, 1}, PlotRange.of(List.of(), false, Double.NaN, Double.NaN));
        assertArrayEquals(new double[] {0.5, 1.5}, PlotRange.of(List.of(new double[] {1, 1}), false, Double.NaN,
                Double.NaN));
    }

    /** The smallest distance in pixels between neighbouring ticks on an axis of {@code pixels} over [lo, hi]. */
    private static double closest(double[] ticks, double lo, double hi, boolean log, double pixels) {
        double closest = Double.MAX_VALUE;
        for (int k = 1; k < ticks.length; k++) {
            double d = log ? Math.log10(ticks[k] / ticks[k - 1]) / Math.log10(hi / lo) : (ticks[k] - ticks[k - 1])
                    / (hi - lo);
            closest = Math.min(closest, d * pixels);
        }
        return closest;
    }

    @Test
    void aShortAxisGetsFewerTicksWhoseLabelsDoNotMeet() {
        // a tall chart keeps its five ticks; the Train tab's charts at 200 % on 1024 × 768 are about 40 px high,
        // where "1.0 0.8 0.6 0.4 0.2 0" stood on each other
        assertArrayEquals(AxisTicks.linear(0, 1, 5), AxisTicks.spaced(0, 1, false, 5, 300, 15), 1e-15);
        double[] linear = AxisTicks.spaced(0, 1, false, 5, 40, 15);
        assertTrue(linear.length >= 2 && closest(linear, 0, 1, false, 40) >= 15, Arrays.toString(linear));
        assertArrayEquals(AxisTicks.log(1e-4, 1, 6), AxisTicks.spaced(1e-4, 1, true, 6, 300, 15), 1e-18);
        double[] log = AxisTicks.spaced(1e-4, 1, true, 6, 40, 15);
        assertTrue(log.length >= 2 && closest(log, 1e-4, 1, true, 40) >= 15, Arrays.toString(log));
        double[] decade = AxisTicks.spaced(0.15, 1.1, true, 6, 20, 15);  // 0.2, 0.5 and 1 when there is room
        assertTrue(decade.length >= 2 && closest(decade, 0.15, 1.1, true, 20) >= 15, Arrays.toString(decade));
        assertEquals(1, AxisTicks.spaced(0, 1, false, 5, 10, 15).length, "no room for two: one label");
    }

    /**
     * The random walk's forecast plot, 50 px high over [0.55, 1.25], had one label, "1": five, four and three ticks
     * at 0.1 or 0.2 stood 14.28 px apart where 14.3 were needed, and of 0.5's only 1.0 fell in the range, which then
     * passed because one tick has no neighbour too close.
     */
    @Test
    void aShortAxisWithRoomForTwoLabelsGetsTwoOrMore() {
        double[] walk = AxisTicks.spaced(0.55, 1.25, false, 5, 50, 14.3);
        assertArrayEquals(new double[] {0.75, 1.0, 1.25}, walk, 1e-12);
        assertEquals("0.75", AxisTicks.label(0.75, 0.25), "not 0.8: a step of 0.25 needs two decimals");
        int one = 0;
        for (int a = 0; a < 100; a++) {
            for (int b = 10; b < 200; b++) {
                double lo = a / 100.0;
                double hi = lo + b / 100.0;
                double[] t = AxisTicks.spaced(lo, hi, false, 5, 80, 14.3);
                one += t.length < 2 ? 1 : 0;
                assertTrue(t.length == 0 || closest(t, lo, hi, false, 80) >= 14.3, lo + " " + hi);
                for (double v : t) {
                    assertTrue(v >= lo - 1e-9 && v <= hi + 1e-9, v + " outside " + lo + " " + hi);
                }
            }
        }
        assertEquals(0, one, "ranges of a plot 80 px high with one label or none");
        assertEquals(2, AxisTicks.decimals(0.05));
        assertEquals(1, AxisTicks.decimals(0.30000000000000004), "rounding noise is not a digit");
        assertEquals(0, AxisTicks.decimals(25));
    }
}
