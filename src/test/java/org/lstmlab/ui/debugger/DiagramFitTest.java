package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiagramFitTest {
    @Test
    void cellsBesideTheMainOneAreNeverShrunk() {
        assertEquals(1, DiagramFit.scale(300, 200, 580, 330, false, false));
        assertEquals(1, DiagramFit.scale(300, 200, 580, 330, false, true));
    }

    @Test
    void theMainCellAloneFitsItsPaneButNotBelowTheSmallestScale() {
        assertEquals(0.8, DiagramFit.scale(464, 400, 580, 330, true, false), 1e-12);
        assertEquals(DiagramFit.SMALLEST, DiagramFit.scale(100, 100, 580, 330, true, false));
        assertEquals(1, DiagramFit.scale(2000, 1000, 580, 330, true, false), "never larger outside presenter mode");
    }

    @Test
    void inPresenterModeTheMainCellGrowsToTheLimitingSide() {
        assertEquals(2.0, DiagramFit.scale(1160, 900, 580, 330, true, true), 1e-12);
        assertEquals(1.5, DiagramFit.scale(2000, 495, 580, 330, true, true), 1e-12);
        assertEquals(1, DiagramFit.scale(300, 200, 580, 330, true, true), "never smaller than itself");
        assertEquals(1, DiagramFit.scale(0, 0, 580, 330, true, true), "not laid out yet");
    }
}
