package org.lstmlab.ui.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.ui.common.I18n;

/**
 * What each cell of a comparison cost: its units, its parameters and the time an epoch took at its longest length so
 * far. It puts numbers to the tutorials' "a GRU is cheaper than an LSTM": per unit an LSTM has four sets of weights, a
 * GRU three and a simple RNN one, and their training times follow.
 */
final class CompareCost {
    private CompareCost() {
    }

    /**
     * The line under the chart, or "" before the first model. The seconds are an epoch's at each cell's longest
     * length trained so far, its fastest epoch there: the first models and epochs also wait for the compiler, which
     * on a comparison of one length (a file), soon after the app opened, made the first cells trained look dearer
     * than the LSTM trained last.
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
                    String.format(Locale.ROOT, "%,d", p.parameters()), String.format(Locale.ROOT, "%.3g", epoch(p)),
                    String.valueOf(p.seqLen()), String.valueOf(p.units())));
        }
        return I18n.format(i18n, "compare.cost", String.join(i18n.getString("compare.cost.separator"), items));
    }

    /** The seconds of {@code p}'s fastest epoch; all its seconds when it stopped before an epoch ended. */
    private static double epoch(Comparison.Point p) {
        return p.epochs().stream().mapToDouble(EpochReport::seconds).min().orElse(p.seconds());
    }
}
