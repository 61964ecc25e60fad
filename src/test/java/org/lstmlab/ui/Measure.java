package org.lstmlab.ui;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** What a reader sees of a piece of text: its font size in screen pixels, after every scale above it. */
public final class Measure {
    private Measure() {
    }

    /** The font's size times the vertical scale from the node to the scene, in pixels. */
    public static double screenFontSize(Node node) {
        Font font = node instanceof Text t ? t.getFont() : ((Labeled) node).getFont();
        Point2D top = node.localToScene(0, 0);
        Point2D bottom = node.localToScene(0, font.getSize());
        return bottom.distance(top);
    }
}
