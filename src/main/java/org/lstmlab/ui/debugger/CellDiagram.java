package org.lstmlab.ui.debugger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.common.LatexView;
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.common.StyleClasses;

/**
 * The cell drawn in JavaFX from a {@link DiagramLayout}: gates are boxes filled by their activation for the followed
 * unit, each part shows its value, and the wires of the current equation light up while dots run along them.
 * It reads values only through the function it is given, which returns null for what is not computed yet.
 */
final class CellDiagram extends Pane {
    private final Group content = new Group();
    /** The still drawing (frame, wires, boxes, circles), one cached layer per lit equation; one shows. */
    private final Group drawings = new Group();
    private final Map<String, Group> drawingByEquation = new HashMap<>();
    private final Map<String, javafx.scene.shape.Shape> outlines = new HashMap<>();
    private final Map<String, Rectangle> levels = new HashMap<>();
    private final Map<String, LatexView> gateLabels = new HashMap<>();
    /** The gates' boxes: drawn, filled and marked; as wide as their names ({@link #setGateNameScale}). */
    private final List<javafx.scene.Node> gateBoxes = new java.util.ArrayList<>();
    private final DiagramValues values = new DiagramValues();
    /** The wires' dots, for the cell shown (null before the first). */
    private WirePulses pulses;
    private DiagramLayout layout;
    private CellType cell;
    private String lit = "";
    /** Presenter mode: the larger drawing, values placed to grow away from their parts ({@link #setPresenting}). */
    private boolean presenting;
    /** How much the gates' names are enlarged about their centres ({@link DiagramFit#gateName}). */
    private double gateNameScale = 1;
    /**
     * Presenter mode, backward: a tag in the drawing's lower right corner that says its numbers are gradients
     * ({@link #setGradientTag}); outside presenter mode the title says it. Null outside presenter mode.
     */
    private javafx.scene.text.Text gradientTag;
    private String gradientWords = "";

    CellDiagram() {
        getStyleClass().add("cell-diagram");
        getChildren().add(content);
        drawings.getStyleClass().add("diagram-still");
        setMinSize(560, 310);
        setPrefSize(570, 310);
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    }

    /** Rebuilds the drawing for a cell type (no-op if it is the one shown). */
    void setCell(CellType c) {
        if (c == cell) {
            return;
        }
        cell = c;
        layout = DiagramLayout.of(c, presenting);
        content.getChildren().clear();
        drawings.getChildren().clear();
        drawingByEquation.clear();
        outlines.clear();
        levels.clear();
        values.clear(layout);
        gateLabels.clear();
        gateBoxes.clear();
        if (pulses != null) {
            pulses.stop();
        }
        pulses = new WirePulses(layout, content);
        setMinSize(layout.width() + 10, layout.height());
        setPrefSize(layout.width() + 10, layout.height());
        content.getChildren().add(drawings);
        buildDrawing();
        lit = "";
        Map<String, ValuePlacement.Box> names = new HashMap<>();
        for (DiagramLayout.Node n : layout.nodes) {
            content.getChildren().add(draw(n, names));
        }
        gradientTag = null;
        if (presenting) {
            ValuePlacement placement = new ValuePlacement(layout, this::radius, n -> names.get(n.id()));
            if (!gradientWords.isEmpty()) {
                gradientTag = gradientTag(placement);
                content.getChildren().add(gradientTag);
            }
            values.setPlacement(placement);
        }
    }

    /** The words of presenter mode's gradient tag ("numbers: gradients δ"), set before the first cell is drawn. */
    void setGradientTag(String words) {
        gradientWords = words == null ? "" : words;
    }

    /**
     * The gradient tag, in the numbers' colour, at the frame's lower right corner, as large as the parts' names;
     * the values keep clear of it ({@link ValuePlacement#avoid}). Hidden until a backward step.
     */
    private javafx.scene.text.Text gradientTag(ValuePlacement placement) {
        javafx.scene.text.Text tag = new javafx.scene.text.Text(gradientWords);
        tag.setId("gradient-tag");
        tag.getStyleClass().add("gradient-tag");
        tag.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, layout.labelSize()));
        tag.setTextOrigin(javafx.geometry.VPos.BOTTOM);
        javafx.geometry.Bounds b = tag.getLayoutBounds();
        double right = layout.width() - 2 - ValuePlacement.PAD - 2;
        double bottom = layout.height() - 7 - ValuePlacement.PAD;
        tag.setX(right - b.getWidth());
        tag.setY(bottom);
        placement.avoid(new ValuePlacement.Box(right - b.getWidth() - ValuePlacement.PAD,
                bottom - b.getHeight() - ValuePlacement.PAD, right + ValuePlacement.PAD, bottom));
        tag.setVisible(false);
        tag.setMouseTransparent(true);
        return tag;
    }

    /**
     * The still drawing, in cached layers ({@link javafx.scene.Node#setCache}: drawn once as an image, which the
     * software pipeline paints far faster than it rasterises wires and rounded boxes): the frame and every wire;
     * for each equation, its wires lit, made when first asked for and shown one at a time; and over them the gates'
     * boxes and the operations' circles. A step that lights other wires repaints only where those wires run.
     */
    private void buildDrawing() {
        Group wires = new Group();
        Rectangle frame = new Rectangle(10, 15, layout.width() - 10, layout.height() - 20);
        frame.getStyleClass().add("diagram-frame");
        wires.getChildren().add(frame);
        for (DiagramLayout.Wire w : layout.wires) {
            Polyline l = new Polyline(pulses.path(w));
            l.getStyleClass().add("wire");
            wires.getChildren().add(l);
        }
        Group shapes = new Group();
        for (DiagramLayout.Node n : layout.nodes) {
            javafx.scene.shape.Shape outline = outline(n);
            if (outline != null) {
                shapes.getChildren().add(outline);
                if (n.kind() == DiagramLayout.Kind.GATE) {
                    gateBoxes.add(outline);
                    widenGateBox(outline);
                }
            }
        }
        for (Group g : List.of(wires, shapes)) {
            g.setCache(true);
            g.setMouseTransparent(true);
        }
        drawings.getChildren().setAll(wires, shapes);
    }

    /** Lights {@code equation}'s wires ("" for none). */
    private void showDrawing(String equation) {
        Group shown = equation.isEmpty() ? null : drawingByEquation.computeIfAbsent(equation, eq -> {
            Group g = new Group();
            for (DiagramLayout.Wire w : layout.wires) {
                if (w.equation().equals(eq)) {
                    Polyline l = new Polyline(pulses.path(w));
                    l.getStyleClass().addAll("wire", "active");
                    g.getChildren().add(l);
                }
            }
            g.setCache(true);
            g.setMouseTransparent(true);
            drawings.getChildren().add(drawings.getChildren().size() - 1, g);  // under the boxes
            return g;
        });
        for (Group g : drawingByEquation.values()) {
            g.setVisible(g == shown);
        }
    }

    /** A gate's box or an operation's circle (null for a state, which has only its name). */
    private javafx.scene.shape.Shape outline(DiagramLayout.Node n) {
        return switch (n.kind()) {
            case GATE -> {
                Rectangle box = gateBox(n);
                box.getStyleClass().add("gate-box");
                yield box;
            }
            case OP -> {
                Circle c = new Circle(n.x(), n.y(), radius(n));
                c.getStyleClass().add("op-circle");
                yield c;
            }
            default -> null;
        };
    }

    /** A gate's box, around its centre (in presenter mode larger, around its larger name). */
    private Rectangle gateBox(DiagramLayout.Node n) {
        double w = layout.halfWidth(n);
        double h = layout.halfHeight();
        return new Rectangle(n.x() - w, n.y() - h, 2 * w, 2 * h);
    }

    /** The size the parts' names are drawn at outside presenter mode, in the drawing's pixels. */
    static final float LABEL_SIZE = DiagramLayout.LABEL_SIZE;

    /** An operation's circle's radius, around its label. */
    private double radius(DiagramLayout.Node n) {
        return DiagramLayout.opRadius(LatexImages.render(n.label(), layout.labelSize()).getWidth());
    }

    /**
     * Presenter mode draws the larger drawing, with room for large values ({@link DiagramLayout#of(CellType,
     * boolean)}); leaving draws the usual one. Either way the drawing is made again: its values show at the next
     * {@link #update}.
     */
    void setPresenting(boolean on) {
        if (on == presenting) {
            return;
        }
        presenting = on;
        values.setPresenting(on);
        CellType c = cell;
        cell = null;
        if (c != null) {
            setCell(c);
        }
    }

    /**
     * The values' font size, in the drawing's pixels: in presenter mode {@link DiagramFit#presenterNumber}, else
     * {@link DiagramFit#number}, so that they stay legible when the drawing shrinks; 0 leaves it to the style
     * sheets. Outside presenter mode the numbers are then written again, shorter where they would meet.
     */
    void setValueSize(double px) {
        values.setSize(px);
    }

    /**
     * Enlarges the gates' names about their centres by {@code k} (at least 1; {@link DiagramFit#gateName}), so that
     * a diagram shrunk beside a lesson keeps them legible; their boxes widen as much, to hold them (not higher: the
     * numbers under them keep their room).
     */
    void setGateNameScale(double k) {
        double s = Math.max(1, k);
        if (Math.abs(s - gateNameScale) < 1e-3) {
            return;
        }
        gateNameScale = s;
        gateLabels.values().forEach(this::scaleGateName);
        gateBoxes.forEach(this::widenGateBox);
    }

    private void scaleGateName(LatexView label) {
        label.setScaleX(gateNameScale);
        label.setScaleY(gateNameScale);
    }

    private void widenGateBox(javafx.scene.Node box) {
        box.setScaleX(gateNameScale);
    }

    /**
     * A part's name, fill level and value, drawn over the still drawing. Its box or circle is there too, hidden: it
     * shows only when a lesson marks the part, so that the mark's glow surrounds the whole part. A state's name's
     * box goes into {@code names}, for the values to keep clear of.
     */
    private Group draw(DiagramLayout.Node n, Map<String, ValuePlacement.Box> names) {
        Group g = new Group();
        g.setId("node-" + n.id());
        g.getStyleClass().add("diagram-part");
        LatexView label = new LatexView(n.label(), layout.labelSize());  // sharp at any zoom
        label.getStyleClass().add("node-label");
        label.setAccessibleText(n.label());
        double w = label.formulaWidth();
        double h = label.formulaHeight();
        javafx.scene.shape.Shape outline = outline(n);
        if (outline != null) {
            outline.setVisible(false);
            outlines.put(n.id(), outline);
            g.getChildren().add(outline);
            if (n.kind() == DiagramLayout.Kind.GATE) {
                gateBoxes.add(outline);
                widenGateBox(outline);
            }
        }
        switch (n.kind()) {
            case GATE -> {
                Rectangle level = gateBox(n);
                level.getStyleClass().add("gate-level");
                level.setFill(Palette.ofSymbol(n.symbol()));
                level.setOpacity(0);
                levels.put(n.id(), level);
                gateBoxes.add(level);
                widenGateBox(level);
                gateLabels.put(n.id(), label);
                label.setX(n.x() - w / 2);
                label.setY(n.y() - h / 2);
                scaleGateName(label);
                g.getChildren().addAll(level, label);
            }
            case OP -> {
                label.setX(n.x() - w / 2);
                label.setY(n.y() - h / 2);
                g.getChildren().add(label);
            }
            default -> {
                label.setX(n.x() - 20);
                label.setY(n.y() - 4 - h);
                names.put(n.id(), new ValuePlacement.Box(n.x() - 20, n.y() - 4 - h, n.x() - 20 + w, n.y() - 4));
                label.getStyleClass().add("state-label");
                g.getChildren().add(label);
            }
        }
        g.getChildren().addAll(values.add(n));
        return g;
    }

    /**
     * Shows the values of the cursor for the followed unit and lights the current equation's wires.
     *
     * @param read   symbol → vector of the shown layer and timestep, or null when not computed yet
     * @param animate whether dots should run along the lit wires
     */
    void update(String equation, Direction dir, int unit, BiFunction<String, Integer, Double> read, boolean animate) {
        if (layout == null) {
            return;
        }
        Map<String, Double> numbers = new java.util.LinkedHashMap<>();
        for (DiagramLayout.Node n : layout.nodes) {
            String sym = dir == Direction.FORWARD ? n.symbol() : n.gradient();
            numbers.put(n.id(), sym == null ? null : read.apply(sym, unit));
        }
        values.show(numbers);
        if (gradientTag != null) {
            gradientTag.setVisible(dir == Direction.BACKWARD);
        }
        for (DiagramLayout.Node n : layout.nodes) {
            Rectangle level = levels.get(n.id());
            if (level != null) {
                Double act = read.apply(n.symbol(), unit);
                double opacity = act == null ? 0 : Math.min(1, Math.abs(act));
                level.setOpacity(opacity);
                // the name stays readable on the fill: white on a dark fill, dark on a light one
                Color ink = Palette.textOn(Palette.over(Color.WHITE, (Color) level.getFill(), opacity));
                gateLabels.get(n.id()).setColour(ink);
            }
        }
        pulses.stop();
        String along = DiagramLayout.wiresOf(cell, equation);   // backward: the wires its gradient goes back along
        String on = layout.wires.stream().anyMatch(w -> w.equation().equals(along)) ? along : "";
        if (!on.equals(lit)) {
            lit = on;
            showDrawing(on);
        }
        if (animate) {
            pulses.run(lit, dir == Direction.BACKWARD);
        }
    }

    /** Marks one part (a node id such as {@code f} or {@code mulF}) for a lesson; null clears the mark. */
    void mark(String id) {
        for (javafx.scene.Node n : content.getChildren()) {
            if (n.getId() != null && n.getId().startsWith("node-")) {
                boolean on = id != null && n.getId().equals("node-" + id);
                StyleClasses.set(n, EquationPanel.LESSON, on);
                javafx.scene.shape.Shape outline = outlines.get(n.getId().substring("node-".length()));
                if (outline != null) {
                    outline.setVisible(on);
                }
            }
        }
    }
}
