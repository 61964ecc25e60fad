package org.lstmlab.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** What a label or button draws of its text, for the tests that check that nothing is cut short. */
public final class Drawn {
    private Drawn() {
    }

    /** The text {@code l} draws: its own, or cut short with an ellipsis when it does not fit (FX thread). */
    public static String text(Labeled l) {
        Node text = l.lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }
}
