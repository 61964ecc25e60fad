package org.lstmlab.ui;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.lstmlab.ui.common.LatexView;

/** What a reader sees of a piece of text: its font size in screen pixels, after every scale above it. */
public final class Measure {
    private Measure() {
    }

    /**
     * The font's size times the vertical scale from the node to the scene, in pixels (a formula's: the size it is
     * drawn at, {@link LatexView#fontSize}).
     */
    public static double screenFontSize(Node node) {
        double size = node instanceof LatexView f ? f.fontSize()
                : (node instanceof Text t ? t.getFont() : ((Labeled) node).getFont()).getSize();
        Point2D top = node.localToScene(0, 0);
        Point2D bottom = node.localToScene(0, size);
        return bottom.distance(top);
    }
}
