package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.CellType;

/**
 * Where the parts of a cell diagram sit (in a 560 × 300 box, a larger one in presenter mode) and which equation each
 * wire belongs to: the classic LSTM picture with the cell-state belt on top and the gates under it, the GRU with the
 * hidden-state belt on top, and the simple RNN. Pure data, drawn by {@link CellDiagram}.
 */
final class DiagramLayout {

    enum Kind { STATE, GATE, OP }

    /**
     * @param label    the part's name as LaTeX ({@code h_{t-1}}, {@code \sigma\;\; f_t}, {@code \times}), drawn as
     *                 mathematics
     * @param symbol   the trace symbol shown (forward), or null
     * @param gradient the trace symbol shown in backward mode, or null
     */
    record Node(String id, Kind kind, String label, String symbol, String gradient, double x, double y) {
    }

    record Wire(String from, String to, String equation) {
    }

    /** The height of the drawing; in presenter mode with room under the lowest input for its value. */
    static final double HEIGHT = 310;
    static final double PRESENTER_HEIGHT = 349;
    /** The input's line: in presenter mode lower, so that the value of h_{t−1} fits between it and x_t's name. */
    static final double INPUT_Y = 285;
    static final double PRESENTER_INPUT_Y = 303;
    /** The previous hidden state's line. */
    static final double H_PREV_Y = 235;
    /**
     * The size the parts' names are drawn at, in the drawing's pixels. Presenter mode's are as large as its numbers
     * (24 px on the screen while the drawing is about its own size, 20 px at its smallest, 0.8): they were 15 px,
     * and beside numbers of 24 px the gates' names read about 10 px high from the back of the room.
     */
    static final float LABEL_SIZE = 15f;
    static final float PRESENTER_LABEL_SIZE = 25f;
    /** Half a gate's box up in presenter mode, around a name of {@link #PRESENTER_LABEL_SIZE}. */
    static final double PRESENTER_GATE_HALF_HEIGHT = 20;
    /**
     * How much wider the drawing is in presenter mode: room right of the outputs' lines and names for their values,
     * 7 characters at 30 px ({@link ValuePlacement}; under h_t's line the value of o_t reaches out). Beside a lesson
     * at 1024 × 768 the drawing must fit in 629 px at 0.8.
     */
    static final double PRESENTER_EXTRA_WIDTH = 112;
    /** Half a gate's box, across and up (the boxes are 64 × 36). */
    static final double GATE_HALF_WIDTH = 32;
    static final double GATE_HALF_HEIGHT = 18;
    /**
     * Presenter mode's gates' half widths: around a name of {@link #PRESENTER_LABEL_SIZE} px ({@code σ  f_t},
     * {@code tanh  g_t}, {@code ReLU  h_t}: 59, 99 and 111 px wide, blank edges included) and a margin.
     */
    static final double SIGMA_HALF = 34;
    static final double TANH_HALF = 56;
    static final double RELU_HALF = 60;
    /** The room between two gates' boxes in presenter mode. */
    private static final double GAP = 10;
    /** The radius of an operation's circle around a label {@code w} wide. */
    static double opRadius(double w) {
        return Math.max(13, w / 2 + 5);
    }

    final List<Node> nodes = new ArrayList<>();
    /** Whether this is presenter mode's drawing ({@link #of(CellType, boolean)}). */
    final boolean presenting;
    /** Presenter mode's half widths of the gates' boxes, by node id: as wide as their names, and a margin. */
    private final java.util.Map<String, Double> halfWidths = new java.util.HashMap<>();
    /**
     * How much lower the inputs' lines (and the drawing's bottom) are in presenter mode: the values under the gates
     * (30 px of the drawing's own at most, {@link ValuePlacement}) fit between the boxes and h_{t−1}'s line.
     */
    static final double PRESENTER_DROP = 7;
    /**
     * How far apart presenter mode puts the wires through two gates whose values share the room between them, one
     * over the boxes and one under them (the LSTM's i_t and g_t, the GRU's n_t and z_t): a value of four decimals
     * at presenter mode's largest size (7 characters at 30 px, 126 px, with its white edge, {@link ValuePlacement})
     * and the room a wire leaves on either side. Wider numbers fit while the drawing is large enough that they are
     * drawn smaller (up to 10 characters at 20 px); else they go elsewhere or on a plate.
     */
    static final double VALUE_ROOM = 140;
    private final double drop;

    private DiagramLayout(boolean presenting) {
        this.presenting = presenting;
        this.drop = presenting ? PRESENTER_DROP : 0;
    }

    /** The width of the drawing: the rightmost part plus a margin (in presenter mode, and room for its value). */
    double width() {
        return nodes.stream().mapToDouble(Node::x).max().orElse(500) + 40 + (presenting ? PRESENTER_EXTRA_WIDTH : 0);
    }

    double height() {
        return presenting ? PRESENTER_HEIGHT + drop : HEIGHT;
    }

    /** The size the parts' names are drawn at, in the drawing's pixels. */
    float labelSize() {
        return presenting ? PRESENTER_LABEL_SIZE : LABEL_SIZE;
    }

    /** Half the width of gate {@code n}'s box. */
    double halfWidth(Node n) {
        return presenting ? halfWidths.getOrDefault(n.id(), GATE_HALF_WIDTH) : GATE_HALF_WIDTH;
    }

    /** Half the height of a gate's box. */
    double halfHeight() {
        return presenting ? PRESENTER_GATE_HALF_HEIGHT : GATE_HALF_HEIGHT;
    }

    /** How a value's text lines up with its anchor outside presenter mode. */
    enum Align { LEFT, CENTRE, RIGHT }

    /**
     * Where a value is written outside presenter mode: {@code x} its left edge, centre or right edge; a centred one
     * never starts left of {@code least} (a gate's, right of the wire that comes into its box).
     */
    record Anchor(double x, double baseline, Align align, double least) {
        Anchor(double x, double baseline, Align align) {
            this(x, baseline, align, Double.NEGATIVE_INFINITY);
        }
    }

    /**
     * How far right of a gate's box's left edge the inputs' wire comes in outside presenter mode: through the box's
     * middle it ran through the number under the box.
     */
    static final double WIRE_INSET = 8;
    /**
     * The room a number keeps from a wire's middle outside presenter mode, in the drawing's pixels: half a lit wire
     * (4 px), the 2 px between them that DiagramGapsUiTest asks for, and 1 for the edges' smoothing.
     */
    static final double WIRE_ROOM = 5;
    /** The height of the values' digits over their baseline, in font sizes (DejaVu Sans Mono's, 0.73). */
    static final double DIGITS = 0.73;

    /**
     * Where the value of {@code n} is written outside presenter mode, at {@code font} px: under a gate, centred but
     * right of the inputs' wire ({@link #WIRE_INSET}); left of tanh(c_t)'s circle, level with its middle (under it
     * the wire down to o_t ⊙ tanh(c_t) ran through it); under a state's line from its start, or ending at its end on
     * the right, {@link #WIRE_ROOM} clear of the lit line at any size. The output h_t's is on the gates' line, under
     * the circle (or box) that its line comes from: beside the line, a number of a diagram shrunk beside a lesson,
     * written larger in the drawing's pixels, ran into the circle of o_t ⊙ tanh(c_t) (the GRU's sum).
     */
    static Anchor anchor(Node n, double font) {
        double underLine = n.y() + WIRE_ROOM + DIGITS * font;
        return switch (n.kind()) {
            case GATE -> new Anchor(n.x(), n.y() + 34, Align.CENTRE, n.x() - GATE_HALF_WIDTH + WIRE_INSET + WIRE_ROOM);
            case OP -> new Anchor(n.x() - OP_VALUE_OFFSET, n.y() + DIGITS * font / 2, Align.RIGHT);
            case STATE -> n.x() <= 300 ? new Anchor(n.x() - 24, underLine, Align.LEFT)
                    : new Anchor(n.x() + 28, n.id().equals("h") ? n.y() + 34 : underLine, Align.RIGHT);
        };
    }

    /**
     * How far left of an operation's centre its value ends outside presenter mode: tanh's radius (about 19 px) and
     * the 8 px presenter mode leaves right of it ({@link #CLEAR}), and a little for the last glyph's side bearing.
     */
    static final double OP_VALUE_OFFSET = 31;

    /**
     * The corners of wire {@code w}, as x, y pairs from its start to its end: inputs from the left run along their
     * bus first, then up into the gate (outside presenter mode {@link #WIRE_INSET} right of its box's left edge);
     * parts below their target go up first, then across.
     */
    double[] path(Wire w) {
        Node a = node(w.from());
        Node b = node(w.to());
        double bx = !presenting && b.kind() == Kind.GATE && a.kind() == Kind.STATE
                ? b.x() - GATE_HALF_WIDTH + WIRE_INSET : b.x();
        if (a.x() == bx || a.y() == b.y()) {
            return new double[] {a.x(), a.y(), bx, b.y()};
        }
        boolean upFirst = a.kind() != Kind.STATE && a.y() > b.y();
        return upFirst ? new double[] {a.x(), a.y(), a.x(), b.y(), bx, b.y()}
                : new double[] {a.x(), a.y(), bx, a.y(), bx, b.y()};
    }

    final List<Wire> wires = new ArrayList<>();

    Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private void n(String id, Kind k, String label, String symbol, String gradient, double x, double y) {
        nodes.add(new Node(id, k, label, symbol, gradient, x, y));
    }

    /**
     * A part at {@code x} in the usual drawing, at {@code wide} in presenter mode's (its gates spread for their larger
     * names); a gate's box there {@code half} wide on either side.
     */
    private void n(String id, Kind k, String label, String symbol, String gradient, double x, double wide, double y,
                   double half) {
        n(id, k, label, symbol, gradient, presenting ? wide : x, y);
        if (k == Kind.GATE) {
            halfWidths.put(id, half);
        }
    }

    private void n(String id, Kind k, String label, String symbol, String gradient, double x, double wide, double y) {
        n(id, k, label, symbol, gradient, x, wide, y, GATE_HALF_WIDTH);
    }

    private void w(String from, String to, String eq) {
        wires.add(new Wire(from, to, eq));
    }

    /** The id of the cell's forward equation that writes {@code symbol} (the tutorial's cells change some). */
    private static String forwardId(CellType cell, String symbol) {
        return org.lstmlab.engine.trace.EquationCatalogue.forward(cell).stream()
                .filter(e -> e.output().equals(symbol)).findFirst().orElseThrow().id();
    }

    /**
     * What a backward equation's gradient differentiates through, by its output: the forward equation it goes back
     * along (δc_t and δa_o go back through h_t = o_t ⊙ tanh(c_t), δa_f, δa_i, δa_g and δc_{t−1} through the cell
     * state's sum, the GRU's δn_t and δz_t through its h_t, δr_t through its candidate).
     */
    private static final java.util.Map<String, String> BACK_ALONG = java.util.Map.of("da_o", "h", "dc", "h",
            "da_f", "c", "da_i", "c", "da_g", "c", "dc_prev", "c", "dn", "h", "dz", "h", "dr", "n", "da", "h");

    /**
     * The equation whose wires the diagram lights for {@code equation} of {@code cell}: a forward equation its own;
     * a backward one the forward equation its gradient goes back along ({@link #BACK_ALONG}), so that its wires
     * light and their dots run from the result back to the inputs; "" for one whose work stays inside a box (δa_z =
     * δz_t ⊙ z_t(1 − z_t)) or spreads over every gate's inputs (δh_{t−1}, δx_t).
     */
    static String wiresOf(CellType cell, String equation) {
        var back = org.lstmlab.engine.trace.EquationCatalogue.backward(cell).stream()
                .filter(e -> e.id().equals(equation)).findFirst();
        if (back.isEmpty()) {
            return equation;
        }
        String along = BACK_ALONG.get(back.get().output());
        return along == null ? "" : forwardId(cell, along);
    }

    static DiagramLayout of(CellType cell) {
        return of(cell, false);
    }

    /** The drawing of a cell; in presenter mode with room for large values ({@link #place}). */
    static DiagramLayout of(CellType cell, boolean presenting) {
        DiagramLayout d = new DiagramLayout(presenting);
        String id = cell.id();
        d.n("x", Kind.STATE, "x_t", "x", "dx", 40, (presenting ? PRESENTER_INPUT_Y : INPUT_Y) + d.drop);
        d.n("h_prev", Kind.STATE, "h_{t-1}", "h_prev", "dh_prev", 40, H_PREV_Y + d.drop);
        if (cell.hasCellState()) {
            d.n("c_prev", Kind.STATE, "c_{t-1}", "c_prev", "dc_prev", 40, 50);
            // presenter mode: the boxes 10 px apart but i and g, whose values share the room between them (i's under
            // the boxes, g's over them), the circle of i · g between i and g, the
            // outputs just right of the circles, f's circle right of c_{t-1}'s number
            boolean tanhInput = cell == CellType.LSTM_TANH_INPUT;
            double hi = tanhInput ? TANH_HALF : SIGMA_HALF;
            double fx = 180;
            double ix = fx + SIGMA_HALF + GAP + hi;
            double gx = presenting ? ix + VALUE_ROOM : ix + hi + GAP + TANH_HALF;
            double ox = gx + TANH_HALF + GAP + SIGMA_HALF;
            double out = ox + SIGMA_HALF + GAP + 21;  // the circle of o · tanh(c), about 21 px in radius
            d.n("f", Kind.GATE, "\\sigma\\;\\; f_t", "f", "da_f", 160, fx, 185, SIGMA_HALF);
            d.n("i", Kind.GATE, tanhInput ? "\\tanh\\;\\; i_t" : "\\sigma\\;\\; i_t", "i", "da_i", 240, ix, 185, hi);
            d.n("g", Kind.GATE, "\\tanh\\;\\; g_t", "g", "da_g", 320, gx, 185, TANH_HALF);
            d.n("o", Kind.GATE, "\\sigma\\;\\; o_t", "o", "da_o", 410, ox, 185, SIGMA_HALF);
            d.n("mulF", Kind.OP, "\\times", null, null, 160, fx, 50);
            d.n("mulIG", Kind.OP, "\\times", null, null, 280, (ix + gx) / 2, presenting ? 105 : 120);
            d.n("add", Kind.OP, "+", null, null, 280, (ix + gx) / 2, 50);
            d.n("tanhC", Kind.OP, "\\tanh", "tanh_c", null, 470, out, 110);
            d.n("mulO", Kind.OP, "\\times", null, null, 470, out, 185);
            d.n("c", Kind.STATE, "c_t", "c", "dc", 530, out + 50, 50);
            d.n("h", Kind.STATE, "h_t", "h", "dh", 540, out + 55, 185);
            for (String g : cell.gates()) {
                d.w("h_prev", g, forwardId(cell, g));
                d.w("x", g, forwardId(cell, g));
            }
            for (String[] e : new String[][] {{"c_prev", "mulF"}, {"f", "mulF"}, {"i", "mulIG"}, {"g", "mulIG"},
                    {"mulIG", "add"}, {"mulF", "add"}, {"add", "c"}}) {
                d.w(e[0], e[1], forwardId(cell, "c"));
            }
            for (String[] e : new String[][] {{"c", "tanhC"}, {"tanhC", "mulO"}, {"o", "mulO"}, {"mulO", "h"}}) {
                d.w(e[0], e[1], "lstm.h");
            }
        } else if (cell.isGru()) {
            double top = presenting ? 56 : 50;  // presenter mode: h_{t-1}'s larger name under the frame
            // presenter mode: r's number over its box, r right of h_{t-1}'s number (x_t's wire up to r ran
            // through it), the boxes 10 px apart but n and z, whose values share the room between them
            // (n's under the boxes, z's over them)
            double zx = 270 + VALUE_ROOM;
            double right = zx - 360;  // how much further right presenter mode's parts from z on are
            d.n("r", Kind.GATE, "\\sigma\\;\\; r_t", "r", "da_r", 130, 170, 185, SIGMA_HALF);
            d.n("n", Kind.GATE, "\\tanh\\;\\; n_t", "n", "da_n", 225, 270, 185, TANH_HALF);
            d.n("z", Kind.GATE, "\\sigma\\;\\; z_t", "z", "da_z", 330, zx, 185, SIGMA_HALF);
            d.n("belt", Kind.STATE, "h_{t-1}", "h_prev", "dh_prev", 40, 40, top);
            d.n("mulZ", Kind.OP, "\\times", null, null, 330, zx, top);
            d.n("oneMinus", Kind.OP, "1-", null, null, 400, 435 + right, 140);
            d.n("mulN", Kind.OP, "\\times", null, null, 460, 500 + right, 110);
            d.n("add", Kind.OP, "+", null, null, 460, 500 + right, top);
            d.n("h", Kind.STATE, "h_t", "h", "dh", 540, 550 + right, top);
            for (String g : cell.gates()) {
                d.w("h_prev", g, forwardId(cell, g));
                d.w("x", g, forwardId(cell, g));
            }
            d.w("r", "n", forwardId(cell, "n"));
            for (String[] e : new String[][] {{"belt", "mulZ"}, {"z", "mulZ"}, {"z", "oneMinus"},
                    {"oneMinus", "mulN"}, {"n", "mulN"}, {"mulN", "add"}, {"mulZ", "add"}, {"add", "h"}}) {
                d.w(e[0], e[1], "gru.h");
            }
        } else {
            String act = cell == CellType.RNN_TANH ? "\\tanh" : "\\mathrm{ReLU}";
            d.n("a", Kind.GATE, act + "\\;\\; h_t", "h", "da", 200, 200, 185,
                    cell == CellType.RNN_TANH ? TANH_HALF : RELU_HALF);
            d.n("h", Kind.STATE, "h_t", "h", "dh", 330, 355, 185);
            d.w("h_prev", "a", id + ".h");
            d.w("x", "a", id + ".h");
            d.w("a", "h", id + ".h");
        }
        return d;
    }
}
