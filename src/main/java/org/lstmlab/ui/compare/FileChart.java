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
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.PlainNumbers;
import org.lstmlab.ui.common.BaselineNames;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Percent;

/**
 * What the Compare tab draws for the user's file, whose models all have the one length of its windows: each
 * model's validation metric after every epoch (the accuracy of a class target, the MSE of a forecast, the
 * cross-entropy in nats per character of a text; the model being trained too, as its epochs end), the naive
 * forecast's, the majority class's or the character frequencies' value on the same windows as a dashed line, as the
 * Train tab's chart shows it, a text's solved threshold too, and the verdict: each model's best epoch beside that
 * baseline.
 *
 * @param metric        what is drawn: the task's metric (an accuracy, an MSE or a cross-entropy)
 * @param lines         per cell trained so far, its (epoch, value) pairs
 * @param lastEpoch     the last epoch of any model, where the baseline's line ends (0 before the first model)
 * @param baseline      the naive predictor's value on the validation windows (NaN before the first model)
 * @param baselineName  the legend's name of that line, with its value once known
 * @param threshold     a text's solved threshold (below it, a model counts as solved), else NaN: a file of numbers
 *                      is solved by beating its baseline, whose line says it
 * @param thresholdName the legend's name of that line, or ""
 * @param verdict       each model's best value beside the baseline's, and whether it beat it (a text: whether it
 *                      solved it); empty before any
 */
record FileChart(TaskScore.Metric metric, Map<CellType, double[][]> lines, int lastEpoch, double baseline,
                 String baselineName, double threshold, String thresholdName, String verdict) {

    /** The metric is an accuracy (else an MSE or a cross-entropy, lower is better). */
    boolean accuracy() {
        return metric == TaskScore.Metric.ACCURACY;
    }

    /** @param expected the task's metric, what an empty chart is of */
    static FileChart of(ResourceBundle i18n, SweepSnapshot s, TaskScore.Metric expected) {
        Map<CellType, List<EpochReport>> trained = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        boolean text = expected == TaskScore.Metric.CROSS_ENTROPY;
        for (Comparison.Point p : s.points()) {
            trained.put(p.cell(), p.epochs());
            if (p.best() != null) {
                TaskScore b = p.best().score();
                items.add(I18n.format(i18n, "compare.file.item", CompareViewModel.cellName(i18n, p.cell()),
                        value(b, b.value()), p.best().epoch(), i18n.getString(text
                                ? p.solved() ? "compare.file.solved" : "compare.file.notSolved"
                                : p.solved() ? "compare.file.beats" : "compare.file.notBeaten")));
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
        TaskScore.Metric metric = score == null ? expected : score.metric();
        if (score == null || Double.isNaN(score.baselineValue())) {
            return new FileChart(metric, lines, last, Double.NaN, i18n.getString(text
                    ? "engine.baseline.frequencies" : "compare.chart.baselineLine"), Double.NaN,
                    text ? i18n.getString("compare.chart.solvedLine") : "", "");
        }
        String naive = BaselineNames.of(i18n, score);
        String baselineValue = value(score, score.baselineValue());
        String name = i18n.getString("training.metric." + metric.name().toLowerCase(Locale.ROOT));
        String list = String.join(i18n.getString("compare.cost.separator"), items);
        String baselineName = I18n.format(i18n, "compare.chart.baseline", naive, baselineValue);
        if (!text) {
            String verdict = items.isEmpty() ? "" : I18n.format(i18n, "compare.file.verdict", name, list, naive,
                    baselineValue);
            return new FileChart(metric, lines, last, score.baselineValue(), baselineName, Double.NaN, "", verdict);
        }
        String threshold = value(score, score.threshold());
        String verdict = items.isEmpty() ? "" : I18n.format(i18n, "compare.file.verdict.text", name, list, naive,
                baselineValue, threshold, Percent.of(score.threshold() / score.baselineValue(), 0));
        return new FileChart(metric, lines, last, score.baselineValue(), baselineName, score.threshold(),
                I18n.format(i18n, "compare.chart.solvedBelow", threshold), verdict);
    }

    /** The highest value drawn: of the lines, the baseline and the threshold; NaN when there is none. */
    double top() {
        double top = Double.NaN;
        for (double[][] line : lines.values()) {
            for (double[] p : line) {
                top = higher(top, p[1]);
            }
        }
        return higher(higher(top, baseline), threshold);
    }

    private static double higher(double a, double b) {
        return !Double.isFinite(b) || a >= b ? a : b;
    }

    /**
     * A loss's axis from 0: its top, a round number (1, 2, 2.5 or 5 times a power of ten) at least 5 % above
     * {@code top}, and the tick unit, with at most eight ticks; from 0 to 1 when nothing is drawn yet.
     */
    static double[] valueAxis(double top) {
        double want = Double.isFinite(top) && top > 0 ? top * 1.05 : 1;
        double unit = Math.pow(10, Math.floor(Math.log10(want / 5)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (want / (unit * m) <= 8) {
                unit *= m;
                break;
            }
        }
        return new double[] {Math.ceil(want / unit - 1e-9) * unit, unit};
    }

    /** An accuracy as a percentage, an MSE or a cross-entropy with four significant digits. */
    private static String value(TaskScore s, double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return s.metric() == TaskScore.Metric.ACCURACY ? Percent.of(v, 1) : PlainNumbers.significant(v);
    }
}
