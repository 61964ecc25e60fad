package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The lesson's divider, decided without a toolkit. */
class LessonDockTest {
    private final LessonDock dock = new LessonDock();

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
}
