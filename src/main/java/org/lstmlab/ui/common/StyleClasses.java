package org.lstmlab.ui.common;

import javafx.scene.Node;

/** Turns a style class on or off without duplicates and without touching the list when nothing changes. */
public final class StyleClasses {
    private StyleClasses() {
    }

    public static void set(Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
