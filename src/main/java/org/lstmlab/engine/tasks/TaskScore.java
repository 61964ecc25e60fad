package org.lstmlab.engine.tasks;

/**
 * A task's verdict on a model.
 *
 * @param accuracy fraction of samples correct by the task's rule (NaN where it does not apply)
 * @param solved   whether the task's success criterion holds
 */
public record TaskScore(double accuracy, boolean solved) {
}
