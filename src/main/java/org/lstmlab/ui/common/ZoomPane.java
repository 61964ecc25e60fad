package org.lstmlab.ui.common;

import java.util.function.IntConsumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows its one child enlarged by the zoom ({@link Zoom}): the child is laid out in the pane's size divided by the
 * factor and then scaled up, so that text, equations, diagrams, heatmaps and charts grow together and the window
 * still holds the whole layout (which scrolls where it no longer fits). Ctrl + mouse wheel over the pane asks for
 * the next step up or down.
 */
public final class ZoomPane extends Region {
    private final IntegerProperty percent = new SimpleIntegerProperty(this, "percent", Zoom.NORMAL);
    private final Scale scale = new Scale(1, 1, 0, 0);
    private Node content;
    private boolean keepMinWidth;

    /** @param onWheel receives +1 (zoom in) or −1 (zoom out) for Ctrl + wheel */
    public ZoomPane(IntConsumer onWheel) {
        getStyleClass().add("zoom-pane");
        percent.addListener((o, a, p) -> {
            double f = Zoom.factor(p.intValue());
            scale.setX(f);
            scale.setY(f);
            requestLayout();
        });
        addEventFilter(ScrollEvent.SCROLL, e -> {
            if ((e.isShortcutDown() || e.isControlDown()) && e.getDeltaY() != 0) {
                onWheel.accept(e.getDeltaY() > 0 ? 1 : -1);
                e.consume();
            }
        });
    }

    /** The zoom in percent (a step of {@link Zoom#STEPS}). */
    public IntegerProperty percentProperty() {
        return percent;
    }

    /** Replaces what the pane shows (the main window's views after a language switch); null shows nothing. */
    public void setContent(Node node) {
        if (content != null) {
            content.getTransforms().remove(scale);
            getChildren().clear();
        }
        content = node;
        if (node != null) {
            getChildren().add(node);
            node.getTransforms().add(scale);
        }
    }

    /**
     * Enlarges the content only as far as its minimum width still fits the pane (never below 100 %): for a column
     * beside another, whose buttons and title would otherwise be laid out past the pane's edge and cut off. The pane
     * then asks for the content's minimum width as its own, so that a split pane does not make the column narrower
     * than the content at 100 % (a docked lesson at 150 % and 200 % zoom ran past the window's edge).
     */
    public void setKeepMinWidth(boolean keep) {
        keepMinWidth = keep;
        requestLayout();
    }

    private double factor() {
        double f = Zoom.factor(percent.get());
        if (keepMinWidth && content != null && getWidth() > 0) {
            double least = content.minWidth(-1);
            f = least > 0 ? Math.max(1, Math.min(f, getWidth() / least)) : f;
        }
        return f;
    }

    @Override
    protected void layoutChildren() {
        if (content != null) {
            double f = factor();
            scale.setX(f);
            scale.setY(f);
            content.resizeRelocate(0, 0, getWidth() / f, getHeight() / f);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return content == null ? 0 : content.prefWidth(-1) * factor();
    }

    /** Text that wraps makes the content's height depend on its width, and so this pane's. */
    @Override
    public Orientation getContentBias() {
        return content == null ? null : content.getContentBias();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (content == null) {
            return 0;
        }
        double f = factor();
        boolean wraps = width >= 0 && content.getContentBias() == Orientation.HORIZONTAL;
        return content.prefHeight(wraps ? width / f : -1) * f;
    }

    @Override
    protected double computeMinWidth(double height) {
        return keepMinWidth && content != null ? content.minWidth(-1) : 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
