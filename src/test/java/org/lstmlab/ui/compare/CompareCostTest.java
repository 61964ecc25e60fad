package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.ui.common.I18n;

/**
 * Under the Compare chart, what each cell cost: its parameters and the seconds it trained, summed over the lengths
 * trained so far, in the user's language; nothing before the first model.
 */
class CompareCostTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    private static Comparison.Point point(CellType cell, int t, double seconds, long parameters) {
        return new Comparison.Point(cell, t, null, List.of(), seconds, parameters, false, List.of());
    }

    @Test
    void eachCellItsParametersAndItsSecondsOverEveryLength() {
        List<Comparison.Point> points = List.of(point(CellType.RNN_TANH, 10, 1.25, 1153),
                point(CellType.GRU, 10, 3.0, 3393), point(CellType.LSTM, 10, 3.5, 4513),
                point(CellType.RNN_TANH, 25, 2.0, 1153), point(CellType.GRU, 25, 6.25, 3393));
        String en = CompareCost.text(EN, points);
        assertTrue(en.startsWith("Cost of each cell: SimpleRNN: 1,153 parameters, 3.3 s to train at 2 lengths"
                + " \u00b7 GRU: 3,393 parameters, 9.3 s to train at 2 lengths \u00b7 LSTM: 4,513 parameters, 3.5 s to"
                + " train at one length. "), en);
        assertTrue(en.contains("four sets of weights, a GRU three and a SimpleRNN one"), en);
        String zh = CompareCost.text(ZH, points);
        assertTrue(zh.startsWith("各单元的代价：简单循环网络（SimpleRNN）：1,153 个参数，2 个序列长度共训练 3.3 秒；GRU：3,393 个参数，"
                + "2 个序列长度共训练 9.3 秒；LSTM：4,513 个参数，1 个序列长度共训练 3.5 秒。"), zh);
    }

    @Test
    void nothingBeforeTheFirstModel() {
        assertEquals("", CompareCost.text(EN, List.of()));
    }
}
