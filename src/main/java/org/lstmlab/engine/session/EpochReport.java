package org.lstmlab.engine.session;

import org.lstmlab.engine.tasks.TaskScore;

/**
 * What one epoch of a {@link TrainingSession} ended with.
 *
 * @param epoch        1-based
 * @param trainLoss    mean loss of the epoch's steps that were not skipped, weighted by their samples
 * @param valLoss      loss on the validation set after the epoch (NaN when there is none)
 * @param score        the task's verdict on the validation set: solved or not, by what measure and threshold
 * @param steps        optimizer steps trained so far in the run (skipped ones included)
 * @param skippedSteps steps skipped so far in the run because a loss, gradient or update was not finite
 * @param seconds      wall-clock time of the epoch, validation included
 * @param weightChange how far the epoch moved the weights, ‖Δw‖ / ‖w‖ over every weight of the model (NaN when it
 *                     is not known)
 */
public record EpochReport(int epoch, double trainLoss, double valLoss, TaskScore score, long steps,
                          long skippedSteps, double seconds, double weightChange) {

    /** The task's accuracy, or NaN where the task has none. */
    public double valAccuracy() {
        return score.accuracy();
    }

    public boolean solved() {
        return score.solved();
    }
}
