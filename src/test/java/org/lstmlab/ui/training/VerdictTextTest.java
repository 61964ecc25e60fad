package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.ui.common.I18n;

/**
 * The verdict under the Train tab's buttons reads as a sentence in both languages: in Chinese the threshold is in
 * brackets after the value (not "达到 ≥ 90.0 % 即为解决", reached at least), and the naive predictor is a condition with
 * a space before its number ("若总是预测 0.5，可得", not "总是预测 0.5可得"). The comparison and the threshold are
 * kept on one line by a no-break space, so that a narrow pane never leaves "（<" at the end of a line.
 */
class VerdictTextTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    private static EpochReport after(int epoch, TaskScore s) {
        return new EpochReport(epoch, 0.1, 0.1, s, 100L * epoch, 0, 1, Double.NaN);
    }

    @Test
    void anAccuracyWithItsNaivePredictor() {
        EpochReport r = after(2, TaskScore.accuracy(0.903, 0.9, TaskScore.Baseline.CONSTANT, 0.14));
        assertEquals(("Solved after epoch 2: validation accuracy 90.3 %, solved at ≥ 90.0 %; always 0.5 gets 14.0 %")
                .replace(" %", "\u00a0%"), VerdictText.of(EN, r, null));
        assertEquals(("第 2 个迭代周期后已解决：验证准确率 90.3 %（≥\u00a090.0 % 即为解决）；若总是预测 0.5，可得 14.0 %")
                .replace(" %", "\u00a0%"), VerdictText.of(ZH, r, null));
    }

    /**
     * A narrow Chinese pane at 1024 × 768 broke "≥ 45.8 % 即为解决" after "45.8": every % of a verdict is joined to
     * its number, and the comparison to the threshold, by no-break spaces, so the threshold wraps as one piece.
     */
    @Test
    void noPercentageIsSplitFromItsNumber() {
        EpochReport r = after(3, TaskScore.accuracy(0.412, 0.458, TaskScore.Baseline.CONSTANT, 0.305));
        for (ResourceBundle b : new ResourceBundle[] {EN, ZH}) {
            String v = VerdictText.of(b, r, null);
            assertFalse(v.contains(" %"), v);
            assertTrue(v.contains("41.2\u00a0%") && v.contains("30.5\u00a0%"), v);
        }
        assertTrue(VerdictText.of(ZH, r, null).contains("（≥\u00a045.8\u00a0% 即为解决）"));
    }

    @Test
    void anErrorBelowItsThresholdWithoutANaivePredictor() {
        EpochReport r = after(4, TaskScore.below(TaskScore.Metric.MSE, 0.00217, 0.001, TaskScore.Baseline.NONE,
                Double.NaN));
        assertEquals("第 4 个迭代周期后未解决：验证均方误差 0.00217（<\u00a00.001 即为解决）", VerdictText.of(ZH, r, null));
    }

    @Test
    void theNaiveForecastOfAUsersSeriesIsACondition() {
        EpochReport r = after(20, TaskScore.below(TaskScore.Metric.MSE, 0.538, 2.86,
                TaskScore.Baseline.LAST_VALUE_OR_MEAN, 2.86));
        assertEquals("第 20 个迭代周期后已解决：验证均方误差 0.538（<\u00a02.86 即为解决）；若用最后一个值或均值预测，可得 2.86",
                VerdictText.of(ZH, r, null));
    }

    /** A random walk: the model's error and the naive forecast's differ in the fourth digit, and both show it. */
    @Test
    void anErrorBesideANaiveOneKeepsTheDigitsThatTellThemApart() {
        EpochReport r = after(10, TaskScore.below(TaskScore.Metric.MSE, 0.010104, 0.95 * 0.0099961,
                TaskScore.Baseline.LAST_VALUE, 0.0099961));
        assertEquals("Not solved after epoch 10: validation MSE 0.010100, solved at < 0.009496; repeating the last "
                + "value gets 0.009996", VerdictText.of(EN, r, null));
        EpochReport equal = after(14, TaskScore.below(TaskScore.Metric.MSE, 0.010111, 0.95 * 0.0100001,
                TaskScore.Baseline.LAST_VALUE, 0.0100001));
        assertEquals("第 14 个迭代周期后未解决：验证均方误差 0.01011（<\u00a00.0095 即为解决）；若重复最后一个值，可得 0.01000",
                VerdictText.of(ZH, equal, null), "not 0.01011 against 0.01");
    }

    /**
     * A student's sales in the thousands: the MSE is of standardised values, so the verdict also says how far off
     * the forecasts are in sales (the RMSE times the target's standard deviation), and the naive forecast's.
     */
    @Test
    void aCsvSeriesSaysItsErrorInTheTargetsUnits() {
        EpochReport r = after(20, TaskScore.below(TaskScore.Metric.MSE, 0.0268, 0.72, TaskScore.Baseline.LAST_VALUE,
                0.72));
        SeriesScaling sales = new SeriesScaling(java.util.List.of("visitors", "sales"), new double[] {1200, 5600},
                new double[] {210, 2000}, java.util.List.of("sales"), new double[] {5600}, new double[] {1412.3}, 24,
                1);
        assertEquals("Solved after epoch 20: validation MSE 0.0268, solved at < 0.72; repeating the last value gets "
                + "0.72. In the units of sales (the MSE is of standardised values): RMSE 231.2, repeating the last "
                + "value 1,198", VerdictText.of(EN, r, sales));
        assertEquals("第 20 个迭代周期后已解决：验证均方误差 0.0268（<\u00a00.72 即为解决）；若重复最后一个值，可得 0.72。"
                + "换成 sales 的单位（均方误差按标准化后的值计算）：均方根误差 231.2，重复最后一个值为 1,198",
                VerdictText.of(ZH, r, sales));
        assertEquals("Solved after epoch 20: validation MSE 0.0268, solved at < 0.72; repeating the last value gets "
                + "0.72", VerdictText.of(EN, r, null), "without a series' scaling, the verdict alone");
        assertEquals("0.02312", VerdictText.inUnits(0.023123));
        assertEquals("12.34", VerdictText.inUnits(12.34));
        assertEquals("8,012", VerdictText.inUnits(8012.4), "as train prints it, not 8.01×10³");
    }
}
