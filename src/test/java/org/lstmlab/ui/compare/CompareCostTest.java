package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.ui.common.I18n;

/**
 * Under the Compare chart, what each cell cost: its parameters and the seconds of its fastest epoch at its longest
 * length so far (its first models and epochs also wait for the compiler), in the user's language; nothing before
 * the first model.
 */
class CompareCostTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    /** A model of {@code cell} at length {@code t} whose epochs took {@code epochs} seconds each. */
    private static Comparison.Point point(CellType cell, int t, long parameters, double... epochs) {
        List<EpochReport> reports = new java.util.ArrayList<>();
        double total = 0;
        for (int e = 0; e < epochs.length; e++) {
            reports.add(new EpochReport(e + 1, 1, 1, null, 10, 0, epochs[e], 0));
            total += epochs[e];
        }
        return new Comparison.Point(cell, t, null, reports, total, parameters, 32, false, List.of());
    }

    @Test
    void eachCellItsParametersAndItsFastestEpochAtItsLongestLength() {
        // the first cell's first epochs wait for the compiler: its total (3.1 s) is the dearest, its epoch is not
        List<Comparison.Point> points = List.of(point(CellType.RNN_TANH, 10, 1185, 4.25),
                point(CellType.GRU, 10, 3489, 6.0), point(CellType.LSTM, 10, 4641, 0.9, 0.8, 0.85),
                point(CellType.RNN_TANH, 25, 1185, 2.0, 0.5, 0.3, 0.3), point(CellType.GRU, 25, 3489, 0.7, 0.6));
        String en = CompareCost.text(EN, points);
        assertTrue(en.startsWith("Cost of each cell: SimpleRNN: 32 units, 1,185 parameters, 0.300 s an epoch at "
                + "T = 25 \u00b7 GRU: 32 units, 3,489 parameters, 0.600 s an epoch at T = 25 \u00b7 LSTM: 32 units, "
                + "4,641 parameters, 0.800 s an epoch at T = 10. "), en);
        assertTrue(en.contains("four sets of weights, a GRU three and a simple RNN one"), en);
        assertTrue(en.endsWith("wall time for an epoch, each model's fastest (the first epochs also wait for the "
                + "compiler)."), en);
        String zh = CompareCost.text(ZH, points);
        assertTrue(zh.startsWith("各单元的代价：简单循环网络（SimpleRNN）：32 个隐藏单元，1,185 个参数，T = 25 时每个迭代周期 0.300 秒；"
                + "GRU：32 个隐藏单元，3,489 个参数，T = 25 时每个迭代周期 0.600 秒；LSTM：32 个隐藏单元，4,641 个参数，"
                + "T = 10 时每个迭代周期 0.800 秒。"), zh);
    }

    @Test
    void aModelStoppedBeforeItsFirstEpochEndedGivesAllItsSeconds() {
        Comparison.Point stopped = new Comparison.Point(CellType.LSTM, 10, null, List.of(), 0.0421, 4641, 32, true,
                List.of());
        String en = CompareCost.text(EN, List.of(stopped));
        assertTrue(en.startsWith("Cost of each cell: LSTM: 32 units, 4,641 parameters, 0.0421 s an epoch at T = 10. "),
                en);
    }

    @Test
    void nothingBeforeTheFirstModel() {
        assertEquals("", CompareCost.text(EN, List.of()));
    }
}
