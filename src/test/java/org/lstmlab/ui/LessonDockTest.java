package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The side panel's fold and the lesson's divider, decided without a toolkit. */
class LessonDockTest {
    private final LessonDock dock = new LessonDock();

    private boolean shown() {
        return dock.sidePanelShownProperty().get();
    }

    @Test
    void aLessonBesideANarrowDebuggerFoldsTheSidePanelAndClosingItUnfoldsIt() {
        dock.setDebuggerWidth(1024);
        assertTrue(shown(), "no lesson: the panel shows");
        dock.setLessonDocked(true);
        assertTrue(shown(), "the debugger is still 1024 wide until the split lays the lesson out");
        dock.setDebuggerWidth(629);  // 1024 × 0.62, less the divider
        assertFalse(shown());
        assertTrue(dock.ruleFoldsProperty().get());
        dock.setLessonDocked(false);
        assertTrue(shown(), "the lesson closed: the panel comes back");
        assertFalse(dock.ruleFoldsProperty().get());
    }

    @Test
    void aWideDebuggerKeepsItsPanelBesideALesson() {
        dock.setDebuggerWidth(1190);  // 1920 × 0.62
        dock.setLessonDocked(true);
        assertTrue(shown());
        dock.setDebuggerWidth(LessonDock.NARROW);
        assertTrue(shown(), "exactly the limit is wide enough");
        dock.setDebuggerWidth(LessonDock.NARROW - 1);
        assertFalse(shown());
    }

    @Test
    void theZoomedWidthCounts() {
        dock.setLessonDocked(true);
        dock.setDebuggerWidth(1920 / 2.0 * 0.62);  // 1920 wide at 200 %: the debugger lays out in 595 px
        assertFalse(shown());
    }

    @Test
    void theUserUnfoldsItAndTheRuleLeavesItAloneUntilItsVerdictChanges() {
        dock.setLessonDocked(true);
        dock.setDebuggerWidth(629);
        dock.sidePanelShownProperty().set(true);  // the Side panel button
        dock.setDebuggerWidth(640);
        dock.setDebuggerWidth(600);
        assertTrue(shown(), "resizing while still narrow keeps the user's choice");
        dock.setDebuggerWidth(1000);
        dock.sidePanelShownProperty().set(false);
        dock.setDebuggerWidth(1100);
        assertFalse(shown(), "folded by the user beside a wide debugger: stays folded");
        dock.setDebuggerWidth(629);
        assertFalse(shown());
        dock.setDebuggerWidth(1000);
        assertTrue(shown(), "the rule unfolds what it folded when the debugger grows wide again");
    }

    @Test
    void aPanelTheUserFoldedStaysFoldedWhenALessonDocksBesideAWideDebugger() {
        dock.setDebuggerWidth(1400);
        dock.sidePanelShownProperty().set(false);
        dock.setLessonDocked(true);
        dock.setDebuggerWidth(1400 * 0.62);
        assertFalse(shown(), "868 is narrow: folded either way");
        dock.setLessonDocked(false);
        assertTrue(shown(), "the rule's verdict ended, so the panel comes back");
        dock.setDebuggerWidth(1920);
        dock.sidePanelShownProperty().set(false);
        dock.setLessonDocked(true);
        dock.setDebuggerWidth(1190);
        assertFalse(shown(), "the rule never spoke: the user's fold holds");
    }

    @Test
    void aWidthNotLaidOutYetDecidesNothing() {
        dock.setLessonDocked(true);
        assertTrue(shown(), "no width yet");
        dock.setDebuggerWidth(629);
        dock.setDebuggerWidth(0);  // a rebuilt view before its first layout
        assertFalse(shown());
        assertTrue(dock.ruleFoldsProperty().get());
    }

    @Test
    void theDividerIsRememberedAndKeptWithinBounds() {
        assertEquals(LessonDock.DEFAULT_DIVIDER, dock.divider());
        dock.rememberDivider(0.7);
        assertEquals(0.7, dock.divider());
        dock.rememberDivider(0.99);
        assertEquals(LessonDock.MAX_DIVIDER, dock.divider());
        dock.rememberDivider(0.01);
        assertEquals(LessonDock.MIN_DIVIDER, dock.divider());
        dock.rememberDivider(Double.NaN);
        assertEquals(LessonDock.MIN_DIVIDER, dock.divider(), "NaN is ignored");
    }

    @Test
    void zoomedInANarrowDebuggerFoldsThePanelWithoutALessonAndZoomingBackUnfoldsIt() {
        dock.setDebuggerWidth(1022);  // 1024 × 768 at 100 %
        assertTrue(shown());
        dock.setZoomedIn(true);
        dock.setDebuggerWidth(1022 / 1.5);  // at 150 %: the panel would leave the equations 336 px
        assertFalse(shown(), "zoomed in, the equations get the room");
        assertTrue(dock.ruleFoldsProperty().get());
        dock.setZoomedIn(false);
        dock.setDebuggerWidth(1022);
        assertTrue(shown(), "back at 100 %: the panel comes back");
        dock.setDebuggerWidth(800);  // a small window at 100 %, no lesson: the user's layout is left alone
        assertTrue(shown());
    }
}
