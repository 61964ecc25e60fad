package org.lstmlab.engine.tasks;

import java.util.Locale;

import org.lstmlab.engine.text.Message;

/**
 * A task's verdict on a model: whether its success criterion holds, the number the criterion is judged on, the
 * threshold, and what a naive predictor gets on the same number, so a reader can tell learning from guessing.
 *
 * @param accuracy      fraction of samples (or symbols) right by the task's rule; NaN where "right" has no
 *                      meaning (regression: sine, CSV series)
 * @param solved        whether the task's success criterion holds
 * @param metric        what the verdict is judged on
 * @param value         the metric's value on the validation set
 * @param threshold     solved needs {@code value ≥ threshold} for a metric where higher is better, else
 *                      {@code value < threshold}
 * @param baseline      the naive predictor compared against
 * @param baselineValue its value of the metric on the same samples (NaN for {@link Baseline#NONE})
 * @param baselineAnswer the answer the naive predictor always gives, when it has one to name (a CSV file's
 *                       majority class, "sitting"), else null
 */
public record TaskScore(double accuracy, boolean solved, Metric metric, double value, double threshold,
                        Baseline baseline, double baselineValue, String baselineAnswer) {

    /** A verdict whose naive predictor has no one answer to name. */
    public TaskScore(double accuracy, boolean solved, Metric metric, double value, double threshold,
                     Baseline baseline, double baselineValue) {
        this(accuracy, solved, metric, value, threshold, baseline, baselineValue, null);
    }

    /** What a verdict measures. */
    public enum Metric {
        /** Fraction right by the task's rule (higher is better). */
        ACCURACY("validation accuracy", true),
        /** Mean squared error of the predictions (lower is better). */
        MSE("validation MSE", false),
        /** Cross-entropy in nats per symbol (lower is better). */
        CROSS_ENTROPY("validation cross-entropy (nats per character)", false);

        private final String english;
        private final boolean higherIsBetter;

        Metric(String english, boolean higherIsBetter) {
            this.english = english;
            this.higherIsBetter = higherIsBetter;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }

    /** The naive predictor a task compares a model with. */
    public enum Baseline {
        /** No simple predictor says anything useful about this task. */
        NONE("no baseline"),
        /** Always the most frequent target in the validation set (a CSV file's: in its training part). */
        MAJORITY("always the most frequent answer"),
        /** Always the middle of the target range (the adding problem's 0.5). */
        CONSTANT("always 0.5"),
        /** The last value seen repeated as the forecast ("persistence"). */
        LAST_VALUE("repeating the last value"),
        /** The mean of the training part's targets (a CSV forecast's, where it beats the last value). */
        MEAN("always the training mean"),
        /** The last value for targets among the inputs, the mean for the others. */
        LAST_VALUE_OR_MEAN("the last value, or the mean"),
        /** Symbol frequencies, ignoring context (a unigram model). */
        FREQUENCIES("character frequencies alone");

        private final String english;

        Baseline(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    /** An accuracy verdict: solved at {@code accuracy ≥ threshold}. */
    public static TaskScore accuracy(double accuracy, double threshold, Baseline baseline, double baselineValue) {
        return new TaskScore(accuracy, accuracy >= threshold, Metric.ACCURACY, accuracy, threshold, baseline,
                baselineValue);
    }

    /** A verdict on a metric where lower is better: solved at {@code value < threshold}; no accuracy. */
    public static TaskScore below(Metric metric, double value, double threshold, Baseline baseline,
                                  double baselineValue) {
        return new TaskScore(Double.NaN, value < threshold, metric, value, threshold, baseline, baselineValue);
    }

    /** The same verdict, its naive predictor always answering {@code answer}. */
    public TaskScore answering(String answer) {
        return new TaskScore(accuracy, solved, metric, value, threshold, baseline, baselineValue, answer);
    }

    /**
     * The naive predictor's name as the verdict and the checkup say it, "repeating the last value", "always the
     * training mean", or the one answer it gives, "always 'sitting'".
     */
    public Message baselineName() {
        return baselineAnswer != null ? Message.of("engine.baseline.majorityAnswer", baselineAnswer)
                : Message.of("engine.baseline." + baseline.name().toLowerCase(Locale.ROOT));
    }

    /** True when the task has an accuracy (it is NaN for regression tasks). */
    public boolean hasAccuracy() {
        return !Double.isNaN(accuracy);
    }
}
