package org.lstmlab.engine.train;

/**
 * What one optimizer step did.
 *
 * @param epoch     0-based epoch of the step
 * @param batch     0-based batch within the epoch
 * @param loss      mean loss of the batch (before the update)
 * @param gradNorm  global gradient norm before clipping
 * @param skipped   true when the loss or gradient was not finite and no update was applied
 * @param samples   sequences in the batch
 */
public record StepResult(int epoch, int batch, double loss, double gradNorm, boolean skipped, int samples) {
}
