package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/**
 * Where an explanation tooltip goes and how wide its texts wrap, without a toolkit: inside the window on its screen
 * (at 1024 × 768 a tooltip shown at the pointer near the right edge ran past it), as wide as the window allows.
 */
class ExplanationTipFitTest {
    private static final Rectangle2D WINDOW = new Rectangle2D(0, 0, 1024, 768);

    @Test
    void aTooltipRunningPastTheRightEdgeMovesLeftJustEnough() {
        Rectangle2D at = ExplanationTip.fit(new Rectangle2D(900, 500, 440, 200), WINDOW);
        assertEquals(1024 - 4 - 440, at.getMinX(), 1e-9);
        assertEquals(500, at.getMinY(), 1e-9);  // it fitted down there
        assertEquals(440, at.getWidth(), 1e-9);
    }

    @Test
    void aTooltipRunningPastTheBottomMovesUp() {
        Rectangle2D at = ExplanationTip.fit(new Rectangle2D(100, 700, 300, 200), WINDOW);
        assertEquals(100, at.getMinX(), 1e-9);
        assertEquals(768 - 4 - 200, at.getMinY(), 1e-9);
    }

    @Test
    void aTooltipInsideStaysWhereItIs() {
        Rectangle2D tip = new Rectangle2D(200, 100, 400, 300);
        assertEquals(tip, ExplanationTip.fit(tip, WINDOW));
    }

    @Test
    void inAWindowAwayFromTheScreensCornerTheTooltipStaysInIt() {
        Rectangle2D window = new Rectangle2D(300, 200, 1024, 768);
        Rectangle2D at = ExplanationTip.fit(new Rectangle2D(100, 50, 400, 300), window);
        assertEquals(304, at.getMinX(), 1e-9);
        assertEquals(204, at.getMinY(), 1e-9);
    }

    @Test
    void theTextsWrapAt32LettersUnlessTheWindowIsNarrower() {
        assertEquals(32 * 13, ExplanationTip.textWidth(13, 1024), 1e-9);  // 100 %: 416 px
        assertEquals(32 * 26, ExplanationTip.textWidth(26, 1024), 1e-9);  // 200 %: 832 px, in 1024
        double at250 = ExplanationTip.textWidth(32.5, 1024);              // 250 % and more: 1040 px did not fit
        assertEquals(1024 - 8 - 3 * 32.5, at250, 1e-9);
        assertEquals(8 * 32.5, ExplanationTip.textWidth(32.5, 200), 1e-9);  // never a column of letters
    }
}
