package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.UiWait;

/**
 * A cell diagram as drawn, measured in its scene: the ink of its numbers, its operations' circles, its wires (every
 * one also lit, as wide as a lit wire is drawn) and the boxes and circles drawn over the wires. Every part's value
 * is {@code value}; the numbers are written at {@code font} px of the drawing's own.
 *
 * @param numbers  each number drawn (not empty) with its digits' box
 * @param circles  the operations' circles shown: centre x, y and radius
 * @param wires    every wire's straight runs: x1, y1, x2, y2 and half the width it is drawn at when lit
 * @param covers   the gates' boxes and the operations' circles, drawn over the wires: what hides them
 * @param drawing  the drawing's box, in the scene
 */
record DrawnDiagram(List<Number> numbers, List<double[]> circles, List<double[]> wires, List<Node> covers,
                    Bounds drawing) {

    /** Numbers as wide as they come: four decimals, negative, with a two-digit exponent. */
    static final double WIDEST = -1.234e-10;
    /**
     * A number as wide as presenter mode has room for while the drawing is shrunk to
     * {@link DiagramFit#PRESENTER_ROOMY} (1.234e−5, 8 characters; wider ones then go on a plate, ValuePlacementTest).
     */
    static final double WIDE = 1.234e-5;
    /** A usual number as wide as they come: negative, four decimals. */
    static final double USUAL = -0.0600;

    /**
     * A number drawn, the part it belongs to, the box of its glyphs' ink (not its line), in the scene, and the
     * width of the white edge drawn around its glyphs (presenter mode's; 0 for none).
     */
    record Number(String part, String text, Bounds ink, double edge) {
    }

    /** The diagram of {@code cell} showing {@code dir}'s values, in presenter mode or not; made on the FX thread. */
    static DrawnDiagram of(CellType cell, Direction dir, boolean presenting, double font, double value)
            throws Exception {
        return UiWait.onFx(() -> {
            CellDiagram d = new CellDiagram();
            javafx.scene.layout.Pane root = new javafx.scene.layout.Pane(d);
            if (presenting) {
                root.getStyleClass().add("presenting");
            }
            javafx.scene.Scene scene = new javafx.scene.Scene(root, 1200, 600);
            for (String css : List.of("theme.css", "debugger/debugger.css")) {
                scene.getStylesheets().add(org.lstmlab.ui.common.Resources.url(css).toExternalForm());
            }
            d.setPresenting(presenting);
            d.setCell(cell);
            d.setValueSize(font);
            // each equation's wires lit once, so that the lit copy of every wire is drawn (and measured)
            DiagramLayout layout = DiagramLayout.of(cell, presenting);
            for (String eq : layout.wires.stream().map(DiagramLayout.Wire::equation).distinct().toList()) {
                d.update(eq, Direction.FORWARD, 0, (s, u) -> value, false);
            }
            d.update("", dir, 0, (s, u) -> value, false);
            d.applyCss();
            d.layout();
            DrawnDiagram out = new DrawnDiagram(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), d.localToScene(new javafx.geometry.BoundingBox(0, 0, layout.width() + 10,
                    layout.height())));
            out.collect(d);
            return out;
        });
    }

    private void collect(Node n) {
        if (n instanceof Circle c && c.getStyleClass().contains("op-circle") && c.isVisible()) {
            Bounds b = c.localToScene(c.getBoundsInLocal());
            circles.add(new double[] {b.getCenterX(), b.getCenterY(), b.getWidth() / 2});
            covers.add(c);
        } else if (n instanceof Rectangle r && r.getStyleClass().contains("gate-box") && r.isVisible()) {
            covers.add(r);
        } else if (n instanceof Text t && t.getStyleClass().contains("node-value") && !t.getText().isEmpty()) {
            numbers.add(new Number(t.getParent().getId().substring("node-".length()), t.getText(), digits(t),
                    javafx.scene.paint.Color.WHITE.equals(t.getStroke()) ? t.getStrokeWidth() : 0));
        } else if (n instanceof Polyline p && p.getStyleClass().contains("wire")) {
            List<Double> xy = p.getPoints();
            for (int k = 0; k + 3 < xy.size(); k += 2) {
                javafx.geometry.Point2D a = p.localToScene(xy.get(k), xy.get(k + 1));
                javafx.geometry.Point2D b = p.localToScene(xy.get(k + 2), xy.get(k + 3));
                wires.add(new double[] {a.getX(), a.getY(), b.getX(), b.getY(), p.getStrokeWidth() / 2});
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child);
            }
        }
    }

    /** The box of a number's glyphs (its ink, not its line), in the scene. */
    private static Bounds digits(Text t) {
        TextBoundsType was = t.getBoundsType();
        double edge = t.getStrokeWidth();
        t.setBoundsType(TextBoundsType.VISUAL);
        t.setStrokeWidth(0);  // presenter mode's white edge may cross a line or an outline; the digits may not
        Bounds ink = t.localToScene(t.getBoundsInLocal());
        t.setStrokeWidth(edge);
        t.setBoundsType(was);
        return ink;
    }

    /** How far a point is from a box (0 inside it). */
    static double distance(Bounds b, double x, double y) {
        double dx = Math.max(0, Math.max(b.getMinX() - x, x - b.getMaxX()));
        double dy = Math.max(0, Math.max(b.getMinY() - y, y - b.getMaxY()));
        return Math.hypot(dx, dy);
    }

    /** How far apart two boxes are (0 where they meet). */
    static double distance(Bounds a, Bounds b) {
        double dx = Math.max(0, Math.max(a.getMinX() - b.getMaxX(), b.getMinX() - a.getMaxX()));
        double dy = Math.max(0, Math.max(a.getMinY() - b.getMaxY(), b.getMinY() - a.getMaxY()));
        return Math.hypot(dx, dy);
    }

    /** Whether a point of a wire is hidden under a gate's box or an operation's circle. */
    boolean hidden(double x, double y) {
        for (Node c : covers) {
            if (c instanceof Circle circle) {
                Bounds b = circle.localToScene(circle.getBoundsInLocal());
                if (Math.hypot(x - b.getCenterX(), y - b.getCenterY()) < b.getWidth() / 2 - 1) {
                    return true;
                }
            } else {
                Bounds b = c.localToScene(c.getBoundsInLocal());
                if (x > b.getMinX() + 1 && x < b.getMaxX() - 1 && y > b.getMinY() + 1 && y < b.getMaxY() - 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How near a wire must come to a number to be looked at closely, in the scene's pixels. */
    private static final double NEAR = 12;

    /**
     * The room between a number's ink and the nearest visible stretch of a wire's edge (negative where the wire
     * runs through it), and where on the wire: {gap, x, y}; null when the wire is hidden wherever it passes
     * within {@link #NEAR} px.
     */
    double[] gap(Bounds ink, double[] wire) {
        double far = distance(ink, new javafx.geometry.BoundingBox(Math.min(wire[0], wire[2]),
                Math.min(wire[1], wire[3]), Math.abs(wire[2] - wire[0]), Math.abs(wire[3] - wire[1]))) - wire[4];
        if (far > NEAR) {  // far from the whole run: no need to look where it is hidden
            return new double[] {far, wire[0], wire[1]};
        }
        double length = Math.hypot(wire[2] - wire[0], wire[3] - wire[1]);
        int steps = Math.max(1, (int) Math.ceil(length / 0.25));
        double[] least = null;
        for (int s = 0; s <= steps; s++) {
            double x = wire[0] + (wire[2] - wire[0]) * s / steps;
            double y = wire[1] + (wire[3] - wire[1]) * s / steps;
            double g = distance(ink, x, y) - wire[4];
            if (g <= NEAR && (least == null || g < least[0]) && !hidden(x, y)) {
                least = new double[] {g, x, y};
            }
        }
        return least;
    }
}
