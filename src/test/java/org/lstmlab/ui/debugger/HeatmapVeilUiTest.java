package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The debugger's heatmaps on the screen: in forward mode the veil starts right after the cursor's step (at t = 1, in
 * the middle and at t = T), it is opaque, and no pixel under it carries a data colour, neither in the map's image nor
 * as painted; in backward mode nothing is veiled. The forget gate's map is red wherever it has data, the veil grey.
 */
class HeatmapVeilUiTest extends DebuggerUiBase {

    /** The forget gate's map of layer 0 as it is now: [first veiled column, veil's x, veil's width, rendered]. */
    private static String check(Node map, int steps, int t, boolean forward) {
        List<String> wrong = new ArrayList<>();
        Pane stack = (Pane) map;
        ImageView view = (ImageView) stack.getChildren().get(0);
        Rectangle veil = (Rectangle) stack.lookup(".heatmap-veil");
        int w = (int) HeatmapPane.W;
        int from = forward ? HeatmapRaster.firstVeiled(steps, t, w) : w;
        String at = (forward ? "forward" : "backward") + " t = " + t;
        if (veil.getX() != from || veil.getWidth() != w - from) {
            wrong.add(at + ": the veil covers " + veil.getX() + " + " + veil.getWidth() + ", not from " + from);
        }
        if (from < w && !veil.getFill().isOpaque()) {
            wrong.add(at + ": the veil shows what is under it");
        }
        PixelReader image = view.getImage().getPixelReader();
        WritableImage shot = map.snapshot(new SnapshotParameters(), null);
        PixelReader painted = shot.getPixelReader();
        double sx = shot.getWidth() / stack.getWidth();
        for (int x = 0; x < w; x++) {
            boolean data = (image.getArgb(x, (int) HeatmapPane.H / 2) >>> 24) == 0xFF;
            if (data != x < from) {
                wrong.add(at + ": column " + x + (data ? " has data" : " is empty"));
                break;
            }
            if (x >= from) {
                for (int y = 1; y < HeatmapPane.H - 1; y += 3) {
                    int p = painted.getArgb((int) (x * sx), (int) (y * sx));
                    int r = p >> 16 & 0xFF;
                    int g = p >> 8 & 0xFF;
                    int b = p & 0xFF;
                    if (r > g + 4 || r > b + 4 || (r > 0xF8 && g > 0xF8 && b > 0xF8)) {  // red, or white (0)
                        wrong.add(at + ": painted column " + x + " is " + Integer.toHexString(p));
                        return String.join("\n", wrong);
                    }
                }
            }
        }
        return String.join("\n", wrong);
    }

    @Test
    void theVeilStartsAfterTheCursorsStepAndHidesEveryLaterOne(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null
                && DebuggerWindow.in(robot).lookup("#heatmap-0-f").tryQuery().isPresent());
        int steps = WaitForAsyncUtils.asyncFx(() -> vm.trace().steps()).get();
        assertTrue(steps >= 3, "a sequence with a middle");
        List<String> wrong = new ArrayList<>();
        for (boolean forward : new boolean[] {true, false}) {
            robot.interact(() -> vm.moves().setBackward(!forward));
            for (int t : new int[] {1, steps / 2, steps}) {
                robot.interact(() -> vm.moves().jumpTo(t));
                DebuggerWindow.waitFor(() -> vm.cursor() != null && vm.cursor().t() == t - 1
                        && vm.moves().isBackward() == !forward);
                WaitForAsyncUtils.waitForFxEvents();
                String problem = WaitForAsyncUtils.asyncFx(() -> check(
                        DebuggerWindow.in(robot).lookup("#heatmap-0-f").query(), steps, t, forward)).get();
                if (!problem.isEmpty()) {
                    wrong.add(problem);
                }
            }
        }
        assertEquals("", String.join("\n", wrong));
    }
}
