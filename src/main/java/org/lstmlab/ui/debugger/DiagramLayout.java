package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.CellType;

/**
 * Where the parts of a cell diagram sit (in a 560 × 300 box) and which equation each wire belongs to: the classic
 * LSTM picture with the cell-state belt on top and the gates under it, the GRU with the hidden-state belt on top, and
 * the simple RNN. Pure data, drawn by {@link CellDiagram}.
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

    final List<Node> nodes = new ArrayList<>();

    /** The width of the drawing: the rightmost part plus a margin. */
    double width() {
        return nodes.stream().mapToDouble(Node::x).max().orElse(500) + 40;
    }
    final List<Wire> wires = new ArrayList<>();

    Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private void n(String id, Kind k, String label, String symbol, String gradient, double x, double y) {
        nodes.add(new Node(id, k, label, symbol, gradient, x, y));
    }

    private void w(String from, String to, String eq) {
        wires.add(new Wire(from, to, eq));
    }

    /** The id of the cell's forward equation that writes {@code symbol} (the tutorial's cells change some). */
    private static String forwardId(CellType cell, String symbol) {
        return org.lstmlab.engine.trace.EquationCatalogue.forward(cell).stream()
                .filter(e -> e.output().equals(symbol)).findFirst().orElseThrow().id();
    }

    static DiagramLayout of(CellType cell) {
        DiagramLayout d = new DiagramLayout();
        String id = cell.id();
        d.n("x", Kind.STATE, "x_t", "x", "dx", 40, 285);
        d.n("h_prev", Kind.STATE, "h_{t-1}", "h_prev", "dh_prev", 40, 235);
        if (cell.hasCellState()) {
            d.n("c_prev", Kind.STATE, "c_{t-1}", "c_prev", "dc_prev", 40, 50);
            d.n("f", Kind.GATE, "\\sigma\\;\\; f_t", "f", "da_f", 160, 185);
            d.n("i", Kind.GATE, cell == CellType.LSTM_TANH_INPUT ? "\\tanh\\;\\; i_t" : "\\sigma\\;\\; i_t", "i",
                    "da_i", 240, 185);
            d.n("g", Kind.GATE, "\\tanh\\;\\; g_t", "g", "da_g", 320, 185);
            d.n("o", Kind.GATE, "\\sigma\\;\\; o_t", "o", "da_o", 410, 185);
            d.n("mulF", Kind.OP, "\\times", null, null, 160, 50);
            d.n("mulIG", Kind.OP, "\\times", null, null, 280, 120);
            d.n("add", Kind.OP, "+", null, null, 280, 50);
            d.n("tanhC", Kind.OP, "\\tanh", "tanh_c", null, 470, 110);
            d.n("mulO", Kind.OP, "\\times", null, null, 470, 185);
            d.n("c", Kind.STATE, "c_t", "c", "dc", 530, 50);
            d.n("h", Kind.STATE, "h_t", "h", "dh", 540, 185);
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
            d.n("r", Kind.GATE, "\\sigma\\;\\; r_t", "r", "da_r", 130, 185);
            d.n("n", Kind.GATE, "\\tanh\\;\\; n_t", "n", "da_n", 225, 185);
            d.n("z", Kind.GATE, "\\sigma\\;\\; z_t", "z", "da_z", 330, 185);
            d.n("belt", Kind.STATE, "h_{t-1}", "h_prev", "dh_prev", 40, 50);
            d.n("mulZ", Kind.OP, "\\times", null, null, 330, 50);
            d.n("oneMinus", Kind.OP, "1-", null, null, 400, 140);
            d.n("mulN", Kind.OP, "\\times", null, null, 460, 110);
            d.n("add", Kind.OP, "+", null, null, 460, 50);
            d.n("h", Kind.STATE, "h_t", "h", "dh", 540, 50);
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
            d.n("a", Kind.GATE, act + "\\;\\; h_t", "h", "da", 200, 185);
            d.n("h", Kind.STATE, "h_t", "h", "dh", 330, 185);
            d.w("h_prev", "a", id + ".h");
            d.w("x", "a", id + ".h");
            d.w("a", "h", id + ".h");
        }
        return d;
    }
}
