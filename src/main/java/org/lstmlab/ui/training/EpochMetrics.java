package org.lstmlab.ui.training;

/**
 * What one epoch ended with.
 *
 * @param epoch        1-based
 * @param trainLoss    mean loss of its (non-skipped) steps
 * @param valLoss      loss on the validation set after the epoch
 * @param valAccuracy  the task's accuracy on it (NaN where it has none)
 * @param solved       whether the task's criterion held
 */
public record EpochMetrics(int epoch, double trainLoss, double valLoss, double valAccuracy, boolean solved) {
}
