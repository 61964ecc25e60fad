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
 * Under the Compare chart, what each cell cost: its parameters and the seconds it trained at its longest length so
 * far (its first model also waits for the compiler), in the user's language; nothing before the first model.
 */
class CompareCostTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    private static Comparison.Point point(CellType cell, int t, double seconds, long parameters) {
        return new Comparison.Point(cell, t, null, List.of(), seconds, parameters, false, List.of());
    }

    @Test
    void eachCellItsParametersAndItsSecondsAtItsLongestLength() {
        List<Comparison.Point> points = List.of(point(CellType.RNN_TANH, 10, 4.25, 1185),
                point(CellType.GRU, 10, 6.0, 3489), point(CellType.LSTM, 10, 3.5, 4641),
                point(CellType.RNN_TANH, 25, 0.5, 1185), point(CellType.GRU, 25, 1.25, 3489));
        String en = CompareCost.text(EN, points);
        assertTrue(en.startsWith("Cost of each cell: SimpleRNN: 1,185 parameters, 0.5 s to train at T = 25"
                + " \u00b7 GRU: 3,489 parameters, 1.3 s to train at T = 25 \u00b7 LSTM: 4,641 parameters, 3.5 s to"
                + " train at T = 10. "), en);
        assertTrue(en.contains("four sets of weights, a GRU three and a simple RNN one"), en);
        String zh = CompareCost.text(ZH, points);
        assertTrue(zh.startsWith("各单元的代价：简单循环网络（SimpleRNN）：1,185 个参数，T = 25 时训练用时 0.5 秒；GRU：3,489 个"
                + "参数，T = 25 时训练用时 1.3 秒；LSTM：4,641 个参数，T = 10 时训练用时 3.5 秒。"), zh);
    }

    @Test
    void nothingBeforeTheFirstModel() {
        assertEquals("", CompareCost.text(EN, List.of()));
    }
}
