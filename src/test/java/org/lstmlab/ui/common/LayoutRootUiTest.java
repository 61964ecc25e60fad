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
}
