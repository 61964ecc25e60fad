package org.lstmlab.ui.training;

import java.util.List;

import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.RandomWalkTask;
import org.lstmlab.engine.tasks.SineTask;
import org.lstmlab.engine.tasks.TextSampler;

/**
 * Text sampled from a copy of a character model; a copy of a sine model running free; a copy of a random walk's
 * model forecasting one step ahead.
 */
final class Samples {
    static final int LENGTH = 240;

    private Samples() {
    }

    /** Steps the sine model runs free, after reading a window of true values. */
    static final int FREE_STEPS = 120;

    /**
     * A copy of a sine model reads {@code warmup} true values of the wave, then runs {@link #FREE_STEPS} steps on
     * its own predictions; returns {prediction, truth} over those steps.
     */
    static double[][] freeRun(SequenceModel model, int warmup) {
        double[] start = new double[warmup];
        for (int t = 0; t < warmup; t++) {
            start[t] = SineTask.wave(t, 0);
        }
        double[] truth = new double[FREE_STEPS];
        for (int k = 0; k < FREE_STEPS; k++) {
            truth[k] = SineTask.wave(warmup + k, 0);
        }
        return new double[][] {SineTask.freeRun(model.copy(), start, FREE_STEPS), truth};
    }

    /** A copy of a random walk's model forecasts each next value of {@code window}: {forecast, truth}. */
    static double[][] oneStep(SequenceModel model, Sample window) {
        return new double[][] {RandomWalkTask.oneStepForecasts(model.copy(), window.x()), window.target().clone()};
    }

    /** Text sampled from a copy of {@code model} at a temperature (seeded by the step, so it changes). */
    static String text(SequenceModel model, List<String> vocabulary, double temperature, long seed) {
        return TextSampler.sample(model.copy(), vocabulary, "", LENGTH, temperature, seed);
    }
}
