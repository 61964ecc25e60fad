package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Save as PNG: a readable picture of the node, at the node's size, written atomically; the menu on the charts. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PngSavingUiTest {
    @TempDir Path dir;
    private Pane picture;
    private Parent training;

    @Start
    void start(Stage stage) throws IOException {
        picture = new Pane(new Rectangle(0, 0, 150, 90), new Rectangle(100, 50, 50, 40));
        ((Rectangle) picture.getChildren().get(0)).setFill(Color.RED);
        ((Rectangle) picture.getChildren().get(1)).setFill(Color.BLUE);
        picture.setId("picture");
        picture.setMaxSize(150, 90);
        FXMLLoader loader = new FXMLLoader(Resources.url("training/TrainingView.fxml"), I18n.bundle(Locale.ENGLISH));
        training = loader.load();
        HBox root = new HBox(8, picture, training);
        stage.setScene(new Scene(root, 1260, 780));
        stage.show();
    }

    @Test
    void aNodeIsSavedAsAReadablePngOfItsSizeReplacingTheOldFile(FxRobot robot) throws Exception {
        Path file = dir.resolve("chart.png");
        Files.writeString(file, "an old file");
        Path saved = WaitForAsyncUtils.asyncFx(() -> PngSaving.save(PngSaving.picture(picture, 1), file,
                TrainingThreads.files())).get()
                .get(60, TimeUnit.SECONDS);
        assertEquals(file, saved);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(150, png.getWidth());
        assertEquals(90, png.getHeight());
        assertEquals(0xffff0000, png.getRGB(20, 20), "red where the red rectangle is");
        assertEquals(0xff0000ff, png.getRGB(125, 70), "blue where the blue one is");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temp file left beside it");
        }
    }

    @Test
    void aFailedSaveSaysWhyAndLeavesNothing() throws Exception {
        Path file = dir.resolve("missing-folder/chart.png");
        var future = WaitForAsyncUtils.asyncFx(() -> PngSaving.save(PngSaving.picture(picture, 1), file,
                TrainingThreads.files())).get();
        Throwable error = null;
        try {
            future.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            error = e.getCause();
        }
        assertTrue(error != null && error.getMessage().contains("missing-folder"), String.valueOf(error));
        assertTrue(Files.notExists(file.getParent()));
    }

    @Test
    void theTrainTabsChartsOfferSaveAsPngInEnglishAndChinese(FxRobot robot) {
        for (String id : new String[] {"#lossChart", "#accuracyChart", "#gradChart"}) {
            javafx.scene.Node chart = robot.lookup(id).query();
            // what a right click (or the menu key) sends; headless Monocle's robot does not synthesise it
            WaitForAsyncUtils.asyncFx(() -> javafx.event.Event.fireEvent(chart, new ContextMenuEvent(
                    ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, 100, 100, false, null)));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> items = Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                    .flatMap(w -> ((ContextMenu) w).getItems().stream()).map(MenuItem::getText).toList();
            assertEquals(List.of("Save as PNG\u2026"), items, id);
            WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w instanceof ContextMenu)
                    .toList().forEach(w -> ((ContextMenu) w).hide()));
            WaitForAsyncUtils.waitForFxEvents();
        }
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        assertEquals("另存为 PNG…", zh.getString("image.saveAsPng"));
        assertTrue(zh.getString("image.saveFailed").contains("{0}")
                && zh.getString("image.saveFailed").contains("{1}"));
    }

    @Test
    void aFailedSaveIsToldInTheAppsLanguage() {
        // before, JavaFX's defaults titled it "Error" and its button "OK" on a machine set up in English
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        javafx.scene.control.Alert failed = org.lstmlab.ui.UiWait.onFx(() -> PngSaving.failure(picture, zh,
                dir.resolve("图").resolve("损失.png"), new IOException("denied")));
        assertEquals("图片未保存", org.lstmlab.ui.UiWait.onFx(failed::getTitle));
        assertEquals(null, org.lstmlab.ui.UiWait.onFx(failed::getHeaderText));
        assertEquals(List.of("确定"), org.lstmlab.ui.UiWait.onFx(() -> failed.getButtonTypes().stream()
                .map(javafx.scene.control.ButtonType::getText).toList()));
        assertTrue(org.lstmlab.ui.UiWait.onFx(failed::getContentText).startsWith("无法保存"));
    }
}
