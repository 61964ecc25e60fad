package org.lstmlab.ui.debugger;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The equation pane's position ("Forward t = 1 of 20, layer 0: input gate…"): it wraps, but onto two lines at most,
 * the second one ending in an ellipsis where the rest would not fit, and reads whole in its tooltip. At 150 % beside
 * a lesson the pane is about 390 layout pixels wide, and the position took four lines over the equations, which then
 * showed a sliver of a row. Its least height is the height it shows, so that the header never gives up a line to the
 * equations under it.
 */
public final class PositionLabel extends Label {
    /** The lines the position takes at most. */
    static final int LINES = 2;

    public PositionLabel() {
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(textProperty());
        setTooltip(whole);
    }

    @Override
    protected double computePrefHeight(double width) {
        // as high as the label's own text node measures that many lines
        javafx.scene.text.Text lines = new javafx.scene.text.Text(String.join("\n", java.util.Collections.nCopies(
                LINES, "Xg")));
        lines.setFont(getFont());
        lines.setLineSpacing(getLineSpacing());
        lines.setBoundsType(javafx.scene.text.TextBoundsType.LOGICAL_VERTICAL_CENTER);
        double most = lines.getLayoutBounds().getHeight() + snappedTopInset() + snappedBottomInset();
        return Math.min(super.computePrefHeight(width), Math.ceil(most) + 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
