package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Presenter mode's stepping keys, without a toolkit: which key steps which way, and when a key is left alone. */
class ClickerKeysTest {

    @Test
    void pageDownAndPageUpStepUnlessTyping() {
        assertEquals(1, ClickerKeys.step(KeyCode.PAGE_DOWN, false, ClickerKeys.Focus.FREE));
        assertEquals(-1, ClickerKeys.step(KeyCode.PAGE_UP, false, ClickerKeys.Focus.FREE));
        assertEquals(1, ClickerKeys.step(KeyCode.PAGE_DOWN, false, ClickerKeys.Focus.ARROWS));
        assertEquals(0, ClickerKeys.step(KeyCode.PAGE_DOWN, false, ClickerKeys.Focus.TYPING));
        assertEquals(0, ClickerKeys.step(KeyCode.PAGE_UP, true, ClickerKeys.Focus.FREE), "Ctrl+Page Up is not a step");
    }

    /** → and ← step when nothing uses them (the main tabs would otherwise switch to the Train tab). */
    @Test
    void arrowsStepOnlyWhenTheFocusDoesNotUseThem() {
        assertEquals(1, ClickerKeys.step(KeyCode.RIGHT, false, ClickerKeys.Focus.FREE));
        assertEquals(-1, ClickerKeys.step(KeyCode.LEFT, false, ClickerKeys.Focus.FREE));
        assertEquals(0, ClickerKeys.step(KeyCode.RIGHT, false, ClickerKeys.Focus.ARROWS), "a slider or a list");
        assertEquals(0, ClickerKeys.step(KeyCode.LEFT, false, ClickerKeys.Focus.TYPING), "the caret moves");
        assertEquals(0, ClickerKeys.step(KeyCode.RIGHT, true, ClickerKeys.Focus.FREE));
        assertEquals(0, ClickerKeys.step(KeyCode.DOWN, false, ClickerKeys.Focus.FREE));
        assertEquals(0, ClickerKeys.step(KeyCode.SPACE, false, ClickerKeys.Focus.FREE));
    }
}
