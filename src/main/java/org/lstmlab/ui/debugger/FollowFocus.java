package org.lstmlab.ui.debugger;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls a ScrollPane to the field inside it that takes the focus, which a ScrollPane does not do by itself: in a
 * 1024 × 768 window the side panel's watch field and weight editor are below its visible part, so Ctrl+Shift+W or a
 * picked weight focused a field nobody could see. {@link #reveal} also keeps the debugger's current equation in view.
 */
final class FollowFocus {
    private static final double MARGIN = 8;

    private FollowFocus() {
    }

    /** Makes {@code pane} follow the focus while it is in a scene (listening to that scene, and letting it go). */
    static void install(ScrollPane pane) {
        ChangeListener<Node> follow = (o, before, now) -> {
            if (now != null && inside(pane, now)) {
                reveal(pane, now);
            }
        };
        pane.sceneProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.focusOwnerProperty().removeListener(follow);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(follow);
            }
        });
    }

    private static boolean inside(ScrollPane pane, Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == pane.getContent()) {
                return true;
            }
        }
        return false;
    }

    /** Scrolls so that {@code n} is within the visible part, moving as little as it can. */
    static void reveal(ScrollPane pane, Node n) {
        Node content = pane.getContent();
        pane.applyCss();
        pane.layout();
        double view = pane.getViewportBounds().getHeight();
        double height = content.getLayoutBounds().getHeight();
        if (height <= view) {
            return;
        }
        Bounds b = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double range = pane.getVmax() - pane.getVmin();
        double top = (pane.getVvalue() - pane.getVmin()) / range * (height - view);
        double next = top;
        if (b.getMinY() - MARGIN < top) {
            next = b.getMinY() - MARGIN;
        } else if (b.getMaxY() + MARGIN > top + view) {
            next = b.getMaxY() + MARGIN - view;
        }
        next = Math.max(0, Math.min(height - view, next));
        pane.setVvalue(pane.getVmin() + next / (height - view) * range);
    }
}
