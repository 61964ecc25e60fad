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
 * What each cell of a comparison cost: its parameters and the time it trained at its longest length so far. It puts
 * numbers to the tutorials' "a GRU is cheaper than an LSTM": per unit an LSTM has four sets of weights, a GRU three
 * and a simple RNN one, and their training times follow.
 */
final class CompareCost {
    private CompareCost() {
    }

    /**
     * The line under the chart, or "" before the first model. The seconds are those of each cell's longest length
     * trained so far: by then the code it runs is compiled, while its first model also waits for the compiler.
     */
    static String text(ResourceBundle i18n, List<Comparison.Point> points) {
        Map<CellType, Comparison.Point> longest = new LinkedHashMap<>();
        for (Comparison.Point p : points) {
            longest.merge(p.cell(), p, (a, b) -> b.seqLen() >= a.seqLen() ? b : a);
        }
        if (longest.isEmpty()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (Comparison.Point p : longest.values()) {
            items.add(I18n.format(i18n, "compare.cost.item", CompareViewModel.cellName(i18n, p.cell()),
                    String.format(Locale.ROOT, "%,d", p.parameters()), String.format(Locale.ROOT, "%.1f", p.seconds()),
                    String.valueOf(p.seqLen())));
        }
        return I18n.format(i18n, "compare.cost", String.join(i18n.getString("compare.cost.separator"), items));
    }
}
