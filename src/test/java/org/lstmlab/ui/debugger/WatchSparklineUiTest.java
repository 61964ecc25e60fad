package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A watch's sparkline on the screen draws the steps computed at the cursor and no other: at the input gate of step t
 * the line of {@code c[0]} ends at step t − 1 (c_t is computed by a later equation of the step, and the watch says
 * "not yet"), and at the cell state's equation it reaches step t; no later step is drawn.
 */
class WatchSparklineUiTest extends DebuggerUiBase {

    /** The rightmost column of the sparkline's canvas with a pixel of the line (dark on the snapshot's white). */
    private static int lineEnd(Canvas canvas) {
        PixelReader px = canvas.snapshot(new SnapshotParameters(), null).getPixelReader();
        for (int x = (int) Sparkline.W - 1; x >= 0; x--) {
            for (int y = 0; y < Sparkline.H; y++) {
                if ((px.getArgb(x, y) >> 16 & 0xFF) < 0xC0) {
                    return x;
                }
            }
        }
        return -1;
    }

    @Test
    void theLineEndsAtTheLastStepComputedAtTheCursor(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null && !vm.busyProperty().get());
        int steps = WaitForAsyncUtils.asyncFx(() -> vm.trace().steps()).get();
        int t = steps / 2;  // from 1, as shown
        robot.interact(() -> {
            vm.addWatch("c[0]");
            vm.moves().jumpTo(t);
            vm.moves().goToEquation(0);
        });
        DebuggerWindow.waitFor(() -> vm.cursor().t() == t - 1 && vm.watches().get(0).series() != null
                && vm.watches().get(0).pending());
        Canvas canvas = (Canvas) ((Pane) DebuggerWindow.in(robot).lookup(".watch-sparkline").query())
                .getChildren().get(0);
        double dx = (Sparkline.W - 2) / (steps - 1);
        // step k (0-based) lies at 1 + k·dx; at the input gate of step t the last one drawn is t − 1 (k = t − 2)
        double before = 1 + (t - 2) * dx;
        DebuggerWindow.waitFor(() -> lineEnd(canvas) >= 0);  // the condition is read on the FX thread
        int end = WaitForAsyncUtils.asyncFx(() -> lineEnd(canvas)).get();
        assertTrue(end >= before - 2 && end <= before + 2, "the line ends at " + end + ", not near " + before);

        int c = vm.equations().indexOf(org.lstmlab.engine.trace.EquationCatalogue.byId("lstm.c"));
        robot.interact(() -> vm.moves().goToEquation(c));
        double at = 1 + (t - 1) * dx;
        DebuggerWindow.waitFor(() -> !vm.watches().get(0).pending()
                && lineEnd(canvas) >= at - 2);
        int reached = WaitForAsyncUtils.asyncFx(() -> lineEnd(canvas)).get();
        assertTrue(reached <= at + 2, "the line ends at " + reached + ", not near " + at);
    }
}
