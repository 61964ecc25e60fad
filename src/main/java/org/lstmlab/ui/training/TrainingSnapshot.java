package org.lstmlab.ui.training;

import java.util.List;

import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.EpochReport;

/**
 * What the UI draws of a training run, published by the worker (latest wins) and read by the view once per
 * frame. Immutable: every array is the worker's copy, never read or written again by it.
 *
 * @param version          increases with every publication
 * @param state            where the run is
 * @param message          why it halted or failed, or an empty string
 * @param epoch            0-based epoch of the next step
 * @param epochs           configured epochs
 * @param batch            0-based batch of the next step
 * @param batchesPerEpoch  batches in an epoch
 * @param steps            steps trained so far (skipped ones included)
 * @param samplesPerSecond recent training speed
 * @param secondsLeft      estimated time to the end
 * @param lastLoss         loss of the last step
 * @param lastGradNorm     global gradient norm of the last step, before clipping
 * @param skippedSteps     steps the NaN guard skipped
 * @param history          per-step {steps, losses, gradient norms}, decimated
 * @param epochMetrics     one entry per finished epoch
 * @param gradNormPerStep  per layer, mean over the probe batch of ‖∂L/∂h_t‖ for t = 1..T
 * @param weights          histogram of every weight
 * @param gradients        histogram of every gradient of the probe batch
 * @param sample           text sampled from a character model, or an empty string
 * @param freeRun          the sine model running free on its own predictions after a warm-up, a random walk's
 *                         model forecasting each next value of its first validation window, or empty
 * @param freeRunTruth     the true values over the same steps, or empty
 * @param checkup          the run's warning signs so far (none before its first epoch)
 * @param failure          what failed the run (a data file's problems, ...), or null
 */
public record TrainingSnapshot(long version, RunState state, String message, int epoch, int epochs, int batch,
                               int batchesPerEpoch, long steps, double samplesPerSecond, double secondsLeft,
                               double lastLoss, double lastGradNorm, long skippedSteps, double[][] history,
                               List<EpochReport> epochMetrics, List<double[]> gradNormPerStep, Histogram weights,
                               Histogram gradients, String sample, double[] freeRun, double[] freeRunTruth,
                               List<Checkup.Finding> checkup, Throwable failure) {

    /** The snapshot of a run that has not started training yet. */
    public static TrainingSnapshot preparing(int epochs) {
        return new TrainingSnapshot(0, RunState.PREPARING, "", 0, epochs, 0, 1, 0, 0, Double.NaN, Double.NaN,
                Double.NaN, 0, new double[][] {{}, {}, {}}, List.of(), List.of(), Histogram.EMPTY, Histogram.EMPTY,
                "", new double[0], new double[0], List.of(), null);
    }

    /** Fraction of all steps done, 0..1. */
    public double progress() {
        long total = (long) epochs * batchesPerEpoch;
        return total == 0 ? 0 : Math.min(1, (double) steps / total);
    }

    /** The last finished epoch's metrics, or null. */
    public EpochReport lastEpoch() {
        return epochMetrics.isEmpty() ? null : epochMetrics.get(epochMetrics.size() - 1);
    }
}
