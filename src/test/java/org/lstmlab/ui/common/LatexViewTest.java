package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.transform.Scale;
import org.junit.jupiter.api.Test;

/** The scale a formula is drawn at: what it is shown at, times the screen's, to the next quarter, 1/2 to 8. */
class LatexViewTest {
    @Test
    void theDrawingScaleFollowsTheZoomAndTheScreen() {
        assertEquals(1.0, LatexView.wanted(new Scale(1, 1), 1));
        assertEquals(1.75, LatexView.wanted(new Scale(1.75, 1.75), 1), "zoom 175 %");
        assertEquals(3.0, LatexView.wanted(new Scale(2, 2), 1.5), "zoom 200 % on a 150 % screen");
        assertEquals(1.25, LatexView.wanted(new Scale(1.1, 1.1), 1), "to the next quarter up");
        assertEquals(0.75, LatexView.wanted(new Scale(0.75, 0.75), 1), "zoom 75 %");
        assertEquals(0.5, LatexView.wanted(new Scale(0.01, 0.01), 1), "never below a half");
        assertEquals(8.0, LatexView.wanted(new Scale(30, 30), 2), "never above 8");
        assertEquals(1.0, LatexView.wanted(new Scale(1, 1), 0), "an unknown screen counts as 1");
    }
}
