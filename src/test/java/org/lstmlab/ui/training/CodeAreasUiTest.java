package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;

/**
 * The generated Keras and PyTorch code keeps its lines (no soft wrap, which would break the indentation); long calls
 * are folded inside their brackets to a width the pane shows whole.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CodeAreasUiTest {
    private TrainingView view;

    @Start
    void start(Stage stage) throws IOException {
        FXMLLoader loader = new FXMLLoader(Resources.url("training/TrainingView.fxml"), I18n.bundle(Locale.ENGLISH));
        Parent root = loader.load();
        view = loader.getController();
        stage.setScene(new Scene(root, 1024, 768));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get();
    }

    @Test
    void theCodeAreasDoNotWrapSoIndentationSurvives(FxRobot robot) throws Exception {
        for (String id : new String[] {"#kerasArea", "#torchArea"}) {
            TextArea area = robot.lookup(id).queryAs(TextArea.class);
            String text = WaitForAsyncUtils.asyncFx(() -> area.getText()).get();
            assertFalse(WaitForAsyncUtils.asyncFx(() -> area.isWrapText()).get(), id + " wraps its lines");
            if (id.equals("#torchArea")) {
                assertTrue(text.lines().anyMatch(l -> l.startsWith("        ")), id + " shows indented code: " + text);
            }
            assertTrue(text.contains("(\n"), id + " folds a long call inside its brackets: " + text);
            Text probe = new Text("m".repeat(CodePreview.WIDTH));
            probe.setFont(WaitForAsyncUtils.asyncFx(() -> area.getFont()).get());
            double shown = WaitForAsyncUtils.asyncFx(
                    () -> ((ScrollPane) area.lookup(".scroll-pane")).getViewportBounds().getWidth()).get();
            assertTrue(probe.getLayoutBounds().getWidth() <= shown,
                    id + " shows " + CodePreview.WIDTH + " characters without scrolling: " + shown + " px");
        }
    }

    /** "Save code and data…" stands under the code, and waits for a run to have a model. */
    @Test
    void saveCodeAndDataIsUnderTheCodeAndNeedsARun(FxRobot robot) throws Exception {
        Button save = robot.lookup("#saveCodeButton").queryAs(Button.class);
        assertEquals("Save code and data\u2026", WaitForAsyncUtils.asyncFx(save::getText).get());
        assertTrue(WaitForAsyncUtils.asyncFx(save::isDisabled).get(), "no run, no model: nothing to save");
        TextArea keras = robot.lookup("#kerasArea").queryAs(TextArea.class);
        double codeBottom = WaitForAsyncUtils.asyncFx(
                () -> keras.localToScene(keras.getBoundsInLocal()).getMaxY()).get();
        double buttonTop = WaitForAsyncUtils.asyncFx(
                () -> save.localToScene(save.getBoundsInLocal()).getMinY()).get();
        assertTrue(buttonTop >= codeBottom, buttonTop + " under " + codeBottom);
    }
}
