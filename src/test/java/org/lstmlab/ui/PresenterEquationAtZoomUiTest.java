package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.common.LatexView;
import org.lstmlab.ui.debugger.Cursor;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;

/**
 * Presenter mode on a projector zoomed in to 150 % and 200 %, at 1024 × 768 and 1280 × 720, in English and Chinese,
 * stepping through equations of the LSTM and the GRU forward and backward: the equation pane shows the current
 * equation's heading whole, with no horizontal scroll bar (its formula drawn smaller where it is wider than the pane,
 * its letters still at least 24 px high on the screen: at 200 % on 1024 × 768 the GRU's candidate and the backward
 * dh_prev brought the scroll bar), no line of its substitution is cut at the pane's edge, the lines of its result are
 * whole in sight, and its numbers are at least 24 px high on the screen (at 200 % on 1024 × 768 they are made
 * smaller, 36 px, and where that is not enough 24 px, for the result to fit). Before, the pane kept wherever it had
 * been scrolled to: at 200 % the heading was out of sight, and at both zooms a line was cut in half at the top or the
 * bottom; then the LSTM's output-gate gradient and the GRU's candidate state needed the scroll bar for their result's
 * last line. At 200 % every equation of the LSTM, the GRU and the simple RNN, forward and backward, is checked, in
 * English and Chinese at both sizes, and the equation's final value (the result token, on whichever line the
 * breaking put it) must be whole in sight: in Chinese at 1024 × 768 the GRU's reset-gate gradient δa_r once had it
 * on a third line just under the pane. Backward, the diagram's corner says its numbers are gradients, clear of
 * them and inside the drawing.
 */
class PresenterEquationAtZoomUiTest extends MainWindowUiBase {
    private static final String PART = "substitution-part";
    private static final double SMALLEST_NUMBER = 24;
    private DebuggerViewModel vm() {
        return window.debugger().viewModel();
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static boolean outside(Bounds inner, Bounds outer) {
        return inner.getMaxY() <= outer.getMinY() + 0.5 || inner.getMinY() >= outer.getMaxY() - 0.5;
    }

    /** What is wrong with the equation pane now. */
    private List<String> problems(String where) {
        List<String> out = new ArrayList<>();
        ScrollPane pane = (ScrollPane) window.root().lookup("#equationPane");
        Node viewport = pane.lookup(".viewport");
        Bounds port = viewport.localToScene(viewport.getLayoutBounds());
        Node row = pane.lookupAll(".equation-row").stream().filter(Node::isVisible).findFirst().orElseThrow();
        Bounds heading = row.localToScene(row.getLayoutBounds());
        if (!inside(heading, port) || heading.getMaxX() > port.getMaxX() + 0.5) {
            out.add(where + ": the heading " + heading + " is not whole in " + port);
        }
        out.addAll(gradientTag(where));
        for (Node n : pane.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.isVisible() && bar.getOrientation() == Orientation.HORIZONTAL) {
                out.add(where + ": a horizontal scroll bar shows");
            }
        }
        LatexView math = (LatexView) row.lookup(".latex");
        double letters = math.fontSize() * math.getFitWidth() / math.formulaWidth()
                * math.getLocalToSceneTransform().getMxx();
        if (letters < SMALLEST_NUMBER - 1e-6) {
            out.add(where + ": the heading's formula is " + letters + " px high");
        }
        boolean resultWhole = true;
        boolean someResult = false;
        for (Node line : pane.lookupAll("#substitution .substitution-line")) {
            if (!line.isVisible()) {
                continue;
            }
            Bounds b = line.localToScene(line.getLayoutBounds());
            if (!inside(b, port) && !outside(b, port)) {
                out.add(where + ": a line " + b + " is cut by the pane " + port);
            }
            if ("FORMULA".equals(String.valueOf(line.getProperties().get(PART)))) {
                resultWhole &= inside(b, port);
                someResult |= inside(b, port);
            }
        }
        if (!someResult || !resultWhole) {
            out.add(where + ": the equation's result is not in sight in " + port);
        }
        boolean value = false;
        for (Node n : pane.lookupAll("#substitution .token-result")) {  // the final value, wherever its line broke
            if (n.isVisible() && n instanceof Text t && !t.getText().isBlank()) {
                Bounds b = t.localToScene(t.getBoundsInLocal());
                value = true;
                if (!inside(b, port) || b.getMaxX() > port.getMaxX() + 0.5) {
                    out.add(where + ": the final value " + t.getText() + " at " + b + " is not in sight in " + port);
                }
            }
        }
        if (!value) {
            out.add(where + ": the equation shows no final value");
        }
        for (Node n : pane.lookupAll("#substitution .token")) {
            if (n.isVisible() && n instanceof Text t && !t.getText().isBlank()
                    && Measure.screenFontSize(t) < SMALLEST_NUMBER - 1e-6) {
                out.add(where + ": " + t.getText() + " is " + Measure.screenFontSize(t) + " px high");
                break;
            }
        }
        return out;
    }

    /**
     * Backward, the diagram's corner says that its numbers are gradients (the caption that said it is hidden in
     * presenter mode), clear of every number, inside the drawing; forward it is hidden.
     */
    private List<String> gradientTag(String where) {
        List<String> out = new ArrayList<>();
        Node tag = window.root().lookup("#gradient-tag");
        boolean backward = vm().cursor().direction() == Direction.BACKWARD;
        if (tag == null || tag.isVisible() != backward) {
            out.add(where + ": the gradient tag " + (tag == null ? "is missing" : backward ? "is hidden" : "shows"));
            return out;
        }
        if (!backward) {
            return out;
        }
        Bounds b = tag.localToScene(tag.getBoundsInLocal());
        Node diagram = window.root().lookup(".cell-diagram");
        if (!diagram.localToScene(diagram.getBoundsInLocal()).contains(b)) {
            out.add(where + ": the gradient tag " + b + " is not inside the drawing");
        }
        for (Node n : window.root().lookupAll(".cell-diagram .node-value")) {
            if (n != tag && n.isVisible() && n instanceof Text t && !t.getText().isEmpty()
                    && t.localToScene(t.getBoundsInLocal()).intersects(b)) {
                out.add(where + ": the gradient tag meets the number " + t.getText());
            }
        }
        return out;
    }

    private void trace(FxRobot robot, CellType cell) {
        robot.interact(() -> vm().setupCommands().chooseCell(cell));
        UiWait.until(cell + " traced", () -> vm().trace() != null && vm().trace().cell() == cell
                && !vm().busyProperty().get() && vm().cursor() != null);
    }

    /** Steps to a few equations forward and backward, checking each. */
    private List<String> stepping(FxRobot robot, String where) {
        List<String> out = new ArrayList<>();
        int t = Math.min(2, vm().trace().steps() - 1);
        for (Direction d : Direction.values()) {
            robot.interact(() -> vm().stepper().setDirection(d));
            UiWait.until("in " + d, () -> vm().cursor().direction() == d);
            int count = vm().equations().size();
            for (int k : new int[] {0, count / 2, count - 1, 1}) {
                Cursor at = new Cursor(d, t, 0, k);
                robot.interact(() -> vm().stepper().goTo(at));
                UiWait.until("at " + at, () -> vm().cursor().equals(at));
                settle(robot, 4);
                String here = where + ", " + d + " " + vm().equations().get(k).id();
                out.addAll(UiWait.onFx(() -> problems(here)));
            }
        }
        return out;
    }

    private List<String> atEachSizeAndZoom(FxRobot robot, Locale language, CellType cell) {
        List<String> out = new ArrayList<>();
        trace(robot, cell);
        for (int[] size : new int[][] {{1024, 768}, {1280, 720}}) {
            for (int zoom : new int[] {200, 150}) {
                robot.interact(() -> {
                    window.root().getScene().getWindow().setWidth(size[0]);
                    window.root().getScene().getWindow().setHeight(size[1]);
                    window.setZoom(zoom);
                    window.setPresenting(true);
                });
                UiWait.until("presenter mode", window::isPresenting);
                String sizeAndZoom = size[0] + " × " + size[1] + " at " + zoom + " %";
                out.addAll(stepping(robot, language + ", " + cell + ", " + sizeAndZoom));
            }
        }
        robot.interact(() -> {
            window.setPresenting(false);
            window.setZoom(100);
        });
        return out;
    }

    @Test
    void theCurrentEquationsHeadingAndResultAreWholeInSight(FxRobot robot) {
        UiWait.until("the first trace", () -> vm().trace() != null);
        List<String> problems = new ArrayList<>(atEachSizeAndZoom(robot, Locale.ENGLISH, CellType.LSTM));
        problems.addAll(atEachSizeAndZoom(robot, Locale.ENGLISH, CellType.GRU));
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese", () -> vm().trace() != null);
        problems.addAll(atEachSizeAndZoom(robot, Locale.SIMPLIFIED_CHINESE, CellType.LSTM));
        assertEquals(List.of(), problems);
    }

    /** Every equation of {@code cell}, forward and backward, at 200 % on a {@code width × height} window. */
    private List<String> everyEquation(FxRobot robot, Locale language, CellType cell, int width, int height) {
        trace(robot, cell);
        robot.interact(() -> {
            window.root().getScene().getWindow().setWidth(width);
            window.root().getScene().getWindow().setHeight(height);
            window.setZoom(200);
            window.setPresenting(true);
        });
        UiWait.until("presenter mode", window::isPresenting);
        List<String> out = new ArrayList<>();
        int t = Math.min(2, vm().trace().steps() - 1);
        for (Direction d : Direction.values()) {
            robot.interact(() -> vm().stepper().setDirection(d));
            UiWait.until("in " + d, () -> vm().cursor().direction() == d);
            for (int k = 0; k < vm().equations().size(); k++) {
                Cursor at = new Cursor(d, t, 0, k);
                robot.interact(() -> vm().stepper().goTo(at));
                UiWait.until("at " + at, () -> vm().cursor().equals(at));
                settle(robot, 4);
                String here = language + ", " + cell + ", " + width + " × " + height + " at 200 %, " + d + " "
                        + vm().equations().get(k).id();
                out.addAll(UiWait.onFx(() -> problems(here)));
            }
        }
        robot.interact(() -> {
            window.setPresenting(false);
            window.setZoom(100);
        });
        return out;
    }

    @Test
    void everyEquationsResultIsWholeInSightAt200Percent(FxRobot robot) {
        UiWait.until("the first trace", () -> vm().trace() != null);
        List<String> problems = new ArrayList<>();
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_TANH}) {
            problems.addAll(everyEquation(robot, Locale.ENGLISH, cell, 1024, 768));
            problems.addAll(everyEquation(robot, Locale.ENGLISH, cell, 1280, 720));
        }
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese", () -> vm().trace() != null);
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_TANH}) {
            problems.addAll(everyEquation(robot, Locale.SIMPLIFIED_CHINESE, cell, 1024, 768));
            problems.addAll(everyEquation(robot, Locale.SIMPLIFIED_CHINESE, cell, 1280, 720));
        }
        assertEquals(List.of(), problems);
    }
}
