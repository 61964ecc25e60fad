package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The gradient plot's legend: its entries side by side in the band above the plot while they fit. */
class LegendPlaceTest {
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
