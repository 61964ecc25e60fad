package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Presenter mode's heading: the formula keeps its size where it fits the pane's width, else shrinks to it, never
 * below 24 px on the screen.
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
}
