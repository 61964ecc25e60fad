package org.lstmlab.ui.common;

import java.util.List;
import java.util.function.ToDoubleFunction;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Holds one node as a layout root: a change inside it (a list showing new values at each debugger step) lays out
 * that node alone, instead of asking every pane around it up to the window to lay out again. The holder takes its
 * node's sizes and gives it all of its own area; the node is unmanaged, which is what stops its layout requests
 * (JavaFX treats an unmanaged node as a layout root). Sizes set on the node ({@code setPrefSize}), and a change of
 * a group's size, do reach the panes around. In FXML: {@code <LayoutRoot><ListView/></LayoutRoot>}.
 */
public final class LayoutRoot extends Pane {
    private final InvalidationListener sized = o -> requestLayout();
    /**
     * A node that is not resizable (a group: as large as what it holds) passes on a change of its size, and only
     * that: a group's bounds are invalidated whenever anything inside it may have moved, and as a managed child
     * it would ask its parent to lay out again each time.
     */
    private final ChangeListener<Bounds> grown = (o, a, b) -> {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            requestLayout();
        }
    };

    public LayoutRoot() {
        getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(n -> {
                    n.setManaged(false);
                    // sizes set on the node itself (a drawing whose size follows what it draws) reach the panes
                    // around the holder; the node's own layout requests do not
                    sizes(n).forEach(size -> size.addListener(sized));
                    if (!n.isResizable()) {
                        n.layoutBoundsProperty().addListener(grown);
                    }
                });
                change.getRemoved().forEach(n -> {
                    sizes(n).forEach(size -> size.removeListener(sized));
                    n.layoutBoundsProperty().removeListener(grown);
                });
            }
        });
    }

    /** The sizes a region's owner may set on it (none for other nodes). */
    private static List<javafx.beans.Observable> sizes(Node n) {
        return n instanceof Region r ? List.of(r.minWidthProperty(), r.prefWidthProperty(), r.maxWidthProperty(),
                r.minHeightProperty(), r.prefHeightProperty(), r.maxHeightProperty()) : List.of();
    }

    /** Holds {@code content}. */
    public LayoutRoot(Node content) {
        this();
        getChildren().add(content);
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
