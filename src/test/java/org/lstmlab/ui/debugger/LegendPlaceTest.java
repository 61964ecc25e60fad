package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The gradient plot's legend covers no curve: a corner no curve passes through, else a band above the plot (beside
 * a lesson the legend sat in the top left corner, over the squashed cell's falling gradient).
 */
class LegendPlaceTest {
    /** A plot like the narrow one beside a lesson: 150 × 180 px from (56, 10). */
    private static final LegendPlace.Box PLOT = new LegendPlace.Box(56, 10, 150, 180);
    /** The squashed cell's ‖δc‖: from the bottom left to the top right. */
    private static final double[] RISING = {56, 190, 131, 100, 206, 10};

    @Test
    void aSegmentTouchesABoxWhenItCrossesItEvenWithBothEndsOutside() {
        LegendPlace.Box b = new LegendPlace.Box(10, 10, 20, 10);
        assertTrue(b.touches(0, 15, 40, 15), "straight across");
        assertTrue(b.touches(0, 0, 40, 30), "diagonally across");
        assertTrue(b.touches(20, 15, 20, 15), "a point inside");
        assertFalse(b.touches(0, 0, 40, 5), "above it");
        assertFalse(b.touches(0, 30, 8, 0), "beside its corner");
        assertFalse(b.touches(35, 15, 35, 15), "a point outside");
    }

    @Test
    void theLegendTakesTheFirstCornerNoCurvePassesThrough() {
        assertEquals(new LegendPlace.Box(60, 14, 100, 40),
                LegendPlace.corner(PLOT, 100, 40, List.of(RISING), 2), "top left, above the rising line");
        double[] flat = {56, 30, 206, 30};
        assertEquals(new LegendPlace.Box(102, 146, 100, 40),
                LegendPlace.corner(PLOT, 100, 40, List.of(RISING, flat), 2),
                "a flat line along the top and the rising one at the bottom left: the bottom right");
        double[] low = {56, 170, 206, 170};
        assertNull(LegendPlace.corner(PLOT, 100, 40, List.of(RISING, flat, low), 2), "every corner has a curve");
        assertNull(LegendPlace.corner(PLOT, 160, 40, List.of(), 2), "wider than the plot");
        double[] dot = {80, 30};
        assertEquals(102, LegendPlace.corner(PLOT, 100, 40, List.of(dot), 2).x(), 1e-12,
                "a lone value's dot counts too: not over it");
    }

    @Test
    void inABandTheEntriesStandSideBySideWhileTheyFit() {
        List<double[]> sizes = List.of(new double[] {90, 15}, new double[] {90, 15}, new double[] {180, 30},
                new double[] {180, 30});
        List<double[]> flow = LegendPlace.flow(sizes, 200);
        assertArrayEquals(new double[] {0, 0}, flow.get(0));
        assertArrayEquals(new double[] {90 + LegendPlace.GAP, 0}, flow.get(1));
        assertArrayEquals(new double[] {0, 15}, flow.get(2));
        assertArrayEquals(new double[] {0, 45}, flow.get(3));
        assertArrayEquals(new double[] {192, 75}, flow.get(4), "its width and height");
        List<double[]> stack = LegendPlace.stack(sizes);
        assertArrayEquals(new double[] {0, 60}, stack.get(3));
        assertArrayEquals(new double[] {180, 90}, stack.get(4));
    }
}
