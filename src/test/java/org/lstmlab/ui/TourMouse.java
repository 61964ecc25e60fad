package org.lstmlab.ui;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** The screenshot tour's pointer: a mouse moved over a node, as a real one would (on the FX thread). */
final class TourMouse {
    private TourMouse() {
    }

    /** Moves the pointer to ({@code x}, {@code y}) in {@code node}'s own coordinates. */
    static void hover(Node node, double x, double y) {
        Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, 0, 0, MouseButton.NONE, 0, false, false,
                false, false, false, false, false, false, false, false, null));
    }
}
