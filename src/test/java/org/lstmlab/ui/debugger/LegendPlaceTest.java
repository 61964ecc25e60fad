package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The gradient plot's legend: its entries side by side in the band above the plot while they fit, and the segment
 * test the plot's tests check its curves against it with.
 */
class LegendPlaceTest {
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
    void inABandTheEntriesStandSideBySideWhileTheyFit() {
        List<double[]> sizes = List.of(new double[] {90, 15}, new double[] {90, 15}, new double[] {180, 30},
                new double[] {180, 30});
        List<double[]> flow = LegendPlace.flow(sizes, 200);
        assertArrayEquals(new double[] {0, 0}, flow.get(0));
        assertArrayEquals(new double[] {90 + LegendPlace.GAP, 0}, flow.get(1));
        assertArrayEquals(new double[] {0, 15}, flow.get(2));
        assertArrayEquals(new double[] {0, 45}, flow.get(3));
        assertArrayEquals(new double[] {192, 75}, flow.get(4), "its width and height");
    }
}
