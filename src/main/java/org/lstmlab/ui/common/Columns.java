package org.lstmlab.ui.common;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Its children side by side as columns while they fit, else one under the other, each as wide as the pane: a tab
 * of a form, a run and code that, zoomed in on a small screen, scrolls only down instead of sideways too. As columns
 * each child is as wide as it prefers, except the {@link #setGrowing growing} one, which takes the rest and needs at
 * least {@link #setNarrowest narrowest} px of it (else the pane stacks them); all are as high as the pane. Stacked,
 * each is as high as it prefers at the pane's width, the growing one taking any height left over, and the pane is as
 * high as all of them (in a scroll pane, it scrolls down).
 */
public final class Columns extends Pane {
    private int growing;
    private double narrowest = 300;

    public Columns() {
        getStyleClass().add("columns");
    }

    /** The index of the child that takes the width the others leave (as columns) and the height left (stacked). */
    public void setGrowing(int index) {
        growing = index;
        requestLayout();
    }

    public int getGrowing() {
        return growing;
    }

    /** The least width the growing child needs as a column; below it the children stack. */
    public void setNarrowest(double px) {
        narrowest = px;
        requestLayout();
    }

    public double getNarrowest() {
        return narrowest;
    }

    private List<Node> shown() {
        return getManagedChildren();
    }

    /** The width the other children take as columns, at their preferred widths. */
    private double fixedWidth() {
        List<Node> c = shown();
        double w = 0;
        for (int k = 0; k < c.size(); k++) {
            if (k != growing) {
                w += c.get(k).prefWidth(-1);
            }
        }
        return w;
    }

    /** Whether the children stand as columns in {@code width} (the pane's, insets included). */
    public boolean asColumns(double width) {
        return width < 0 || width - snappedLeftInset() - snappedRightInset() >= fixedWidth() + narrowest;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double w = 0;
        for (Node n : shown()) {
            w = Math.max(w, n.minWidth(-1));
        }
        return w + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return fixedWidth() + narrowest + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, false);
    }

    /**
     * As columns the tallest child's (least or preferred) height at its column's width; stacked, all preferred
     * heights added. Asked without a width (a scroll pane deciding on its scroll bar), the pane answers for the width
     * it has.
     */
    private double height(double asked, boolean least) {
        double width = asked < 0 && getWidth() > 0 ? getWidth() : asked;
        double h = 0;
        boolean columns = asColumns(width);
        double inner = width - snappedLeftInset() - snappedRightInset();
        List<Node> c = shown();
        for (int k = 0; k < c.size(); k++) {
            Node n = c.get(k);
            if (columns) {
                // at the column's width: a wrapped text's height, e.g. a long checkup over the Train tab's charts
                double cw = width < 0 ? -1 : k == growing ? inner - fixedWidth() : n.prefWidth(-1);
                h = Math.max(h, least ? n.minHeight(cw) : n.prefHeight(cw));
            } else {
                h += stackedHeight(n, inner);
            }
        }
        return h + snappedTopInset() + snappedBottomInset();
    }

    private static double stackedHeight(Node n, double width) {
        return Math.max(n.minHeight(width), n.prefHeight(width));
    }

    @Override
    protected void layoutChildren() {
        List<Node> c = shown();
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        if (asColumns(getWidth())) {
            double rest = w - fixedWidth();
            for (int k = 0; k < c.size(); k++) {
                double cw = snapSizeX(k == growing ? rest : c.get(k).prefWidth(-1));
                c.get(k).resizeRelocate(x, y, cw, h);
                x += cw;
            }
            return;
        }
        double used = 0;
        for (Node n : c) {
            used += stackedHeight(n, w);
        }
        for (int k = 0; k < c.size(); k++) {
            double ch = stackedHeight(c.get(k), w) + (k == growing ? Math.max(0, h - used) : 0);
            c.get(k).resizeRelocate(x, y, w, snapSizeY(ch));
            y += snapSizeY(ch);
        }
    }
}
