package org.lstmlab.engine.tasks;

import java.util.Optional;

import org.lstmlab.engine.io.SeriesScaling;

/**
 * A CSV series' validation error and the naive forecast's, as root mean squared errors in its target's own units:
 * its MSEs are of standardised values, and an MSE of 0.0268 means little to a student whose sales are in thousands.
 * The Train tab's verdict and {@code train}'s output both say it.
 *
 * @param target    the target column's name
 * @param rmse      the model's RMSE in the target's units
 * @param naiveRmse the naive forecast's RMSE in the same units
 */
public record ErrorsInUnits(String target, double rmse, double naiveRmse) {
    /**
     * The errors of score {@code s}; empty unless the series has one target and the score is an MSE with a naive
     * forecast beside it.
     */
    public static Optional<ErrorsInUnits> of(SeriesScaling scaling, TaskScore s) {
        if (scaling == null || scaling.targets().size() != 1 || s.metric() != TaskScore.Metric.MSE
                || s.baseline() == TaskScore.Baseline.NONE) {
            return Optional.empty();
        }
        double sd = scaling.targetStd()[0];
        return Optional.of(new ErrorsInUnits(scaling.targets().get(0), Math.sqrt(s.value()) * sd,
                Math.sqrt(s.baselineValue()) * sd));
    }
}
