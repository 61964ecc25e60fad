package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.ui.debugger.Cursor;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;

/**
 * Presenter mode at 1024 × 768 names the diagram's parts as large as it writes their numbers: every name (a gate's,
 * an operation's, a state's) at least 20 px high on the screen and at least 0.8 of the numbers' size; a gate's
 * name inside its box, an operation's inside its circle, every name inside the frame, and no name on another part,
 * on a number, or on a wire that does not end at its part. In the LSTM, the GRU and both simple RNNs, in English and
 * in Chinese. Before, the names were 15 px of the drawing's own (about 14 px on the screen, their letters about
 * 10 px high) beside numbers of 24 px.
 */
class PresenterLabelsUiTest extends MainWindowUiBase {
    private static final double SMALLEST_NAME = 20;
    private static final double PROPORTION = 0.8;

    private DebuggerViewModel vm() {
        return window.debugger().viewModel();
    }

    /** A part of the drawing: its id and its name, box or circle, and value, on the scene. */
    private record Part(String id, Node name, Bounds nameBounds, Bounds outline, Bounds value, double nameSize,
                        double valueSize) {
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    /** The glyphs' bounds of a value (a centred text's layout is as wide as its wrapping width), on the scene. */
    private static Bounds glyphs(Text t) {
        Text probe = new Text(t.getText());
        probe.setFont(t.getFont());
        Bounds b = probe.getLayoutBounds();
        double wrap = t.getWrappingWidth();
        double left = wrap <= 0 ? t.getX() : t.getTextAlignment() == TextAlignment.CENTER
                ? t.getX() + (wrap - b.getWidth()) / 2 : t.getTextAlignment() == TextAlignment.RIGHT
                ? t.getX() + wrap - b.getWidth() : t.getX();
        Bounds local = t.getLayoutBounds();  // its top and bottom as laid out, whatever its origin
        Bounds box = new BoundingBox(left, local.getMinY(), b.getWidth(), local.getHeight());
        return t.localToScene(box);
    }

    private static boolean meet(Bounds a, Bounds b, double slack) {
        return a.getMinX() < b.getMaxX() - slack && b.getMinX() < a.getMaxX() - slack
                && a.getMinY() < b.getMaxY() - slack && b.getMinY() < a.getMaxY() - slack;
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    /** Whether the segment from {@code a} to {@code b} (horizontal or vertical, as the wires run) crosses {@code r}. */
    private static boolean crosses(Point2D a, Point2D b, Bounds r) {
        double minX = Math.min(a.getX(), b.getX());
        double maxX = Math.max(a.getX(), b.getX());
        double minY = Math.min(a.getY(), b.getY());
        double maxY = Math.max(a.getY(), b.getY());
        return minX < r.getMaxX() - 1 && maxX > r.getMinX() + 1 && minY < r.getMaxY() - 1 && maxY > r.getMinY() + 1;
    }

    private static List<Part> parts(FxRobot robot) {
        List<Part> out = new ArrayList<>();
        for (Node g : robot.lookup(".cell-diagram .diagram-part").queryAll()) {
            Node name = g.lookup(".node-label");
            Node outline = g.lookup(".gate-level") != null ? g.lookup(".gate-level") : g.lookup(".op-circle");
            Text value = (Text) g.lookup(".node-value");
            boolean shown = value != null && !value.getText().isEmpty();
            out.add(new Part(g.getId().substring("node-".length()), name, scene(name),
                    outline == null ? null : scene(outline), shown ? glyphs(value) : null,
                    Measure.screenFontSize(name), shown ? Measure.screenFontSize(value) : Double.NaN));
        }
        return out;
    }

    /** What is wrong with the names of the diagram shown now. */
    private List<String> check(FxRobot robot, String where) {
        settle(robot, 3);
        return UiWait.onFx(() -> {
            List<String> p = new ArrayList<>();
            List<Part> parts = parts(robot);
            double numbers = parts.stream().filter(x -> x.value() != null).mapToDouble(Part::valueSize).max()
                    .orElse(24);
            double smallest = parts.stream().mapToDouble(Part::nameSize).min().orElse(0);
            System.out.printf(Locale.ROOT, "%s: names %.1f px on the screen, numbers %.1f px%n", where, smallest,
                    numbers);
            List<Polyline> wires = robot.lookup(".cell-diagram .wire").queryAllAs(Polyline.class).stream()
                    .filter(w -> !w.getStyleClass().contains("active")).toList();
            Bounds frame = scene(robot.lookup(".cell-diagram .diagram-frame").query());
            for (Part a : parts) {
                String name = where + ", " + a.id() + "'s name " + a.nameBounds();
                if (a.nameSize() < SMALLEST_NAME - 0.01 || a.nameSize() < PROPORTION * numbers - 0.01) {
                    p.add(name + " is " + a.nameSize() + " px high, the numbers " + numbers);
                }
                if (!inside(a.nameBounds(), frame)) {
                    p.add(name + " leaves the drawing's frame " + frame);
                }
                if (a.outline() != null && !inside(a.nameBounds(), a.outline())) {
                    p.add(name + " leaves its box or circle " + a.outline());
                }
                for (Part b : parts) {
                    if (b != a && meet(a.nameBounds(), b.nameBounds(), 0)) {
                        p.add(name + " meets " + b.id() + "'s name");
                    }
                    if (b != a && b.outline() != null && meet(a.nameBounds(), b.outline(), 0)) {
                        p.add(name + " meets " + b.id() + "'s box or circle " + b.outline());
                    }
                    if (b.value() != null && meet(a.nameBounds(), b.value(), 1)) {
                        p.add(name + " meets " + b.id() + "'s number " + b.value());
                    }
                }
                if (a.outline() == null) {  // a state's name: no wire runs through it
                    for (Polyline w : wires) {
                        List<Double> pts = w.getPoints();
                        for (int k = 0; k + 3 < pts.size(); k += 2) {
                            Point2D from = w.localToScene(pts.get(k), pts.get(k + 1));
                            Point2D to = w.localToScene(pts.get(k + 2), pts.get(k + 3));
                            if (crosses(from, to, a.nameBounds())) {
                                p.add(name + " lies on a wire from " + from + " to " + to);
                            }
                        }
                    }
                }
            }
            return p;
        });
    }

    private List<String> everyCell(FxRobot robot, String language) {
        List<String> problems = new ArrayList<>();
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_TANH, CellType.RNN_RELU}) {
            if (vm().trace() == null || vm().trace().cell() != cell) {
                robot.interact(() -> vm().setupCommands().chooseCell(cell));
            }
            UiWait.until(cell + " traced", () -> vm().trace() != null && vm().trace().cell() == cell
                    && !vm().busyProperty().get() && vm().cursor() != null);
            int t = Math.min(2, vm().trace().steps() - 1);
            Cursor at = new Cursor(org.lstmlab.engine.trace.Direction.FORWARD, t, 0, vm().equations().size() - 1);
            robot.interact(() -> vm().stepper().goTo(at));  // the last equation: every part has its number
            UiWait.until("at " + at, () -> vm().cursor().equals(at));
            problems.addAll(check(robot, language + ", " + cell));
        }
        return problems;
    }

    @Test
    void theNamesAreAsLargeAsTheNumbersAndMeetNothing(FxRobot robot) {
        UiWait.until("the first trace", () -> vm().trace() != null);
        robot.interact(() -> window.setPresenting(true));
        UiWait.until("presenter mode", window::isPresenting);
        List<String> problems = new ArrayList<>(everyCell(robot, "English"));
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese", () -> window.isPresenting() && vm().trace() != null);
        problems.addAll(everyCell(robot, "Chinese"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
