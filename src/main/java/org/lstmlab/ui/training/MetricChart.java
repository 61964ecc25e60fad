package org.lstmlab.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.ui.common.I18n;

/**
 * What the Train tab's second chart shows: the measure the task's verdict is judged on, after every epoch, with
 * the threshold it must pass and a naive predictor's value as dashed lines. An accuracy is drawn on [0, 1]; an
 * MSE or a cross-entropy on an axis that turns logarithmic when it spans decades.
 *
 * @param title          the chart's title: the measure's name
 * @param epochs         1-based epochs
 * @param values         the measure after each
 * @param threshold      where the task counts as solved
 * @param thresholdLabel e.g. "solved at ≥ 90 %"
 * @param thresholdShort the same where the chart is too narrow for it: "≥ 90 %"
 * @param baseline       a naive predictor's value, or NaN
 * @param baselineLabel  e.g. "always 0.5"
 * @param baselineShort  the same where the chart is too narrow for it: "naive 0.01" for "repeating the last value"
 * @param unitRange      draw on [0, 1] (an accuracy)
 */
record MetricChart(String title, double[] epochs, double[] values, double threshold, String thresholdLabel,
                   String thresholdShort, double baseline, String baselineLabel, String baselineShort,
                   boolean unitRange) {

    /**
     * The chart of these epochs; before the first one ends, an empty chart of the {@code expected} measure (the
     * task's: before, a forecast's empty chart was titled "Validation accuracy" until its first epoch).
     */
    static MetricChart of(ResourceBundle i18n, List<EpochReport> reports, TaskScore.Metric expected) {
        if (reports.isEmpty()) {
            String title = expected == TaskScore.Metric.ACCURACY ? i18n.getString("training.chart.accuracy")
                    : title(i18n.getString("training.metric." + expected.name().toLowerCase(Locale.ROOT)));
            return new MetricChart(title, new double[0], new double[0], Double.NaN, "", "", Double.NaN, "", "",
                    expected == TaskScore.Metric.ACCURACY);
        }
        TaskScore last = reports.get(reports.size() - 1).score();
        double[] x = new double[reports.size()];
        double[] y = new double[reports.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = reports.get(i).epoch();
            y[i] = reports.get(i).score().value();
        }
        String metric = i18n.getString("training.metric." + last.metric().name().toLowerCase(Locale.ROOT));
        String passes = (last.metric().higherIsBetter() ? "≥ " : "< ") + VerdictText.value(last, last.threshold());
        String threshold = I18n.format(i18n, "training.chart.threshold",
                last.metric().higherIsBetter() ? "≥" : "<", VerdictText.value(last, last.threshold()));
        boolean baseline = last.baseline() != TaskScore.Baseline.NONE && !Double.isNaN(last.baselineValue());
        String baselineName = baseline ? org.lstmlab.ui.common.BaselineNames.of(i18n, last) : "";
        if (baseline && last.baselineAnswer() != null) {
            // a class must beat always answering the majority by one window: one line, so that the two never overlap
            return new MetricChart(title(metric), x, y, last.threshold(), I18n.format(i18n,
                    "training.chart.thresholdOver", threshold, baselineName, VerdictText.value(last,
                            last.baselineValue())), passes, Double.NaN, "", "", true);
        }
        if (baseline && last.baselineValue() == last.threshold()) {
            // a forecast must beat the naive one: one line with both names
            return new MetricChart(title(metric), x, y, last.threshold(), threshold + " = " + baselineName,
                    passes, Double.NaN, "", "", false);
        }
        return new MetricChart(title(metric), x, y, last.threshold(), threshold, passes,
                baseline ? last.baselineValue() : Double.NaN, baselineName,
                baseline ? I18n.format(i18n, "training.chart.baseline.short", VerdictText.value(last,
                        last.baselineValue())) : "",
                last.metric() == TaskScore.Metric.ACCURACY);
    }

    private static String title(String metric) {
        return Character.toUpperCase(metric.charAt(0)) + metric.substring(1);
    }
}
