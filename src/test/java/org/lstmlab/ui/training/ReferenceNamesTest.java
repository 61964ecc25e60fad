package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where a chart writes the names of its dashed reference lines (pixels, downwards; a negative value is the top of a
 * name under its line): two lines a few pixels apart, such as a random walk's naive forecast and the threshold 5 %
 * below it, must not write their names over each other.
 */
class ReferenceNamesTest {
    private static final double TOP = 10;
    private static final double BOTTOM = 200;

    @Test
    void aLoneLineHasItsNameAboveItUnlessThereIsNoRoom() {
        assertEquals(99, PlotView.nameY(new double[] {100}, 0, TOP, BOTTOM));
        assertEquals(-(16 + 1), PlotView.nameY(new double[] {16}, 0, TOP, BOTTOM), "too close to the top");
    }

    @Test
    void linesFarApartKeepTheirNamesAbove() {
        double[] ys = {60, 120};
        assertEquals(59, PlotView.nameY(ys, 0, TOP, BOTTOM));
        assertEquals(119, PlotView.nameY(ys, 1, TOP, BOTTOM));
    }

    @Test
    void ofTwoCloseLinesTheLowerWritesUnderItsLine() {
        double[] ys = {120, 112};
        assertEquals(111, PlotView.nameY(ys, 1, TOP, BOTTOM), "the upper line's name stays above it");
        assertEquals(-121, PlotView.nameY(ys, 0, TOP, BOTTOM), "the lower one's goes under it");
    }

    @Test
    void nearTheBottomTheUpperNameMovesUpOutOfTheWay() {
        double[] ys = {190, 183};   // the lower line has no room under it (the x axis' labels are there)
        assertEquals(189, PlotView.nameY(ys, 0, TOP, BOTTOM), "the lower line's name above it");
        double upper = PlotView.nameY(ys, 1, TOP, BOTTOM);
        assertEquals(190 - 1 - 14, upper, "the upper one's a name's height higher");
        assertEquals(14, 189 - upper, 0.0, "so the two names do not overlap");
    }

    @Test
    void aLineWithoutAValueIsLeftOut() {
        assertEquals(119, PlotView.nameY(new double[] {Double.NaN, 120}, 1, TOP, BOTTOM));
    }
}
