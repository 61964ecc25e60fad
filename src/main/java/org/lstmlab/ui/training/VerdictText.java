package org.lstmlab.ui.training;

import java.util.Locale;
import java.util.ResourceBundle;

import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.ErrorsInUnits;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.PlainNumbers;
import org.lstmlab.ui.common.BaselineNames;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Percent;

/**
 * The task's verdict after an epoch in the reader's language: solved or not, by which measure, against which
 * threshold, and what a naive predictor gets, e.g. "Not solved after epoch 2: validation accuracy 41.2 %, solved
 * at ≥ 90 %; always 0.5 gets 16.2 %". A regression shows its MSE beside the naive forecast's, never an accuracy;
 * a CSV series, whose MSE is of standardised values, also says both errors in its target's own units.
 */
final class VerdictText {
    private VerdictText() {
    }

    /**
     * The verdict, followed for a CSV series of one target ({@code scaling} not null) by its RMSE and the naive
     * forecast's in the target's units: an MSE of 0.0268 means little to a student whose sales are in thousands.
     */
    static String of(ResourceBundle i18n, EpochReport r, SeriesScaling scaling) {
        String verdict = verdict(i18n, r);
        return ErrorsInUnits.of(scaling, r.score()).map(e -> I18n.format(i18n, "training.verdict.units", verdict,
                e.target(), inUnits(e.rmse()), inUnits(e.naiveRmse()), BaselineNames.of(i18n, r.score())))
                .orElse(verdict);
    }

    private static String verdict(ResourceBundle i18n, EpochReport r) {
        TaskScore s = r.score();
        String state = i18n.getString(s.solved() ? "training.verdict.solved" : "training.verdict.notSolved");
        String metric = i18n.getString("training.metric." + s.metric().name().toLowerCase(Locale.ROOT));
        String comparator = s.metric().higherIsBetter() ? "≥" : "<";
        boolean baseline = s.baseline() != TaskScore.Baseline.NONE && !Double.isNaN(s.baselineValue());
        if (!baseline) {
            return I18n.format(i18n, "training.verdict", state, r.epoch(), metric, value(s, s.value()), comparator,
                    value(s, s.threshold()));
        }
        String[] pair = s.metric() == TaskScore.Metric.ACCURACY ? new String[] {value(s, s.value()),
                value(s, s.baselineValue())} : PlainNumbers.pair(s.value(), s.baselineValue(), AxisTicks::number);
        return I18n.format(i18n, "training.verdict.withBaseline", state, r.epoch(), metric, pair[0],
                comparator, value(s, s.threshold()), BaselineNames.of(i18n, s), pair[1]);
    }

    /**
     * A value in the file's units as {@code train} prints it too, four significant digits, whole ones grouped:
     * 0.02312, 231.2, 1,198; never 1.2×10³.
     */
    static String inUnits(double v) {
        return Double.isFinite(v) ? PlainNumbers.significant(v) : AxisTicks.number(v);
    }

    /**
     * An accuracy as a percentage, its % joined to the number by a no-break space (a narrow verdict never ends a
     * line with "45.8" and starts the next with "% 即为解决"); an error from 1e-4 up with four significant digits
     * (0.0101 beside the naive forecast's 0.009996, not 0.01), smaller ones as the charts' axes write them.
     */
    static String value(TaskScore s, double v) {
        if (s.metric() == TaskScore.Metric.ACCURACY && Double.isFinite(v)) {
            return Percent.of(v, 1);
        }
        return Double.isFinite(v) && Math.abs(v) >= PlainNumbers.SMALLEST ? PlainNumbers.significant(v)
                : AxisTicks.number(v);
    }
}
