package org.lstmlab.ui.common;

import java.util.function.ToDoubleFunction;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Holds one node as a layout root: a change inside it (a list showing new values at each debugger step) lays out
 * that node alone, instead of asking every pane around it up to the window to lay out again. The holder takes its
 * node's sizes and gives it all of its own area; the node is unmanaged, which is what stops its layout requests
 * (JavaFX treats an unmanaged node as a layout root). In FXML: {@code <LayoutRoot><ListView/></LayoutRoot>}.
 */
public final class LayoutRoot extends Pane {
    public LayoutRoot() {
        getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(n -> n.setManaged(false));
            }
        });
    }

    private Node content() {
        return getChildren().isEmpty() ? null : getChildren().get(0);
    }

    @Override
    protected void layoutChildren() {
        Node content = content();
        if (content != null) {
            content.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                    getWidth() - snappedLeftInset() - snappedRightInset(),
                    getHeight() - snappedTopInset() - snappedBottomInset());
        }
    }

    /** A width of the node (min, pref or max) plus the holder's insets. */
    private double across(ToDoubleFunction<Node> size) {
        Node content = content();
        return content == null ? 0 : snappedLeftInset() + size.applyAsDouble(content) + snappedRightInset();
    }

    /** A height of the node plus the holder's insets. */
    private double down(ToDoubleFunction<Node> size) {
        Node content = content();
        return content == null ? 0 : snappedTopInset() + size.applyAsDouble(content) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return across(n -> n.minWidth(height));
    }

    @Override
    protected double computeMinHeight(double width) {
        return down(n -> n.minHeight(width));
    }

    @Override
    protected double computePrefWidth(double height) {
        return across(n -> n.prefWidth(height));
    }

    @Override
    protected double computePrefHeight(double width) {
        return down(n -> n.prefHeight(width));
    }

    @Override
    protected double computeMaxWidth(double height) {
        return across(n -> n.maxWidth(height));
    }

    @Override
    protected double computeMaxHeight(double width) {
        return down(n -> n.maxHeight(width));
    }
}
