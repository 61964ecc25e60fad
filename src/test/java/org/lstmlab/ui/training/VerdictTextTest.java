package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.ui.common.I18n;

/**
 * The verdict under the Train tab's buttons reads as a sentence in both languages: in Chinese the threshold is in
 * brackets after the value (not "达到 ≥ 90.0 % 即为解决", reached at least), and the naive predictor is a condition with
 * a space before its number ("若总是预测 0.5，可得", not "总是预测 0.5可得").
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
        assertEquals("Solved after epoch 2: validation accuracy 90.3 %, solved at ≥ 90.0 %; always 0.5 gets 14.0 %",
                VerdictText.of(EN, r));
        assertEquals("第 2 个迭代周期后已解决：验证准确率 90.3 %（≥ 90.0 % 即为解决）；若总是预测 0.5，可得 14.0 %",
                VerdictText.of(ZH, r));
    }

    @Test
    void anErrorBelowItsThresholdWithoutANaivePredictor() {
        EpochReport r = after(4, TaskScore.below(TaskScore.Metric.MSE, 0.00217, 0.001, TaskScore.Baseline.NONE,
                Double.NaN));
        assertEquals("第 4 个迭代周期后未解决：验证均方误差 0.00217（< 0.001 即为解决）", VerdictText.of(ZH, r));
    }

    @Test
    void theNaiveForecastOfAUsersSeriesIsACondition() {
        EpochReport r = after(20, TaskScore.below(TaskScore.Metric.MSE, 0.538, 2.86,
                TaskScore.Baseline.LAST_VALUE_OR_MEAN, 2.86));
        assertEquals("第 20 个迭代周期后已解决：验证均方误差 0.538（< 2.86 即为解决）；若用最后一个值或均值预测，可得 2.86",
                VerdictText.of(ZH, r));
    }
}
