package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.ui.common.PngSaving;
import org.lstmlab.ui.common.TrainingThreads;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The debugger's heatmaps offer Save as PNG on a right click, which picks nothing, and save at their size. */
class HeatmapPngUiTest extends DebuggerUiBase {
    @TempDir Path dir;

    @Test
    void aRightClickOnAHeatmapOffersSaveAsPngAndMovesNoCursor(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null
                && DebuggerWindow.in(robot).lookup("#heatmap-0-f").tryQuery().isPresent());
        Node map = DebuggerWindow.in(robot).lookup("#heatmap-0-f").query();
        Cursor before = WaitForAsyncUtils.asyncFx(() -> vm.cursor()).get();
        robot.clickOn(map, MouseButton.SECONDARY);
        // what a right click sends besides; headless Monocle does not synthesise it
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(map, new ContextMenuEvent(
                ContextMenuEvent.CONTEXT_MENU_REQUESTED, 30, 10, 300, 300, false, null))).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> items = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream()).map(MenuItem::getText).toList()).get();
        assertEquals(List.of("Save as PNG\u2026"), items);
        assertEquals(before, WaitForAsyncUtils.asyncFx(() -> vm.cursor()).get(), "a right click picks nothing");
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w instanceof ContextMenu)
                .toList().forEach(w -> ((ContextMenu) w).hide())).get();
        robot.clickOn(map, MouseButton.PRIMARY);   // the same place, clicked with the left button, picks
        DebuggerWindow.waitFor(() -> !before.equals(WaitForAsyncUtils.asyncFx(() -> vm.cursor()).get()));

        Node pane = map;
        while (!(pane instanceof HeatmapPane)) {
            pane = pane.getParent();
        }
        Node heatmaps = pane;
        Path file = dir.resolve("heatmaps.png");
        WaitForAsyncUtils.asyncFx(() -> PngSaving.save(PngSaving.picture(heatmaps, 1), file,
                TrainingThreads.files())).get()
                .get(60, TimeUnit.SECONDS);
        BufferedImage png = ImageIO.read(file.toFile());
        double[] size = WaitForAsyncUtils.asyncFx(() -> new double[] {heatmaps.getLayoutBounds().getWidth(),
                heatmaps.getLayoutBounds().getHeight()}).get();
        assertEquals(Math.ceil(size[0]), png.getWidth(), 1.0);
        assertEquals(Math.ceil(size[1]), png.getHeight(), 1.0);
    }
}
