package org.lstmlab.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Sine-wave prediction after PyTorch's {@code time_sequence_prediction} example: windows of T steps of
 * {@code sin(t / 4 + φ)} with a random phase φ, each step's target the next value, a linear head and MSE.
 * Once trained, the model runs free: its own prediction becomes the next input ({@link #freeRun}), and a good
 * model keeps oscillating.
 *
 * <p>Scored step by step on validation windows (teacher forcing): a step is right when it is within 0.05 of the
 * next value; solved when the validation MSE is below 0.001 (the wave's variance is 0.5).
 */
public final class SineTask implements Task {
    public static final double PERIOD_SCALE = 4.0;
    public static final int DEFAULT_STEPS = 40;
    public static final int MIN_STEPS = 5;
    public static final int MAX_STEPS = 200;
    public static final double SOLVED_MSE = 1e-3;
    public static final double STEP_TOLERANCE = 0.05;
    static final int TRAIN_SIZE = 2000;
    static final int VALIDATION_SIZE = 200;

    @Override
    public TaskProfile profile() {
        return new TaskProfile("sine",
                "Predict the next value of a sine wave, then let the model run free on its own predictions",
                "validation MSE of the next-value prediction below 0.001",
                24, DEFAULT_STEPS, MIN_STEPS, MAX_STEPS);
    }

    @Override
    public Dataset generate(int steps, long seed) {
        int t = resolveSteps(steps);
        SplittableRandom rng = new SplittableRandom(seed);
        return new Dataset(name(), samples(TRAIN_SIZE, t, rng), samples(VALIDATION_SIZE, t, rng), 1, 1,
                HeadMode.EVERY_STEP, Loss.MEAN_SQUARED_ERROR, List.of());
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

    private static List<Sample> samples(int n, int steps, SplittableRandom rng) {
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sample(steps, rng));
        }
        return out;
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
        StatefulRunner runner = new StatefulRunner(model);
        double[] p = null;
        for (double v : warmup) {
            p = runner.step(new double[] {v});
        }
        double[] out = new double[steps];
        for (int k = 0; k < steps; k++) {
            out[k] = p[0];
            p = runner.step(new double[] {out[k]});
        }
        return out;
    }

    @Override
    public ModelSpec model(Dataset data, CellType cell, int hidden, int layers) {
        return new ModelSpec(cell, 1, hidden, layers, 1, HeadMode.EVERY_STEP, Loss.MEAN_SQUARED_ERROR);
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.kerasDefaults().withEpochs(20).withLearningRate(1e-2).withClipNorm(1.0);
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        long right = 0;
        long total = 0;
        double sq = 0;
        for (int i = 0; i < evaluation.samples().size(); i++) {
            double[] p = evaluation.predictions().get(i);
            double[] y = evaluation.samples().get(i).target();
            for (int t = 0; t < p.length; t++) {
                double e = p[t] - y[t];
                sq += e * e;
                right += Math.abs(e) < STEP_TOLERANCE ? 1 : 0;
                total++;
            }
        }
        if (total == 0) {
            return new TaskScore(Double.NaN, false);
        }
        return new TaskScore((double) right / total, sq / total < SOLVED_MSE);
    }
}
