package org.lstmlab.engine.tasks;

import java.util.Set;

import org.lstmlab.engine.train.Evaluation;

/**
 * The verdict of a sentiment task with negation: the accuracy over every review, and the accuracy over the
 * reviews that contain a negation word, which a model that ignores word order (a bag of words) gets only by
 * chance.
 */
final class NegationScore {
    private NegationScore() {
    }

    /**
     * @param negations the token ids of the negation words
     * @param overall   the accuracy needed over every review
     * @param negated   the accuracy needed over the reviews with a negation word
     */
    static TaskScore score(Evaluation evaluation, Set<Integer> negations, double overall, double negated) {
        long right = 0;
        long negRight = 0;
        long neg = 0;
        for (int i = 0; i < evaluation.samples().size(); i++) {
            boolean ok = (evaluation.predictions().get(i)[0] > 0.5) == (evaluation.samples().get(i).target()[0] > 0.5);
            boolean hasNegation = false;
            for (int tk : evaluation.samples().get(i).tokens()) {
                hasNegation |= negations.contains(tk);
            }
            right += ok ? 1 : 0;
            if (hasNegation) {
                neg++;
                negRight += ok ? 1 : 0;
            }
        }
        int n = evaluation.samples().size();
        double accuracy = n == 0 ? Double.NaN : (double) right / n;
        double onNegated = neg == 0 ? 0 : (double) negRight / neg;
        return new TaskScore(accuracy, accuracy >= overall && onNegated >= negated, TaskScore.Metric.ACCURACY, accuracy,
                overall, TaskScore.Baseline.MAJORITY, Scoring.majorityBinary(evaluation));
    }
}
