package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A layout root keeps a change inside it from laying out the panes around it, and sizes its node as they would. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LayoutRootUiTest {
    private Label inside;
    private Label outside;
    private LayoutRoot root;
    private VBox around;

    @Start
    void start(Stage stage) {
        inside = new Label("0.125");
        outside = new Label("0.125");
        root = new LayoutRoot();
        around = new VBox(4);
        root.getChildren().add(inside);
        around.getChildren().addAll(root, outside);
        stage.setScene(new Scene(around, 300, 200));
        stage.show();
    }

    @Test
    void aChangeInsideLaysOutTheNodeAloneAndTheNodeFillsTheHolder() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(inside.isManaged());
        assertEquals(inside.prefHeight(-1), UiWait.onFx(() -> root.prefHeight(-1)), 1e-9);
        assertEquals(UiWait.onFx(() -> root.getWidth()), UiWait.onFx(() -> inside.getWidth()), 1e-9,
                "the node gets the holder's whole area");
        assertEquals(UiWait.onFx(() -> outside.getWidth()), UiWait.onFx(() -> inside.getWidth()), 1e-9,
                "the same size as the pane would give the node itself");
        assertTrue(UiWait.onFx(() -> {
            inside.setText("0.25");
            return !around.isNeedsLayout();
        }), "a change inside the holder leaves the pane around it alone");
        assertTrue(UiWait.onFx(() -> {
            outside.setText("0.25");
            return around.isNeedsLayout();
        }), "as a change of a managed node would not");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.25", inside.getText());
    }

    /**
     * A size set on the node itself (the debugger's drawing takes the size of the cell it draws) does reach the
     * panes around the holder, and the holder takes it; a change inside it still does not.
     */
    @Test
    void aSizeSetOnTheNodeReachesThePanesAround() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiWait.onFx(() -> {
            inside.setPrefHeight(90);
            return around.isNeedsLayout();
        }), "the pane around lays out again");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(90, UiWait.onFx(() -> root.getHeight()), 1e-9);
        assertEquals(90, UiWait.onFx(() -> inside.getHeight()), 1e-9);
        assertEquals(94, UiWait.onFx(() -> outside.getLayoutY()), 1e-9, "what follows moved down");
        assertTrue(UiWait.onFx(() -> {
            inside.setText("0.5");
            return !around.isNeedsLayout();
        }), "a change inside the holder still leaves the pane around it alone");
        UiWait.onFx(() -> {
            root.getChildren().clear();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(UiWait.onFx(() -> {
            around.layout();
            inside.setPrefHeight(30);
            return around.isNeedsLayout();
        }), "a node taken out no longer reaches the panes");
    }

    /**
     * A group in a layout root (the debugger's scaled diagram): a change inside it that leaves its size as it was
     * does not lay out the panes around, one that changes its size does, and the holder takes the new size.
     */
    @Test
    void aGroupPassesOnOnlyAChangeOfItsSize() throws Exception {
        javafx.scene.shape.Rectangle box = new javafx.scene.shape.Rectangle(120, 40);
        javafx.scene.shape.Rectangle dot = new javafx.scene.shape.Rectangle(10, 10, 4, 4);
        LayoutRoot holder = new LayoutRoot(new javafx.scene.Group(box, dot));
        UiWait.onFx(() -> {
            around.getChildren().add(0, holder);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, UiWait.onFx(() -> holder.getHeight()), 1e-9);
        assertTrue(UiWait.onFx(() -> {
            dot.setX(60);  // inside the box: the group keeps its size
            return !around.isNeedsLayout();
        }), "a move inside the group leaves the pane around it alone");
        assertTrue(UiWait.onFx(() -> {
            box.setHeight(70);
            return around.isNeedsLayout();
        }), "a larger group lays out the pane around it");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(70, UiWait.onFx(() -> holder.getHeight()), 1e-9);
        assertEquals(70 + 4 + UiWait.onFx(() -> root.getHeight()) + 4, UiWait.onFx(() -> outside.getLayoutY()),
                1e-9, "what follows moved down");
    }
}
