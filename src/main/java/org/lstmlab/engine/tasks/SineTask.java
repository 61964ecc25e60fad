package org.lstmlab.engine.tasks;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Sine-wave prediction after PyTorch's {@code time_sequence_prediction} example: windows of T steps of
 * {@code sin(t / 4 + φ)} with a random phase φ, each step's target the next value, a linear head and MSE.
 * Once trained, the model runs free: its own prediction becomes the next input ({@link #freeRun}), and a good
 * model keeps oscillating.
 *
 * <p>Scored on validation windows (teacher forcing): solved when the MSE of the next-value prediction is below
 * 0.001 (the wave's variance is 0.5); the naive forecast, repeating the current value, gets about 0.03.
 */
public final class SineTask implements Task {
    public static final double PERIOD_SCALE = 4.0;
    public static final int DEFAULT_STEPS = 40;
    public static final int MIN_STEPS = 5;
    public static final int MAX_STEPS = 200;
    public static final double SOLVED_MSE = 1e-3;
    static final int TRAIN_SIZE = NextValue.TRAIN_SIZE;
    static final int VALIDATION_SIZE = NextValue.VALIDATION_SIZE;

    @Override
    public TaskProfile profile() {
        return new TaskProfile("sine",
                "Predict the next value of a sine wave, then let the model run free on its own predictions",
                "validation MSE of the next-value prediction below 0.001",
                24, DEFAULT_STEPS, MIN_STEPS, MAX_STEPS);
    }

    @Override
    public int trainSize() {
        return TRAIN_SIZE;
    }

    @Override
    public Dataset generate(int steps, long seed) {
        return NextValue.dataset(name(), resolveSteps(steps), seed, SineTask::sample);
    }

    /** The wave at step t for phase φ. */
    public static double wave(double t, double phase) {
        return Math.sin(t / PERIOD_SCALE + phase);
    }

    static Sample sample(int steps, SplittableRandom rng) {
        double phase = rng.nextDouble(0, 2 * Math.PI);
        double[] x = new double[steps];
        double[] y = new double[steps];
        for (int t = 0; t < steps; t++) {
            x[t] = wave(t, phase);
            y[t] = wave(t + 1, phase);
        }
        return Sample.dense(x, steps, 1, y);
    }

    /**
     * Free-running prediction: reads {@code warmup} true values, then feeds each prediction back as the next input
     * for {@code steps} more steps, and returns those {@code steps} values. Use a model no other thread is
     * training (a copy).
     */
    public static double[] freeRun(SequenceModel model, double[] warmup, int steps) {
        if (warmup.length == 0) {
            throw new IllegalArgumentException("free running needs at least one true value to start from");
        }
        if (steps == 0) {
            return new double[0];
        }
        double[] all = NextValue.forecasts(model, warmup, steps - 1);
        return Arrays.copyOfRange(all, warmup.length - 1, all.length);
    }

    @Override
    public TaskScore.Metric metric() {
        return TaskScore.Metric.MSE;
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(20).learningRate(1e-2).clipNorm(1.0).build();
    }

    /**
     * Judged on the validation MSE of the next-value prediction, against repeating the current value as the
     * forecast (persistence); a regression has no accuracy.
     */
    @Override
    public TaskScore score(Evaluation evaluation) {
        return NextValue.score(evaluation, naive -> SOLVED_MSE);
    }
}
