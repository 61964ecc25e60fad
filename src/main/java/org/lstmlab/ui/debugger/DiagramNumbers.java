package org.lstmlab.ui.debugger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cell diagram writes for each part outside presenter mode. Its numbers are never drawn smaller than
 * {@link DiagramFit#NUMBER} px on the screen, so a diagram shrunk beside a lesson writes them larger in its own
 * pixels, and two neighbours could meet (the LSTM's gates are 80 px apart). Where two would meet, the less important
 * is written with fewer digits ({@link Numbers#brief}), then the other; if they still meet, the less important is
 * left out (its part's tooltip still says it). A number that would come onto a wire ({@link DiagramLayout#WIRE_ROOM})
 * is written shorter, then left out, whatever its rank. Pure logic: the caller measures the font.
 */
final class DiagramNumbers {
    /** How many digits a number may lose: three (two of a fixed one, {@link Numbers#brief}), then it is left out. */
    private static final int SHORTEST = 3;
    private static final int LEFT_OUT = SHORTEST + 1;
    /** A text's height over its baseline and under it, in font sizes. */
    private static final double ASCENT = 0.8;
    private static final double DESCENT = 0.25;
    /** The least room between two numbers on a line, in characters. */
    private static final double GAP = 0.5;

    private DiagramNumbers() {
    }

    /**
     * How much a part's number matters, higher first: the outputs h_t and c_t, then the gates, then the inputs,
     * then an operation's (tanh c_t); last the GRU's belt, which repeats h_{t-1}.
     */
    static int rank(DiagramLayout.Node n) {
        if (n.id().equals("belt")) {
            return 0;
        }
        return switch (n.kind()) {
            case GATE -> 3;
            case OP -> 1;
            case STATE -> n.id().equals("h") || n.id().equals("c") ? 4 : 2;
        };
    }

    /**
     * The text of each part's value ({@code ""} for none or left out), by node id: {@code values} are the parts'
     * numbers (null or absent for none), {@code font} the font's size in the drawing's pixels and {@code advance}
     * a character's width in font sizes (the font is monospaced).
     */
    static Map<String, String> texts(DiagramLayout layout, Map<String, Double> values, double font, double advance) {
        List<DiagramLayout.Node> nodes = layout.nodes;
        int[] cut = new int[nodes.size()];
        String[] text = new String[nodes.size()];
        for (int guard = 0; guard <= LEFT_OUT * nodes.size(); guard++) {
            for (int k = 0; k < nodes.size(); k++) {
                Double v = values.get(nodes.get(k).id());
                text[k] = v == null || cut[k] == LEFT_OUT ? "" : Numbers.brief(v, cut[k]);
            }
            int crossed = crossing(layout, text, font, advance);
            if (crossed >= 0) {  // a number on a wire: shorter, then left out
                cut[crossed] = cut[crossed] < SHORTEST ? cut[crossed] + 1 : LEFT_OUT;
                continue;
            }
            int[] pair = meeting(nodes, text, font, advance);
            if (pair == null) {
                break;
            }
            int a = pair[0];
            int b = pair[1];
            int less = rank(nodes.get(a)) < rank(nodes.get(b)) || rank(nodes.get(a)) == rank(nodes.get(b))
                    && text[a].length() >= text[b].length() ? a : b;
            int more = less == a ? b : a;
            if (cut[less] < SHORTEST) {
                cut[less]++;
            } else if (cut[more] < SHORTEST) {
                cut[more]++;
            } else {
                cut[less] = LEFT_OUT;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < nodes.size(); k++) {
            out.put(nodes.get(k).id(), text[k]);
        }
        return out;
    }

    /**
     * The first part whose number's digits come within {@link DiagramLayout#WIRE_ROOM} of a wire's middle, or -1.
     */
    private static int crossing(DiagramLayout layout, String[] text, double font, double advance) {
        for (int k = 0; k < text.length; k++) {
            if (text[k].isEmpty()) {
                continue;
            }
            double[] b = box(DiagramLayout.anchor(layout.nodes.get(k), font), text[k], font, advance);
            double top = b[3] - DESCENT * font - DiagramLayout.DIGITS * font;
            double bottom = b[3] - DESCENT * font;
            double room = DiagramLayout.WIRE_ROOM - 1e-9;  // as much room as that is enough
            for (DiagramLayout.Wire w : layout.wires) {
                double[] p = layout.path(w);
                for (int j = 0; j + 3 < p.length; j += 2) {
                    if (Math.min(p[j], p[j + 2]) - room < b[2] && b[0] < Math.max(p[j], p[j + 2]) + room
                            && Math.min(p[j + 1], p[j + 3]) - room < bottom
                            && top < Math.max(p[j + 1], p[j + 3]) + room) {
                        return k;
                    }
                }
            }
        }
        return -1;
    }

    /** The first two parts whose texts meet, or null. */
    private static int[] meeting(List<DiagramLayout.Node> nodes, String[] text, double font, double advance) {
        double[][] boxes = new double[nodes.size()][];
        for (int k = 0; k < nodes.size(); k++) {
            boxes[k] = text[k].isEmpty() ? null : box(DiagramLayout.anchor(nodes.get(k), font), text[k], font,
                    advance);
        }
        double gap = GAP * advance * font;
        for (int a = 0; a < nodes.size(); a++) {
            for (int b = a + 1; b < nodes.size(); b++) {
                if (boxes[a] != null && boxes[b] != null && boxes[a][0] < boxes[b][2] + gap
                        && boxes[b][0] < boxes[a][2] + gap && boxes[a][1] < boxes[b][3] && boxes[b][1] < boxes[a][3]) {
                    return new int[] {a, b};
                }
            }
        }
        return null;
    }

    /** The text's box, {left, top, right, bottom}, in the drawing's pixels. */
    static double[] box(DiagramLayout.Anchor at, String text, double font, double advance) {
        double w = text.length() * advance * font;
        double left = switch (at.align()) {
            case LEFT -> at.x();
            case CENTRE -> Math.max(at.least(), at.x() - w / 2);
            case RIGHT -> at.x() - w;
        };
        return new double[] {left, at.baseline() - ASCENT * font, left + w, at.baseline() + DESCENT * font};
    }
}
