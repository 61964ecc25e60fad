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
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The debugger's heatmaps on the screen: in forward mode the veil starts right after the cursor's step (at t = 1, in
 * the middle and at t = T), or at it in a map whose equation the cursor has not reached yet in that step; it is
 * opaque, and no pixel under it carries a data colour, neither in the map's image nor as painted (only the veil's
 * greys and the timestep marker); in backward mode nothing is veiled.
 */
class HeatmapVeilUiTest extends DebuggerUiBase {

    /**
     * What is wrong with a map as it is now, with its first {@code t} steps computed (all in backward mode): its
     * first veiled column, the veil's place, its image's columns and what is painted under the veil.
     */
    private static String check(Node map, int steps, int t, boolean forward) {
        List<String> wrong = new ArrayList<>();
        Pane stack = (Pane) map;
        ImageView view = (ImageView) stack.getChildren().get(0);
        Rectangle veil = (Rectangle) stack.lookup(".heatmap-veil");
        Rectangle marker = (Rectangle) stack.lookup(".heatmap-marker");
        int w = (int) HeatmapPane.W;
        int from = forward ? HeatmapRaster.firstVeiled(steps, t, w) : w;
        String at = map.getId() + (forward ? " forward" : " backward") + ", " + t + " steps computed";
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
            boolean underMarker = x >= marker.getX() - 1 && x <= marker.getX() + marker.getWidth();
            if (x >= from && !underMarker) {
                for (int y = 1; y < HeatmapPane.H - 1; y += 3) {
                    int p = painted.getArgb((int) (x * sx), (int) (y * sx));
                    int r = p >> 16 & 0xFF;
                    int g = p >> 8 & 0xFF;
                    int b = p & 0xFF;
                    // the veil's hatching runs from #cfd8dc to #eceff1: anything else is data, white a 0
                    if (r < 0xCC || r > 0xEF || g < 0xD5 || g > 0xF2 || b < 0xD9 || b > 0xF4) {
                        wrong.add(at + ": painted column " + x + " is " + Integer.toHexString(p));
                        return String.join("\n", wrong);
                    }
                }
            }
        }
        return String.join("\n", wrong);
    }

    @Test
    void theVeilStartsAfterTheCursorsCompleteStepAndHidesEveryLaterOne(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null
                && DebuggerWindow.in(robot).lookup("#heatmap-0-f").tryQuery().isPresent());
        int steps = WaitForAsyncUtils.asyncFx(() -> vm.trace().steps()).get();
        assertTrue(steps >= 3, "a sequence with a middle");
        List<String> wrong = new ArrayList<>();
        for (boolean forward : new boolean[] {true, false}) {
            robot.interact(() -> vm.moves().setBackward(!forward));
            for (int t : new int[] {1, steps / 2, steps}) {
                // at the step's last equation (h), the forward step is complete
                robot.interact(() -> {
                    vm.moves().jumpTo(t);
                    vm.moves().goToEquation(vm.equations().size() - 1);
                });
                DebuggerWindow.waitFor(() -> vm.cursor() != null && vm.cursor().t() == t - 1
                        && vm.cursor().equation() == vm.equations().size() - 1
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

    @Test
    void atEachEquationOfAStepOnlyTheMapsOfTheEquationsReachedShowThatStep(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null
                && DebuggerWindow.in(robot).lookup("#heatmap-0-f").tryQuery().isPresent());
        int steps = WaitForAsyncUtils.asyncFx(() -> vm.trace().steps()).get();
        CellType cell = WaitForAsyncUtils.asyncFx(() -> vm.trace().cell()).get();
        int t = steps / 2 + 1;
        robot.interact(() -> vm.moves().jumpTo(t));
        List<String> wrong = new ArrayList<>();
        int veiled = 0;
        for (int k = 0; k < EquationCatalogue.forward(cell).size(); k++) {
            int equation = k;
            robot.interact(() -> vm.moves().goToEquation(equation));
            DebuggerWindow.waitFor(() -> vm.cursor() != null && vm.cursor().t() == t - 1
                    && vm.cursor().equation() == equation);
            WaitForAsyncUtils.waitForFxEvents();
            for (String symbol : Trace.heatmapSymbolsOf(cell)) {
                boolean reached = HeatmapRasterTest.equationOf(cell, symbol) <= equation;
                veiled += reached ? 0 : 1;
                String problem = WaitForAsyncUtils.asyncFx(() -> check(DebuggerWindow.in(robot)
                        .lookup("#heatmap-0-" + symbol).query(), steps, reached ? t : t - 1, true)).get();
                if (!problem.isEmpty()) {
                    wrong.add("at equation " + equation + ": " + problem);
                }
            }
        }
        assertEquals("", String.join("\n", wrong));
        assertTrue(veiled > 0, "the default cell has maps that a later equation of the step computes");
    }
}
