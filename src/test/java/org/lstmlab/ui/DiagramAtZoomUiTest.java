package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.testfx.api.FxRobot;

/**
 * The debugger's cell diagram on a projector zoomed in to 150 % and 200 %, at 1024 × 768 and 1280 × 720, in English
 * and Chinese. Outside presenter mode it is never wider than its pane (at 200 % on 1024 × 768 it was drawn at the
 * zoom's 0.6 and scrolled sideways as well as down), nor higher (then it still scrolled down: its pane was about 80
 * px high; the divider above it now moves up), and its numbers are at least 11 px high on the screen, the style
 * sheet's size at 100 %. In presenter mode the whole diagram and every number on it are in sight, at least 18 px high
 * (at 200 % on 1280 × 720 it overflowed its pane and scrolled).
 */
class DiagramAtZoomUiTest extends MainWindowUiBase {
    private static final double LEAST_NUMBER = 11;
    private static final double LEAST_PRESENTER_NUMBER = 18;

    private static Bounds viewport(ScrollPane pane) {
        Node port = pane.lookup(".viewport");
        return port.localToScene(port.getLayoutBounds());
    }

    /** What is wrong with the diagram as it is shown now ({@code where}: the window's size, language and zoom). */
    private List<String> problems(String where) {
        List<String> out = new ArrayList<>();
        ScrollPane pane = (ScrollPane) window.root().lookup("#diagramScroll");
        Bounds port = viewport(pane);
        Node diagram = window.root().lookup(".cell-diagram");
        Bounds drawn = diagram.localToScene(diagram.getBoundsInLocal());
        boolean presenting = window.isPresenting();
        if (pane.getContent().getLayoutBounds().getWidth() > pane.getViewportBounds().getWidth() + 0.5
                || drawn.getMaxX() > port.getMaxX() + 0.5) {
            out.add(where + ": the diagram " + drawn + " is wider than its pane " + port + " (it scrolls sideways)");
        }
        if (presenting && (drawn.getMaxY() > port.getMaxY() + 0.5 || drawn.getMinY() < port.getMinY() - 0.5)) {
            out.add(where + ": the diagram " + drawn + " is cut by its pane " + port);
        }
        // zoomed in outside presenter mode the pane takes the height the main cell alone needs, up to half the room
        boolean alone = window.debugger().viewModel().companions().isEmpty();
        if (!presenting && alone && (pane.getContent().getLayoutBounds().getHeight()
                > pane.getViewportBounds().getHeight() + 0.5 || drawn.getMaxY() > port.getMaxY() + 0.5)) {
            out.add(where + ": the diagram " + drawn + " scrolls down in its pane " + port);
        }
        double least = presenting ? LEAST_PRESENTER_NUMBER : LEAST_NUMBER;
        for (Node n : diagram.lookupAll(".node-value")) {
            Text t = (Text) n;
            if (t.getText().isEmpty() || !t.isVisible()) {
                continue;
            }
            Bounds b = t.localToScene(t.getLayoutBounds());
            double size = Measure.screenFontSize(t);
            if (size < least - 1e-6) {
                out.add(where + ": " + t.getText() + " is " + size + " px high");
            }
            if (b.getMaxX() > port.getMaxX() + 0.5 || presenting && b.getMaxY() > port.getMaxY() + 0.5) {
                out.add(where + ": " + t.getText() + " " + b + " is cut by " + port);
            }
        }
        return out;
    }

    private List<String> atEachSize(FxRobot robot, Locale language) {
        List<String> out = new ArrayList<>();
        for (int[] size : new int[][] {{1024, 768}, {1280, 720}}) {
            robot.interact(() -> {
                window.root().getScene().getWindow().setWidth(size[0]);
                window.root().getScene().getWindow().setHeight(size[1]);
            });
            out.addAll(atEachZoomAndMode(robot, language, new int[] {150, 200},
                    where -> problems(size[0] + " × " + size[1] + ", " + where)));
        }
        robot.interact(() -> {
            window.setPresenting(false);
            window.setZoom(100);
        });
        return out;
    }

    private void trace(FxRobot robot, CellType cell) {
        robot.interact(() -> window.debugger().viewModel().setupCommands().chooseCell(cell));
        UiWait.until(cell + " traced", () -> window.debugger().viewModel().trace() != null
                && window.debugger().viewModel().trace().cell() == cell
                && !window.debugger().viewModel().busyProperty().get());
    }

    @Test
    void theDiagramFitsItsPaneSidewaysAndInPresenterModeWholly(FxRobot robot) {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        List<String> problems = new ArrayList<>(atEachSize(robot, Locale.ENGLISH));
        trace(robot, CellType.GRU);
        problems.addAll(atEachSize(robot, Locale.ENGLISH));
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese", () -> window.debugger().viewModel().trace() != null);
        trace(robot, CellType.LSTM);
        problems.addAll(atEachSize(robot, Locale.SIMPLIFIED_CHINESE));
        assertEquals(List.of(), problems);
    }
}
