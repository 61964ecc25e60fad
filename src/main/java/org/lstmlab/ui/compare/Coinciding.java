package org.lstmlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.ui.common.I18n;

/**
 * Where two cells' lines of the Compare chart lie on top of each other (both solve a length, say, at accuracy 1.0),
 * so that the chart can say so under it: the lines are drawn inside each other (compare.css: the RNN widest, the GRU
 * narrower, the LSTM thin and dashed on top), and the note names the cells and the lengths.
 */
final class Coinciding {
    /** Closer than this on the 0 – 1 accuracy axis, two points are drawn on the same pixels. */
    static final double TOLERANCE = 0.005;

    private Coinciding() {
    }

    /** One cell's accuracy at one length. */
    record Mark(CellType cell, int length, double accuracy) {
    }

    /** Two cells that coincide at some lengths, the one drawn first (underneath) first. */
    record Pair(CellType under, CellType over, List<Integer> lengths) {
    }

    static List<Mark> marks(List<Comparison.Point> points) {
        return points.stream().map(p -> new Mark(p.cell(), p.seqLen(), p.accuracy())).toList();
    }

    /** Every pair of cells (in the chart's order) with the lengths at which their accuracies coincide. */
    static List<Pair> pairs(List<Mark> marks) {
        List<Pair> out = new ArrayList<>();
        List<CellType> cells = Comparison.CELLS;
        for (int a = 0; a < cells.size(); a++) {
            for (int b = a + 1; b < cells.size(); b++) {
                TreeSet<Integer> same = new TreeSet<>();
                for (Mark m : marks) {
                    if (m.cell() != cells.get(a)) {
                        continue;
                    }
                    for (Mark n : marks) {
                        if (n.cell() == cells.get(b) && n.length() == m.length()
                                && Math.abs(n.accuracy() - m.accuracy()) <= TOLERANCE) {
                            same.add(m.length());
                        }
                    }
                }
                if (!same.isEmpty()) {
                    out.add(new Pair(cells.get(a), cells.get(b), List.copyOf(same)));
                }
            }
        }
        return out;
    }

    /** The note under the chart: one sentence per coinciding pair, or empty when every line shows on its own. */
    static String note(ResourceBundle i18n, List<Mark> marks) {
        List<String> lines = new ArrayList<>();
        for (Pair p : pairs(marks)) {
            lines.add(I18n.format(i18n, "compare.chart.coincide", CompareViewModel.cellName(i18n, p.under()),
                    CompareViewModel.cellName(i18n, p.over()),
                    I18n.list(i18n, p.lengths())));
        }
        return String.join("\n", lines);
    }
}
