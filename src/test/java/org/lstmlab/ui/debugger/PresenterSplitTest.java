package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Presenter mode's divider: fitted until dragged, then the dragged share of the room, kept within bounds. */
class PresenterSplitTest {
    @Test
    void fittedUntilDraggedThenTheShareOfTheRoomUntilFittedAgain() {
        PresenterSplit s = new PresenterSplit();
        assertFalse(s.dragged());
        assertEquals(300, s.height(600, 300), 1e-9, "fitted");
        s.dragTo(420, 600);
        assertTrue(s.dragged());
        assertEquals(420, s.height(600, 300), 1e-9, "where it was dragged");
        assertEquals(560, s.height(800, 300), 1e-9, "the same share of a taller room");
        s.fit();
        assertEquals(250, s.height(600, 250), 1e-9, "fitted again");
    }

    @Test
    void aDragIsKeptWithinTheBoundsAndAnEmptyRoomIsIgnored() {
        PresenterSplit s = new PresenterSplit();
        s.dragTo(420, 0);
        assertFalse(s.dragged(), "no room: nothing to keep");
        s.dragTo(5, 600);
        assertEquals(PresenterSplit.least(600), s.height(600, 300), 1e-9);
        s.dragTo(600, 600);
        assertEquals(PresenterSplit.most(600), s.height(600, 300), 1e-9);
    }
}
