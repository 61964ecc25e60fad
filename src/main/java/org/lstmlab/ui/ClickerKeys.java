package org.lstmlab.ui;

import javafx.scene.input.KeyCode;

/**
 * Which keys step the debugger in presenter mode besides F11 and Shift+F11: Page Down and Page Up, the keys most
 * presentation clickers send, and → and ←, which other clickers send and a teacher at the keyboard presses by
 * habit. An arrow steps only while nothing that uses arrows has the focus; otherwise → would switch the main tabs
 * to the Train tab in the middle of a lecture. No key steps while a text field has the focus or with a modifier.
 */
final class ClickerKeys {
    private ClickerKeys() {
    }

    /** What has the keyboard focus, as far as the stepping keys care. */
    enum Focus {
        /** Nothing, the main tabs or a plain button: the keys are free to step. */
        FREE,
        /** A control that uses the arrow keys itself (a list, a slider, a choice, a radio button). */
        ARROWS,
        /** A text field: every key is typing. */
        TYPING
    }

    /** +1 for one equation forwards, −1 for one back, 0 when the key is not a stepping key here. */
    static int step(KeyCode code, boolean modified, Focus focus) {
        if (modified || focus == Focus.TYPING) {
            return 0;
        }
        return switch (code) {
            case PAGE_DOWN -> 1;
            case PAGE_UP -> -1;
            case RIGHT -> focus == Focus.FREE ? 1 : 0;
            case LEFT -> focus == Focus.FREE ? -1 : 0;
            default -> 0;
        };
    }
}
