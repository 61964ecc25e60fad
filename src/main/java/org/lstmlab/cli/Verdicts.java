package org.lstmlab.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.tasks.ErrorsInUnits;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.PlainNumbers;

/** A task's verdict as the command line prints it: in words for people, as JSON fields for programs. */
final class Verdicts {
    private Verdicts() {
    }

    /** E.g. {@code val_accuracy 0.4050 - not solved (needs >= 0.9000; always 0.5 gets 0.1620)}. */
    static String epochText(TaskScore s) {
        return String.format(Locale.ROOT, "%s %.4f - %s (%s)", key(s.metric()), s.value(),
                s.solved() ? "solved" : "not solved", criterion(s));
    }

    /** What the model got, e.g. {@code val_mse 0.0171}: the last line said what it needed, not what it got. */
    static String measured(TaskScore s) {
        return key(s.metric()) + " " + number(s.value());
    }

    /** E.g. {@code needs < 0.0010; repeating the last value gets 0.0311}, {@code ...; always 'sitting' gets 0.4120}. */
    static String criterion(TaskScore s) {
        String need = String.format(Locale.ROOT, "needs %s %s", s.metric().higherIsBetter() ? ">=" : "<",
                number(s.threshold()));
        if (s.baseline() == TaskScore.Baseline.NONE || Double.isNaN(s.baselineValue())) {
            return need;
        }
        String naive = s.baselineAnswer() != null ? "always '" + s.baselineAnswer() + "'" : s.baseline().english();
        return need + "; " + naive + " gets " + number(s.baselineValue());
    }

    /**
     * A CSV series' errors in its target's units, whose MSEs are of standardised values, e.g. {@code in the units
     * of sales: RMSE 231.2, repeating the last value 1,198 (the MSEs above are of standardised values)}; empty for
     * several targets.
     */
    static Optional<String> inUnits(SeriesScaling scaling, TaskScore s) {
        return ErrorsInUnits.of(scaling, s).map(e -> String.format(Locale.ROOT, "in the units of %s: RMSE %s, %s %s "
                + "(the MSEs above are of standardised values)", e.target(), PlainNumbers.significant(e.rmse()),
                s.baseline().english(), PlainNumbers.significant(e.naiveRmse())));
    }

    /** The verdict's JSON fields: the accuracy only where the task has one, then the metric and the baseline. */
    static Map<String, Object> fields(TaskScore s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.hasAccuracy()) {
            m.put("val_accuracy", s.accuracy());
        }
        m.put("metric", key(s.metric()).replace("val_", ""));
        m.put("metric_value", s.value());
        m.put("threshold", s.threshold());
        m.put("baseline", s.baseline().name().toLowerCase(Locale.ROOT));
        m.put("baseline_value", s.baselineValue());
        if (s.baselineAnswer() != null) {
            m.put("baseline_answer", s.baselineAnswer());
        }
        m.put("solved", s.solved());
        return m;
    }

    static String key(TaskScore.Metric m) {
        return switch (m) {
            case ACCURACY -> "val_accuracy";
            case MSE -> "val_mse";
            case CROSS_ENTROPY -> "val_cross_entropy";
        };
    }

    private static String number(double v) {
        return Math.abs(v) >= 1e-3 || v == 0 ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
