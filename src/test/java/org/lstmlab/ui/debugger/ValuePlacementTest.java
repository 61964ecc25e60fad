package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * The diagram's numbers lie across nothing: for every cell the diagram draws (LSTM and its tutorial variant, GRU,
 * simple RNN), forward and backward, no number's box crosses a wire, a gate's box, an operation's circle, a state's
 * name or another number's box, and each stays inside the drawing. In presenter mode at every size its numbers take
 * (the style sheet's 18 px while the drawing is large, as on a 1920 × 1080 projector, to 30 px when it is shrunk on a
 * 1024 × 768 one), with the widest numbers the size allows; outside presenter mode with the numbers
 * {@link DiagramNumbers} writes. The diagram holds no words, so English and Chinese draw it alike. Checked with this
 * test's own geometry, not {@link ValuePlacement#clear}: straight wires widened by half a lit wire, circles as circles.
 */
class ValuePlacementTest {
    /** DejaVu Sans Mono's advance, in font sizes (the monospaced font CI and most Linux machines draw with). */
    private static final double ADVANCE = 0.602;
    /** Half a lit wire: 4 px wide. */
    private static final double HALF_WIRE = 2;
    /**
     * A part's name's width and height as the diagram draws it: LaTeX laid out by JLaTeXMath (without a display),
     * with the 2 px margin {@link org.lstmlab.ui.common.Latex} puts around it.
     */
    private static double[] measure(String latex, float size) {
        TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        return new double[] {icon.getIconWidth() + 4, icon.getIconHeight() + 4};
    }

    /** An operation's circle's radius, around its name. */
    private static double radius(DiagramLayout d, DiagramLayout.Node n) {
        return DiagramLayout.opRadius(measure(n.label(), d.labelSize())[0]);
    }

    /** Where CellDiagram draws a state's name: over its line, from 20 px left of its start. */
    private static ValuePlacement.Box name(DiagramLayout d, DiagramLayout.Node n) {
        if (n.kind() != DiagramLayout.Kind.STATE) {
            return null;
        }
        double[] size = measure(n.label(), d.labelSize());
        return new ValuePlacement.Box(n.x() - 20, n.y() - 4 - size[1], n.x() - 20 + size[0], n.y() - 4);
    }

    private static ValuePlacement placement(DiagramLayout d) {
        return new ValuePlacement(d, n -> radius(d, n), n -> name(d, n));
    }

    /**
     * Presenter mode's numbers' sizes, in the drawing's pixels, and the widest numbers the drawing has room for at
     * each: the style sheet's 18 px while the drawing is large (a 1920 × 1080 projector) to 30 px when it is shrunk
     * to {@link DiagramFit#PRESENTER_SMALLEST} (1024 × 768 beside a lesson); 10 characters are −1.234e−10, 8
     * −1.234e−5 less a digit of its exponent, 7 −0.0600.
     */
    private static final double[][] SIZES = {{DiagramFit.PRESENTER_STYLE_NUMBER, 10}, {20, 10}, {22, 9},
        {DiagramFit.PRESENTER_NUMBER / DiagramFit.PRESENTER_ROOMY, 8}, {24 / 0.85, 7},
        {DiagramFit.PRESENTER_NUMBER / DiagramFit.PRESENTER_SMALLEST, ValuePlacement.USUAL}};

    /** Circles keep over 6 px from a number's digits, 4 from its box with the white edge. */
    private static final double CIRCLE_ROOM = 4;

    private static Map<String, List<Double>> widths(DiagramLayout d, double font, int... chars) {
        Map<String, List<Double>> widths = new LinkedHashMap<>();
        for (DiagramLayout.Node n : d.nodes) {
            if (n.symbol() != null || n.gradient() != null) {  // forward and backward: every part with a value
                List<Double> w = new ArrayList<>();
                for (int k : chars) {
                    w.add(ValuePlacement.width(ValuePlacement.reserved(k), font, ADVANCE));
                }
                widths.put(n.id(), w);
            }
        }
        return widths;
    }

    @Test
    void presenterModesNumbersCrossNothing() {
        List<String> problems = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            DiagramLayout d = DiagramLayout.of(cell, true);
            for (double[] size : SIZES) {
                double font = size[0];
                placeClear(cell, d, font, widths(d, font, (int) size[1]), problems);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /**
     * The places of values {@code widths} wide at {@code font}: each box as high as the digits and as wide as the
     * width it takes, and a problem added for each that needs a plate or crosses anything.
     */
    private static Map<String, ValuePlacement.Spot> placeClear(CellType cell, DiagramLayout d, double font,
                                                               Map<String, List<Double>> widths,
                                                               List<String> problems) {
        Map<String, ValuePlacement.Spot> spots = placement(d).place(widths, ValuePlacement.height(font));
        assertEquals(widths.keySet(), spots.keySet());
        Map<String, ValuePlacement.Box> boxes = new LinkedHashMap<>();
        spots.forEach((id, s) -> {
            boxes.put(id, s.box());
            if (s.plate()) {
                problems.add(where(cell, font) + id + " needs a plate");
            }
            assertEquals(ValuePlacement.height(font), s.box().bottom() - s.box().top(), 1e-9);
            assertEquals(widths.get(id).get(s.shorter()), s.box().right() - s.box().left(), 1e-9,
                    "the box is as wide as the text it holds");
        });
        problems.addAll(collisions(d, boxes, where(cell, font), CIRCLE_ROOM));
        return spots;
    }

    /**
     * Numbers wider than the drawing has room for (−1.234e−10 at 26 px, 1024 × 768 outside a lesson, or 400 px)
     * still get a place each, on a plate that hides what lies under it where the place is not clear.
     */
    @Test
    void numbersTooWideForTheRoomGetAPlate() {
        for (CellType cell : CellType.values()) {
            DiagramLayout d = DiagramLayout.of(cell, true);
            double font = DiagramFit.PRESENTER_NUMBER / DiagramFit.PRESENTER_ROOMY;
            Map<String, List<Double>> widths = widths(d, font, 10);
            Map<String, ValuePlacement.Spot> spots = placement(d).place(widths, ValuePlacement.height(font));
            assertEquals(widths.keySet(), spots.keySet());
            ValuePlacement p = placement(d);
            spots.values().forEach(s -> assertTrue(s.plate() || p.clear(s.box()), cell + ": " + s));
        }
        DiagramLayout d = DiagramLayout.of(CellType.LSTM, true);
        Map<String, List<Double>> widths = new LinkedHashMap<>();
        for (DiagramLayout.Node n : d.nodes) {
            if (n.symbol() != null) {
                widths.put(n.id(), List.of(400.0, 300.0));
            }
        }
        Map<String, ValuePlacement.Spot> spots = placement(d).place(widths, 30);
        assertEquals(widths.keySet(), spots.keySet());
        assertTrue(spots.values().stream().anyMatch(ValuePlacement.Spot::plate));
        spots.values().stream().filter(ValuePlacement.Spot::plate).forEach(s -> assertEquals(1, s.shorter(),
                "a value on a plate is at its shortest: " + s));
    }

    /**
     * Long values (−4.239e−6, 9 characters, as a gradient at 1024 × 768; a digit shorter −4.24e−6, two −4.2e−6)
     * offered at their full width and shorter: at every size presenter mode's numbers take, (a) still no number
     * crosses anything or goes on a plate, and (b) only a number that does not fit where it goes is shortened: each
     * value that lost a digit finds no place a digit wider that is clear ({@link ValuePlacement#clear}, the rule it
     * was placed by) and meets no other value, and the values that fit in full keep it. Where the drawing is large,
     * none is shortened; at 1024 × 768, not all (every value lost a digit when one had to).
     */
    @Test
    void onlyAValueThatDoesNotFitLosesADigit() {
        List<String> problems = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            DiagramLayout d = DiagramLayout.of(cell, true);
            for (double[] size : SIZES) {
                double font = size[0];
                double height = ValuePlacement.height(font);
                Map<String, List<Double>> widths = widths(d, font, 9, 8, 7);
                Map<String, ValuePlacement.Spot> spots = placeClear(cell, d, font, widths, problems);
                ValuePlacement p = placement(d);
                long shortened = spots.values().stream().filter(s -> s.shorter() > 0).count();
                if (font <= 22) {
                    assertEquals(0, shortened, where(cell, font) + "room for every value in full: " + spots);
                }
                if (font == DiagramFit.PRESENTER_NUMBER / DiagramFit.PRESENTER_SMALLEST) {
                    assertTrue(shortened < spots.size(), where(cell, font) + "not every value is shortened");
                }
                spots.forEach((id, s) -> {
                    if (s.shorter() > 0) {
                        int wider = s.shorter() - 1;
                        for (ValuePlacement.Spot t : p.tries(d.node(id), widths.get(id).get(wider), height, wider)) {
                            boolean free = spots.entrySet().stream().noneMatch(o -> !o.getKey().equals(id)
                                    && o.getValue().box().meets(t.box()));
                            if (p.clear(t.box()) && free) {
                                problems.add(where(cell, font) + id + " lost a digit, though " + t + " was free");
                            }
                        }
                    }
                });
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /**
     * Outside presenter mode, at the style sheet's size and at the largest a shrunk diagram gives its numbers
     * (beside a lesson at 1024 × 768), with the widest numbers: what {@link DiagramNumbers} writes, where it
     * writes it, crosses nothing either.
     */
    @Test
    void theUsualDrawingsNumbersCrossNothing() {
        List<String> problems = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            DiagramLayout d = DiagramLayout.of(cell);
            for (boolean backward : new boolean[] {false, true}) {
                for (double font : new double[] {DiagramFit.STYLE_NUMBER, DiagramFit.number(0.8),
                    DiagramFit.number(DiagramFit.SMALLEST)}) {
                    Map<String, Double> values = new LinkedHashMap<>();
                    for (DiagramLayout.Node n : d.nodes) {
                        values.put(n.id(), (backward ? n.gradient() : n.symbol()) == null ? null : -1.234e-10);
                    }
                    Map<String, ValuePlacement.Box> boxes = new LinkedHashMap<>();
                    DiagramNumbers.texts(d, values, font, ADVANCE).forEach((id, text) -> {
                        if (!text.isEmpty()) {
                            double[] b = DiagramNumbers.box(DiagramLayout.anchor(d.node(id), font), text, font,
                                    ADVANCE);
                            double baseline = b[3] - 0.25 * font;  // DiagramNumbers' line: 0.8 up, 0.25 down
                            boxes.put(id, new ValuePlacement.Box(b[0], baseline - DiagramLayout.DIGITS * font,
                                    b[2], baseline));
                        }
                    });
                    assertTrue(boxes.size() >= 3, cell + ": " + boxes.size() + " numbers written");
                    String where = where(cell, font) + (backward ? "backward, " : "forward, ");
                    problems.addAll(collisions(d, boxes, where, 0));
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private static String where(CellType cell, double font) {
        return String.format(Locale.ROOT, "%s at %.1f px: ", cell, font);
    }

    /** What each box meets: a wire, a box, a circle, a state's name, another box, the drawing's edge. */
    private static List<String> collisions(DiagramLayout d, Map<String, ValuePlacement.Box> boxes, String where,
                                           double circleRoom) {
        List<String> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(boxes.keySet());
        for (int a = 0; a < ids.size(); a++) {
            ValuePlacement.Box b = boxes.get(ids.get(a));
            String what = where + ids.get(a) + " " + b;
            if (b.left() < 10 || b.top() < 15 || b.right() > d.width() || b.bottom() > d.height() - 5) {
                out.add(what + " leaves the drawing");
            }
            for (DiagramLayout.Wire w : d.wires) {
                double[] p = d.path(w);
                for (int j = 0; j + 3 < p.length; j += 2) {
                    assertTrue(p[j] == p[j + 2] || p[j + 1] == p[j + 3], "the wires run straight across or up");
                    if (overlap(b, Math.min(p[j], p[j + 2]) - HALF_WIRE, Math.min(p[j + 1], p[j + 3]) - HALF_WIRE,
                            Math.max(p[j], p[j + 2]) + HALF_WIRE, Math.max(p[j + 1], p[j + 3]) + HALF_WIRE)) {
                        out.add(what + " crosses the wire " + w.from() + " → " + w.to());
                    }
                }
            }
            for (DiagramLayout.Node n : d.nodes) {
                switch (n.kind()) {
                    case GATE -> {
                        if (overlap(b, n.x() - d.halfWidth(n), n.y() - d.halfHeight(), n.x() + d.halfWidth(n),
                                n.y() + d.halfHeight())) {
                            out.add(what + " covers the box of " + n.id());
                        }
                    }
                    case OP -> {
                        double nx = Math.max(b.left(), Math.min(n.x(), b.right()));
                        double ny = Math.max(b.top(), Math.min(n.y(), b.bottom()));
                        if (Math.hypot(nx - n.x(), ny - n.y()) < radius(d, n) + circleRoom) {
                            out.add(what + " covers the circle of " + n.id());
                        }
                    }
                    case STATE -> {
                        ValuePlacement.Box s = name(d, n);
                        if (overlap(b, s.left(), s.top(), s.right(), s.bottom())) {
                            out.add(what + " covers the name of " + n.id());
                        }
                    }
                }
            }
            for (int c = a + 1; c < ids.size(); c++) {
                ValuePlacement.Box o = boxes.get(ids.get(c));
                if (overlap(b, o.left(), o.top(), o.right(), o.bottom())) {
                    out.add(what + " meets " + ids.get(c) + "'s number " + o);
                }
            }
        }
        return out;
    }

    private static boolean overlap(ValuePlacement.Box b, double left, double top, double right, double bottom) {
        return b.left() < right && left < b.right() && b.top() < bottom && top < b.bottom();
    }
}
