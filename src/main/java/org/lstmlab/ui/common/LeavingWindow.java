package org.lstmlab.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Runs an action when the window a node is shown in lets go of the node's scene (the stage closed for good, or
 * given another scene). A view then stops its frame timer and its runs: a timer still running would keep the view,
 * its traces and its datasets alive, and keep a core busy, after the window has gone.
 *
 * <p>A node taken out of its scene (the main window rebuilding its views in another language) is not "left": the
 * view models carry on in the new views.
 */
public final class LeavingWindow {
    private LeavingWindow() {
    }

    /**
     * Calls {@code action} on the FX thread each time {@code node}'s scene loses its window while the node is in
     * it.
     */
    public static void whenLeft(Node node, Runnable action) {
        ChangeListener<Window> leaving = (o, was, now) -> {
            if (was != null && now == null) {
                action.run();
            }
        };
        ChangeListener<Scene> moved = (o, was, now) -> {
            if (was != null) {
                was.windowProperty().removeListener(leaving);
            }
            if (now != null) {
                now.windowProperty().addListener(leaving);
            }
        };
        node.sceneProperty().addListener(moved);
        moved.changed(node.sceneProperty(), null, node.getScene());
    }
}
