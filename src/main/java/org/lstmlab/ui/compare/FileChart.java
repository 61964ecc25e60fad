package org.lstmlab.ui.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.PlainNumbers;
import org.lstmlab.ui.common.BaselineNames;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Percent;

/**
 * What the Compare tab draws for the user's file, whose models all have the one length of its windows: each
 * model's validation metric after every epoch (the accuracy of a class target, the MSE of a forecast; the model
 * being trained too, as its epochs end), the naive forecast's or the majority class's value on the same windows as
 * a dashed line, as the Train tab's chart shows it, and the verdict: each model's best epoch beside that baseline.
 *
 * @param accuracy     the metric is an accuracy (else an MSE, lower is better)
 * @param lines        per cell trained so far, its (epoch, value) pairs
 * @param lastEpoch    the last epoch of any model, where the baseline's line ends (0 before the first model)
 * @param baseline     the naive predictor's value on the validation windows (NaN before the first model)
 * @param baselineName the legend's name of that line, with its value once known
 * @param verdict      each model's best value beside the baseline's, and whether it beat it; empty before any
 */
record FileChart(boolean accuracy, Map<CellType, double[][]> lines, int lastEpoch, double baseline,
                 String baselineName, String verdict) {

    static FileChart of(ResourceBundle i18n, SweepSnapshot s) {
        Map<CellType, List<EpochReport>> trained = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        for (Comparison.Point p : s.points()) {
            trained.put(p.cell(), p.epochs());
            if (p.best() != null) {
                TaskScore b = p.best().score();
                items.add(I18n.format(i18n, "compare.file.item", CompareViewModel.cellName(i18n, p.cell()),
                        value(b, b.value()), p.best().epoch(), i18n.getString(p.solved() ? "compare.file.beats"
                                : "compare.file.notBeaten")));
            } else {
                items.add(I18n.format(i18n, "compare.file.halted", CompareViewModel.cellName(i18n, p.cell())));
            }
        }
        if (s.current() != null && !s.epochs().isEmpty()) {   // the model being trained, epoch by epoch
            trained.put(s.current(), s.epochs());
        }
        Map<CellType, double[][]> lines = new LinkedHashMap<>();
        TaskScore score = null;
        int last = 0;
        for (var e : trained.entrySet()) {
            double[][] xy = new double[e.getValue().size()][];
            for (int i = 0; i < xy.length; i++) {
                EpochReport r = e.getValue().get(i);
                xy[i] = new double[] {r.epoch(), r.score().value()};
                last = Math.max(last, r.epoch());
                score = r.score();
            }
            lines.put(e.getKey(), xy);
        }
        boolean accuracy = score == null || score.metric() == TaskScore.Metric.ACCURACY;
        if (score == null || Double.isNaN(score.baselineValue())) {
            return new FileChart(accuracy, lines, last, Double.NaN, i18n.getString("compare.chart.baselineLine"), "");
        }
        String naive = BaselineNames.of(i18n, score);
        String baselineValue = value(score, score.baselineValue());
        String metric = i18n.getString("training.metric." + (accuracy ? "accuracy" : "mse"));
        String verdict = items.isEmpty() ? "" : I18n.format(i18n, "compare.file.verdict", metric, String.join(
                i18n.getString("compare.cost.separator"), items), naive, baselineValue);
        return new FileChart(accuracy, lines, last, score.baselineValue(),
                I18n.format(i18n, "compare.chart.baseline", naive, baselineValue), verdict);
    }

    /** An accuracy as a percentage, an MSE with four significant digits. */
    private static String value(TaskScore s, double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return s.metric() == TaskScore.Metric.ACCURACY ? Percent.of(v, 1) : PlainNumbers.significant(v);
    }
}
