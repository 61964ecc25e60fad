package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Presenter mode's equation pane: all of its content when it fits, else at least down to the equation's result,
 * ending under a whole line; scrolled to the equation's heading when where-the-cursor-stands leaves no room.
 */
class EquationCutTest {
    /** Where the cursor stands (to 70), the heading (74 to 160), five lines of 55 px; the result is three lines. */
    private static final double[] BOTTOMS = {70, 160, 215, 270, 325, 380, 435};
    private static final double HEADING = 74;
    private static final double MUST = 325;
    private static final double WANTED = 450;

    private static EquationCut cut(double fitted, double most) {
        return EquationCut.of(fitted, most, MUST, HEADING, WANTED, BOTTOMS);
    }

    @Test
    void allOfItWhenItFits() {
        assertEquals(new EquationCut(0, WANTED), cut(460, 600));
    }

    @Test
    void atLeastDownToTheResultAndNeverAcrossALine() {
        assertEquals(new EquationCut(0, 325), cut(300, 400), "the result takes room from the diagram");
        assertEquals(new EquationCut(0, 325), cut(350, 400), "350 would cut the fourth line in half");
        assertEquals(new EquationCut(0, 380), cut(400, 500));
    }

    @Test
    void scrolledToTheHeadingWhenTheResultDoesNotFitUnderWhereTheCursorStands() {
        assertEquals(new EquationCut(HEADING, MUST - HEADING), cut(200, 280));
        assertEquals(new EquationCut(HEADING, 196), cut(200, 220), "as many whole lines of the result as fit");
    }

    @Test
    void smallerNumbersOnlyWhenTheResultDoesNotFitAndTheyStay24PxOnTheScreen() {
        assertEquals(1, EquationCut.compact(MUST, HEADING, 220, 2, 0), "at 200 % they are 36 px");
        assertEquals(1, EquationCut.compact(MUST, HEADING, 220, 4.0 / 3, 0), "at 133 % they are 24 px");
        assertEquals(0, EquationCut.compact(MUST, HEADING, 220, 1.25, 0), "at 125 % they would be 22.5 px");
        assertEquals(0, EquationCut.compact(MUST, HEADING, 251, 2, 0), "the result fits under the heading");
    }

    @Test
    void smallerStillWhereTheFirstCompactSizeDoesNotFitAndTheyStay24PxOnTheScreen() {
        assertEquals(2, EquationCut.compact(MUST, HEADING, 220, 2, 1), "at 200 % they are 24 px");
        assertEquals(1, EquationCut.compact(MUST, HEADING, 220, 1.5, 1), "at 150 % they would be 18 px");
        assertEquals(1, EquationCut.compact(MUST, HEADING, 251, 2, 1), "the result fits at the first");
        assertEquals(2, EquationCut.compact(MUST, HEADING, 100, 3, 2), "there is no third");
    }

    @Test
    void aPaneLowerThanAnyLineKeepsItsHeight() {
        assertEquals(new EquationCut(0, 100), EquationCut.of(100, 100, 500, 0, 600, new double[] {500}));
    }
}
