package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;

/**
 * Presenter mode's values in the diagram at their largest (30 px of the drawing's own, when it is shrunk to 0.8 so
 * that they are still 24 px on the screen): the digits of none cover another value's, a gate's box, an operation's
 * circle or a state's name, and all stay inside the drawing; numbers in scientific notation too, as long as the
 * diagram has room (down to 0.92).
 */
class DiagramLayoutTest {
    /** The largest font presenter mode gives the values, in the drawing's own pixels. */
    private static final double FONT = 24 / DiagramFit.PRESENTER_SMALLEST;
    /** The largest font while the diagram has room, when the values may be in scientific notation. */
    private static final double ROOMY_FONT = 24 / DiagramFit.PRESENTER_ROOMY;
    /**
     * DejaVu Sans Mono's advance, ascent, descent and digits' height as fractions of the font size (a line of text is
     * ascent + descent high; the digits stand on the baseline).
     */
    private static final double ADVANCE = 0.602;
    private static final double ASCENT = 0.928;
    private static final double DESCENT = 0.236;
    private static final double DIGITS = 0.729;
    /** "-0.0600": a negative number at four decimals, the widest of the usual ones; "-1.234e-05", the widest. */
    private static final int CHARS = 7;
    private static final int WIDEST = 10;

    /** The box a value {@code w} wide and {@code h} high takes at a place: {minX, minY, maxX, maxY}. */
    private static double[] box(DiagramLayout.Place p, double w, double h) {
        double left = p.centred() ? p.x() - w / 2 : p.x();
        double top = switch (p.hangs()) {
            case BELOW -> p.y();
            case ABOVE -> p.y() - h;
            case BESIDE -> p.y() - h / 2;
        };
        return new double[] {left, top, left + w, top + h};
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    /** The boxes, circles (as squares) and state names a value must leave free. */
    private static List<double[]> parts(DiagramLayout d) {
        List<double[]> out = new ArrayList<>();
        for (DiagramLayout.Node n : d.nodes) {
            switch (n.kind()) {
                case GATE -> out.add(new double[] {n.x() - d.halfWidth(n), n.y() - d.halfHeight(),
                    n.x() + d.halfWidth(n), n.y() + d.halfHeight()});
                case OP -> {
                    double r = radius(d, n);
                    out.add(new double[] {n.x() - r, n.y() - r, n.x() + r, n.y() + r});
                }
                // a state's name over its line's start: h_{t-1}, the widest, is about 2.3 letters wide
                case STATE -> out.add(new double[] {n.x() - 20, n.y() - 4 - STATE_HIGH * d.labelSize(),
                    n.x() - 20 + STATE_WIDE * d.labelSize(), n.y() - 4});
            }
        }
        return out;
    }

    /** A state's name's height and width (h_{t−1}'s, the widest), in letter sizes. */
    private static final double STATE_HIGH = 1.45;
    private static final double STATE_WIDE = 2.3;

    /** An operation's circle: the tanh's label is about 2 letter sizes wide, the others' under one. */
    private static double radius(DiagramLayout d, DiagramLayout.Node n) {
        return DiagramLayout.opRadius((n.label().equals("\\tanh") ? 2 : 0.95) * d.labelSize());
    }

    private static List<double[]> values(DiagramLayout d, boolean backward, int chars, double font) {
        List<double[]> out = new ArrayList<>();
        for (DiagramLayout.Node n : d.nodes) {
            if ((backward ? n.gradient() : n.symbol()) != null) {
                double[] line = box(d.place(n, radius(d, n)), chars * ADVANCE * font, (ASCENT + DESCENT) * font);
                double baseline = line[1] + ASCENT * font;
                out.add(new double[] {line[0], baseline - DIGITS * font, line[2], baseline});
            }
        }
        return out;
    }

    @Test
    void largeValuesMeetNothingAndStayInsideTheDrawing() {
        check(CHARS, FONT);
    }

    @Test
    void soDoTheWidestWhileTheDiagramHasRoom() {
        check(WIDEST, ROOMY_FONT);
    }

    private static void check(int chars, double font) {
        for (CellType cell : CellType.values()) {
            DiagramLayout d = DiagramLayout.of(cell, true);
            for (boolean backward : new boolean[] {false, true}) {
                List<double[]> values = values(d, backward, chars, font);
                for (int a = 0; a < values.size(); a++) {
                    double[] v = values.get(a);
                    String where = cell + (backward ? " backward" : " forward") + ", value " + a + " (" + chars
                            + " characters at " + font + " px)";
                    assertTrue(v[0] >= 0 && v[1] >= 0 && v[2] <= d.width()
                            && v[3] <= d.height(), where + " leaves the drawing: "
                            + java.util.Arrays.toString(v));
                    for (int b = a + 1; b < values.size(); b++) {
                        assertFalse(overlap(v, values.get(b)), where + " meets value " + b);
                    }
                    for (double[] p : parts(d)) {
                        assertFalse(overlap(v, p), where + " covers a part at " + java.util.Arrays.toString(p));
                    }
                }
            }
        }
    }

    @Test
    void neighbouringGatesPutTheirValuesOnOppositeSides() {
        for (CellType cell : CellType.values()) {
            List<DiagramLayout.Node> gates = DiagramLayout.of(cell).nodes.stream()
                    .filter(n -> n.kind() == DiagramLayout.Kind.GATE)
                    .sorted(java.util.Comparator.comparingDouble(DiagramLayout.Node::x)).toList();
            DiagramLayout d = DiagramLayout.of(cell);
            for (int k = 1; k < gates.size(); k++) {
                assertTrue(d.raised.contains(gates.get(k).id()) != d.raised.contains(gates.get(k - 1).id()),
                        cell + ": " + gates.get(k - 1).id() + " and " + gates.get(k).id());
            }
        }
    }

    /**
     * Backward mode lit no wire at all: each backward equation now lights the wires of the forward equation its
     * gradient goes back along, or none where its work stays inside a box or spreads over every gate's inputs.
     */
    @Test
    void backwardEquationsLightTheWiresTheirGradientGoesBackAlong() {
        assertEquals("lstm.h", DiagramLayout.wiresOf(CellType.LSTM, "lstm.dc"));
        assertEquals("lstm.h", DiagramLayout.wiresOf(CellType.LSTM, "lstm.da_o"));
        assertEquals("lstm.c", DiagramLayout.wiresOf(CellType.LSTM, "lstm.da_f"));
        assertEquals("lstm.c", DiagramLayout.wiresOf(CellType.LSTM, "lstm.dc_prev"));
        assertEquals("gru.h", DiagramLayout.wiresOf(CellType.GRU, "gru.dz"));
        assertEquals("gru.n", DiagramLayout.wiresOf(CellType.GRU, "gru.dr"));
        assertEquals("", DiagramLayout.wiresOf(CellType.GRU, "gru.da_z"), "inside the z box");
        assertEquals("", DiagramLayout.wiresOf(CellType.LSTM, "lstm.dh_prev"), "every gate's inputs");
        assertEquals("lstm.f", DiagramLayout.wiresOf(CellType.LSTM, "lstm.f"), "forward: its own wires");
        for (CellType cell : CellType.values()) {
            DiagramLayout d = DiagramLayout.of(cell);
            int lit = 0;
            for (Equation e : EquationCatalogue.backward(cell)) {
                String w = DiagramLayout.wiresOf(cell, e.id());
                assertTrue(w.isEmpty() || d.wires.stream().anyMatch(x -> x.equation().equals(w)),
                        cell + " " + e.id() + " lights " + w + ", which has no wire in the drawing");
                lit += w.isEmpty() ? 0 : 1;
            }
            assertTrue(lit >= (cell.hasCellState() ? 6 : 1), cell + ": " + lit + " backward equations light wires");
        }
    }
}
