package org.lstmlab.ui.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.ui.common.I18n;

/**
 * What each cell of a comparison cost: its parameters and the time it trained, over every length so far. It puts
 * numbers to the tutorials' "a GRU is cheaper than an LSTM": per unit an LSTM has four sets of weights, a GRU three
 * and a simple RNN one, and their training times follow.
 */
final class CompareCost {
    private CompareCost() {
    }

    /** The line under the chart, or "" before the first model. */
    static String text(ResourceBundle i18n, List<Comparison.Point> points) {
        Map<CellType, double[]> byCell = new LinkedHashMap<>();   // parameters, seconds, models
        for (Comparison.Point p : points) {
            double[] c = byCell.computeIfAbsent(p.cell(), k -> new double[3]);
            c[0] = p.parameters();
            c[1] += p.seconds();
            c[2]++;
        }
        if (byCell.isEmpty()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (Map.Entry<CellType, double[]> e : byCell.entrySet()) {
            double[] c = e.getValue();
            items.add(I18n.format(i18n, "compare.cost.item", CompareViewModel.cellName(i18n, e.getKey()),
                    String.format(Locale.ROOT, "%,d", (long) c[0]), String.format(Locale.ROOT, "%.1f", c[1]),
                    (int) c[2]));
        }
        return I18n.format(i18n, "compare.cost", String.join(i18n.getString("compare.cost.separator"), items));
    }
}
