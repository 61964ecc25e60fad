package org.lstmlab.ui.training;

import java.util.Locale;
import java.util.ResourceBundle;

import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.ui.common.I18n;

/**
 * The task's verdict after an epoch in the reader's language: solved or not, by which measure, against which
 * threshold, and what a naive predictor gets, e.g. "Not solved after epoch 2: validation accuracy 41.2 %, solved
 * at ≥ 90 %; always 0.5 gets 16.2 %". A regression shows its MSE beside the naive forecast's, never an accuracy.
 */
final class VerdictText {
    private VerdictText() {
    }

    static String of(ResourceBundle i18n, EpochReport r) {
        TaskScore s = r.score();
        String state = i18n.getString(s.solved() ? "training.verdict.solved" : "training.verdict.notSolved");
        String metric = i18n.getString("training.metric." + s.metric().name().toLowerCase(Locale.ROOT));
        String comparator = s.metric().higherIsBetter() ? "≥" : "<";
        boolean baseline = s.baseline() != TaskScore.Baseline.NONE && !Double.isNaN(s.baselineValue());
        if (!baseline) {
            return I18n.format(i18n, "training.verdict", state, r.epoch(), metric, value(s, s.value()), comparator,
                    value(s, s.threshold()));
        }
        return I18n.format(i18n, "training.verdict.withBaseline", state, r.epoch(), metric, value(s, s.value()),
                comparator, value(s, s.threshold()),
                i18n.getString("training.baseline." + s.baseline().name().toLowerCase(Locale.ROOT)),
                value(s, s.baselineValue()));
    }

    /** An accuracy as a percentage, anything else with three significant digits. */
    static String value(TaskScore s, double v) {
        if (s.metric() == TaskScore.Metric.ACCURACY && Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.1f %%", 100 * v);
        }
        return AxisTicks.number(v);
    }
}
