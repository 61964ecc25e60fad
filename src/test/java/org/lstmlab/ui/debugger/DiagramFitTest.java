package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiagramFitTest {
    @Test
    void cellsBesideTheMainOneShrinkOnlyToFitANarrowPanesWidth() {
        assertEquals(1, DiagramFit.scale(700, 200, 580, 330, false, false, 1), "a pane as wide as one: stacked");
        assertEquals(1, DiagramFit.scale(1300, 200, 580, 330, false, true, 1), "never larger");
        // beside a lesson at 1024 x 768 the pane is about 400 px wide: before, the diagrams were cut off there
        assertEquals(0.7, DiagramFit.scale(406, 200, 580, 330, false, false, 1), 1e-12, "its height does not count");
        assertEquals(0.7, DiagramFit.scale(406, 200, 580, 330, false, true, 1), 1e-12);
        assertEquals(DiagramFit.SMALLEST, DiagramFit.scale(200, 800, 580, 330, false, false, 1), "not below");
        assertEquals(1, DiagramFit.scale(0, 0, 580, 330, false, false, 1), "not laid out yet");
        assertEquals(1, DiagramFit.scale(406, 200, 580, 330, false, false, 1.5), "zoomed in: the zoom's size");
        assertEquals(0.7, DiagramFit.scale(406, 200, 580, 330, false, false, 0.9), 1e-12, "zoomed out too");
    }

    @Test
    void theGatesNamesGrowOnlyWhenTheDiagramShrinksThemBelowTenPixels() {
        assertEquals(10 / 9.0, DiagramFit.gateName(0.6, 15), 1e-12, "beside a lesson: 9 px became 10");
        assertEquals(10, 15 * 0.6 * DiagramFit.gateName(0.6, 15), 1e-12);
        assertEquals(1, DiagramFit.gateName(0.8, 15), "12 px: as drawn");
        assertEquals(1, DiagramFit.gateName(1, 15));
        assertEquals(1, DiagramFit.gateName(0, 15), "not laid out yet");
    }

    @Test
    void theTitleAndTheNoteAboveTheDiagramGrowOnlyWhenItShrinksThemBelowTheirLeast() {
        assertEquals(20, DiagramFit.caption(0.6, 13, 12), 1e-12, "beside a lesson: 7.8 px became 12");
        assertEquals(12, 0.6 * DiagramFit.caption(0.6, 13, 12), 1e-12);
        assertEquals(10, 0.6 * DiagramFit.caption(0.6, 11, 10), 1e-12, "the note: 6.6 px became 10");
        assertEquals(13, DiagramFit.caption(0.95, 13, 12), "12.35 px: as styled");
        assertEquals(13, DiagramFit.caption(1, 13, 12));
        assertEquals(13, DiagramFit.caption(0, 13, 12), "not laid out yet");
    }

    @Test
    void theMainCellAloneFitsItsPaneButNotBelowTheSmallestScale() {
        assertEquals(0.8, DiagramFit.scale(464, 400, 580, 330, true, false, 1), 1e-12);
        assertEquals(DiagramFit.SMALLEST, DiagramFit.scale(100, 100, 580, 330, true, false, 1));
        assertEquals(1, DiagramFit.scale(2000, 1000, 580, 330, true, false, 1), "never larger outside presenter mode");
    }

    @Test
    void zoomedInTheMainCellShrinksFurtherToFitItsPaneOrAtLeastItsWidth() {
        assertEquals(1, DiagramFit.least(2) * DiagramFit.number(DiagramFit.least(2)) * 2 / DiagramFit.STYLE_NUMBER,
                1e-12, "at its least its numbers are the style sheet's size at 100 % on the screen");
        assertEquals(DiagramFit.SMALLEST, DiagramFit.least(1), "not at 100 %");
        assertEquals(DiagramFit.SMALLEST, DiagramFit.least(0.75), "nor zoomed out");
        assertEquals(0.5, DiagramFit.scale(290, 500, 580, 330, true, false, 1.5), 1e-12, "it fits the pane");
        // 200 % on 1024 x 768: 255 x 67 px of the pane's own; too low for any legible size, but not too narrow
        assertEquals(255 / 580.0, DiagramFit.scale(255, 67, 580, 330, true, false, 2), 1e-12, "its width");
        assertEquals(DiagramFit.least(2), DiagramFit.scale(191.4, 67, 580, 330, true, false, 2), 1e-12,
                "not below its least");
        assertEquals(DiagramFit.SMALLEST, DiagramFit.scale(100, 67, 580, 330, true, false, 2),
                "too narrow even at its least (beside a lesson): the usual size, as it scrolls anyhow");
        assertEquals(DiagramFit.SMALLEST, DiagramFit.scale(500, 67, 580, 330, true, false, 2),
                "no larger than the usual least when it scrolls anyhow");
        for (double s = DiagramFit.least(2); s <= 1; s += 0.01) {
            assertTrue(DiagramFit.number(s) * s * 2 >= DiagramFit.STYLE_NUMBER - 1e-9, "at " + s);
        }
        assertEquals(DiagramFit.number(DiagramFit.SMALLEST), DiagramFit.number(0.4), 1e-12, "below, no larger");
        assertEquals(DiagramFit.gateName(DiagramFit.SMALLEST, 15), DiagramFit.gateName(0.4, 15), 1e-12);
        assertEquals(DiagramFit.caption(DiagramFit.SMALLEST, 13, 12), DiagramFit.caption(0.4, 13, 12), 1e-12);
    }

    @Test
    void inPresenterModeTheMainCellFitsTheLimitingSide() {
        assertEquals(2.0, DiagramFit.scale(1160, 900, 580, 330, true, true, 1), 1e-12);
        assertEquals(1.5, DiagramFit.scale(2000, 495, 580, 330, true, true, 1), 1e-12);
        assertEquals(0.9, DiagramFit.scale(2000, 297, 580, 330, true, true, 1), 1e-12, "smaller than itself too");
        assertEquals(1, DiagramFit.scale(0, 0, 580, 330, true, true, 1), "not laid out yet");
    }

    @Test
    void inPresenterModeItKeepsItsSmallestOnTheScreenInAPaneALittleShort() {
        assertEquals(DiagramFit.PRESENTER_SMALLEST, DiagramFit.scale(2000, 260, 580, 330, true, true, 1), 1e-12);
        assertEquals(DiagramFit.PRESENTER_SMALLEST / 1.5, DiagramFit.scale(2000, 174, 580, 330, true, true, 1.5),
                1e-12, "at 150 % its pane's pixels are larger");
        assertEquals(DiagramFit.PRESENTER_SMALLEST, DiagramFit.scale(2000, 259, 580, 330, true, true, 1), 1e-12,
                "a pane 2 % short: its margin takes the difference");
    }

    @Test
    void inPresenterModeAPaneTooLowForItsSmallestShrinksItRatherThanScroll() {
        // 1280 x 720 at 200 %: the equation keeps a third of the room, and the diagram's pane is 5 px short
        assertEquals(140 / 330.0, DiagramFit.scale(600, 140, 580, 330, true, true, 2), 1e-12);
        assertEquals(DiagramFit.PRESENTER_LEAST / 2, DiagramFit.scale(600, 50, 580, 330, true, true, 2), 1e-12,
                "not below its least: then it scrolls");
        double largest = DiagramFit.presenterNumber(DiagramFit.PRESENTER_SMALLEST, 1);
        assertEquals(largest, DiagramFit.presenterNumber(DiagramFit.PRESENTER_LEAST, 1), 1e-12, "no larger");
        assertEquals(DiagramFit.PRESENTER_STYLE_NUMBER, largest * DiagramFit.PRESENTER_LEAST, 1e-12,
                "the style sheet's size on the screen at its least");
    }

    @Test
    void itsNumbersGrowAsItShrinksToStay24PixelsHigh() {
        assertEquals(18, DiagramFit.presenterNumber(2, 1), 1e-12, "the style sheet's size while that is enough");
        assertEquals(18, DiagramFit.presenterNumber(24.0 / 18, 1), 1e-12);
        assertEquals(24, DiagramFit.presenterNumber(1, 1), 1e-12);
        assertEquals(30, DiagramFit.presenterNumber(0.8, 1), 1e-12);
        assertEquals(20, DiagramFit.presenterNumber(0.8, 1.5), 1e-12, "the zoom enlarges them too");
        for (double s = DiagramFit.PRESENTER_SMALLEST; s < 3; s += 0.01) {
            assertTrue(DiagramFit.presenterNumber(s, 1) * s >= DiagramFit.PRESENTER_NUMBER - 1e-9, "at " + s);
        }
    }

    @Test
    void theEquationGetsWhatItWantsWhileTheDiagramKeepsItsRoom() {
        // 650 px for both; the diagram wants 320 px to be roomy and 280 at the least
        assertEquals(250, DiagramFit.presenterEquationHeight(650, 250, 200, 320, 280), 1e-12, "all it wants");
        assertEquals(330, DiagramFit.presenterEquationHeight(650, 500, 200, 320, 280), 1e-12,
                "the rest beside a roomy diagram");
        assertEquals(350, DiagramFit.presenterEquationHeight(650, 500, 350, 320, 280), 1e-12,
                "what it needs, the diagram smaller");
        assertEquals(370, DiagramFit.presenterEquationHeight(650, 500, 450, 320, 280), 1e-12,
                "never so much that the diagram goes below its least");
        assertEquals(100, DiagramFit.presenterEquationHeight(300, 500, 450, 320, 280), 1e-12,
                "a third of a small window at least");
        assertEquals(80, DiagramFit.presenterEquationHeight(300, 80, 80, 320, 280), 1e-12, "never more than it wants");
    }

    @Test
    void zoomedInThePaneTakesWhatTheDiagramNeedsUpToThreeQuartersOfTheRoomFoldingTheNoteIfItMust() {
        assertEquals(new DiagramFit.Pane(0, true), DiagramFit.pane(172, 140, 125, 1), "at 100 % as the user left it");
        assertEquals(new DiagramFit.Pane(0, true), DiagramFit.pane(172, 140, 125, 0.8));
        assertEquals(new DiagramFit.Pane(180, true), DiagramFit.pane(314, 180, 162, 1.5), "the note fits");
        assertEquals(new DiagramFit.Pane(125, false), DiagramFit.pane(172, 140, 125, 2),
                "at 200 % on 1024 × 768 the note goes to the title's tooltip");
        assertEquals(new DiagramFit.Pane(129, false), DiagramFit.pane(172, 140, 135, 2),
                "never over three quarters of the room");
    }
}
