package org.lstmlab.ui;

import static org.lstmlab.ui.TourScene.fx;
import static org.lstmlab.ui.TourScene.waitUntil;

import java.util.Arrays;
import java.util.Locale;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.debugger.Cursor;
import org.lstmlab.ui.debugger.DebuggerViewModel;

/**
 * The Debugger tab's pictures of {@link ScreenshotTour}: {@code debugger}, {@code presenter}, {@code heatmap} and
 * {@code explain} (a gate's and an equation's explanation, a screen capture), and the Chinese guide's zh-debugger.png.
 */
final class TourDebugger {
    private TourDebugger() {
    }

    /** The debugger stepped to the cell-state equation, or another cell's equations with {@code -Dtour.cell}. */
    static void debugger(TourScene s) throws Exception {
        var debug = s.window().debugger().viewModel();
        waitUntil(() -> debug.trace() != null, 120);
        String cell = System.getProperty("tour.cell");
        if (!s.is("heatmap", "explain") && cell != null) {  // another cell, direction, equation
            presentAt(s, debug, CellType.valueOf(cell));
            s.shot(s.prefix() + s.only() + "-" + cell.toLowerCase(Locale.ROOT) + "-" + System.getProperty(
                    "tour.direction", "forward") + "-" + Integer.getInteger("tour.equation", 0) + "-"
                    + s.size() + (System.getProperty("tour.beside") == null ? "" : "-beside")
                    + (System.getProperty("tour.layers") == null ? "" : "-layer" + Integer.getInteger("tour.layer", 0)
                    + "of" + System.getProperty("tour.layers")) + ".png");
            return;
        }
        for (int i = 0; i < 4; i++) {
            fx(() -> debug.stepper().stepInto());  // to the cell-state equation
        }
        boolean explainPresenting = s.is("explain") && Boolean.getBoolean("tour.presenter");
        if (s.is("presenter") || explainPresenting) {
            fx(() -> s.window().setPresenting(true));
        }
        String t = s.is("heatmap") ? System.getProperty("tour.t") : null;
        if (t != null) {  // another timestep (from 1): the name says it
            fx(() -> debug.moves().jumpTo(t));
        }
        if (s.is("heatmap")) {  // the pointer over the forget gate's map: its value shows
            fx(() -> TourMouse.hover(s.scene().lookup("#heatmap-0-f"), 60, 30));
        }
        Thread.sleep(1500);
        if (s.is("explain")) {  // a real pointer over the forget gate: its tooltip is a window
            String name = s.prefix() + (explainPresenting ? "explain-presenter-" : "explain-");
            s.pointAndCapture("#node-f", name + s.size() + ".png");
            s.pointAndCapture(".equation-row:current", name + "equation-" + s.size() + ".png");
            return;
        }
        s.shot(s.prefix() + s.only() + "-" + s.size() + (t == null ? "" : "-t" + t) + ".png");
    }

    /** The Chinese guide's picture of the debugger: stepped to the cell-state equation. */
    static void chineseGuide(TourScene s) throws Exception {
        var debug = s.window().debugger().viewModel();
        waitUntil(() -> debug.trace() != null, 120);
        for (int i = 0; i < 4; i++) {
            fx(() -> debug.stepper().stepInto());  // to the cell-state equation
        }
        Thread.sleep(1500);
        s.shot("zh-debugger.png");
    }

    /**
     * Presenter mode (or not, for {@code debugger}) on {@code cell} ({@code -Dtour.cell=GRU}), backward or not, at
     * timestep 3, stepped through the equations up to {@code -Dtour.equation} (from 0) as a teacher would; in a stack
     * of {@code -Dtour.layers} layers, in layer {@code -Dtour.layer} (from 0).
     */
    private static void presentAt(TourScene s, DebuggerViewModel debug, CellType cell) throws InterruptedException {
        fx(() -> debug.setupCommands().chooseCell(cell));
        int layers = Integer.getInteger("tour.layers", 1);  // -Dtour.layers=2 -Dtour.layer=1: the top of a stack
        if (layers > 1) {
            fx(() -> debug.setupCommands().setField(org.lstmlab.ui.debugger.SetupForm.LAYERS, "" + layers));
        }
        waitUntil(() -> debug.trace() != null && debug.trace().cell() == cell && debug.trace().layers() == layers
                && !debug.busyProperty().get(), 120);
        var d = System.getProperty("tour.direction", "forward").equals("backward")
                ? Direction.BACKWARD : Direction.FORWARD;
        fx(() -> {  // -Dtour.beside=RNN_TANH,GRU: cells beside, their gradients plotted too
            Arrays.stream(System.getProperty("tour.beside", "").split(",")).filter(c -> !c.isEmpty())
                    .forEach(c -> debug.beside().add(CellType.valueOf(c)));
            s.window().setPresenting(s.is("presenter"));
            debug.stepper().setDirection(d);
        });
        for (int k = 0; k <= Integer.getInteger("tour.equation", 0); k++) {
            var at = new Cursor(d, 2, Integer.getInteger("tour.layer", 0), k);
            fx(() -> debug.stepper().goTo(at));
            Thread.sleep(700);
        }
        Thread.sleep(1000);
    }
}
