package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Presenter mode's heading: the formula keeps its size where it fits the pane's width, else shrinks to it, never
 * below 24 px on the screen. Outside presenter mode a row of the list wider than the pane wraps its name first, down
 * to the names' column, then draws its formula smaller, to 4/5 of its size at the least.
 */
class HeadingFitTest {
    @Test
    void aFormulaThatFitsKeepsItsSize() {
        assertEquals(1, HeadingFit.scale(300, 400, 26, 2));
        assertEquals(1, HeadingFit.scale(400, 400, 26, 2));
    }

    @Test
    void aWiderFormulaShrinksToTheRoom() {
        assertEquals(0.75, HeadingFit.scale(400, 300, 26, 2), 1e-12, "26 px at 200 %: 39 px on the screen");
        assertEquals(24.0 / 26, HeadingFit.scale(400, 300, 26, 1), 1e-12, "at 100 %: 24 px at the least");
    }

    @Test
    void neverBelow24PxOnTheScreen() {
        assertEquals(24.0 / 52, HeadingFit.scale(600, 100, 26, 2), 1e-12, "26 px at 200 %: 24 px at the least");
        assertEquals(24.0 / 39, HeadingFit.scale(600, -20, 26, 1.5), 1e-12, "no room left by the name");
        assertEquals(1, HeadingFit.scale(600, 100, 20, 1), 1e-12, "20 px at 100 %: under 24 px already");
    }

    @Test
    void aListRowThatFitsKeepsItsNameAndFormula() {
        assertArrayEquals(new double[] {200, 1}, HeadingFit.listRow(200, 190, 300, 500));
    }

    @Test
    void aWiderListRowWrapsItsNameFirst() {
        assertArrayEquals(new double[] {250, 1}, HeadingFit.listRow(400, 190, 300, 550));
    }

    @Test
    void thenItsFormulaShrinksToFourFifthsAtTheLeast() {
        assertArrayEquals(new double[] {190, 0.9}, HeadingFit.listRow(400, 190, 500, 640), 1e-12);
        assertArrayEquals(new double[] {190, 0.8}, HeadingFit.listRow(400, 190, 500, 400), 1e-12, "still wider");
        assertArrayEquals(new double[] {150, 0.8}, HeadingFit.listRow(150, 190, 600, 400), 1e-12, "a short name");
    }
}
