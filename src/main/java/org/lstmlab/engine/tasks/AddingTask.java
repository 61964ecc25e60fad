package org.lstmlab.engine.tasks;

import java.util.List;
import java.util.SplittableRandom;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The adding problem of Hochreiter &amp; Schmidhuber 1997 (experiment 4). Each step carries two features: a value
 * X ~ U(−1, 1) and a marker. Exactly two steps are marked (1.0): one in the first half of the sequence and one in
 * the second, as in the later literature (Le, Jaitly &amp; Hinton 2015; Arjovsky et al. 2016); every other marker
 * is 0. After the last step the model outputs the paper's target {@code 0.5 + (X1 + X2) / 4}, in [0, 1], with a
 * linear head and MSE. The first value must be carried over at least T/2 steps.
 *
 * <p>As in the paper, a sequence is correct when the absolute error is below 0.04. Predicting the constant 0.5
 * gets about 16 % of sequences right, and so does a model that only remembers one of the two values.
 */
public final class AddingTask implements Task {
    public static final int DEFAULT_STEPS = 50;
    public static final int MIN_STEPS = 10;
    public static final int MAX_STEPS = 200;
    public static final double TOLERANCE = 0.04;
    public static final double SOLVED_FRACTION = 0.90;
    static final int TRAIN_SIZE = 12000;
    static final int VALIDATION_SIZE = 1000;

    @Override
    public TaskProfile profile() {
        return new TaskProfile("adding",
                "Add the two marked values of a sequence of T numbers (Hochreiter & Schmidhuber 1997)",
                "at least 90 % of validation sequences within 0.04 of 0.5 + (X1+X2)/4",
                32, DEFAULT_STEPS, MIN_STEPS, MAX_STEPS);
    }

    @Override
    public int trainSize() {
        return TRAIN_SIZE;
    }

    @Override
    public Dataset generate(int steps, long seed) {
        int t = resolveSteps(steps);
        SplittableRandom rng = new SplittableRandom(seed);
        return new Dataset(name(), Generated.samples(TRAIN_SIZE, rng, r -> sample(t, r)),
                Generated.samples(VALIDATION_SIZE, rng, r -> sample(t, r)), 2, 1,
                HeadMode.LAST, Loss.MEAN_SQUARED_ERROR, List.of());
    }

    /** One sequence: (value, marker) pairs, two markers, target 0.5 + (X1 + X2) / 4. */
    static Sample sample(int steps, SplittableRandom rng) {
        double[] x = new double[steps * 2];
        for (int t = 0; t < steps; t++) {
            x[2 * t] = rng.nextDouble(-1, 1);
        }
        int half = steps / 2;
        int first = rng.nextInt(half);
        int second = half + rng.nextInt(steps - half);
        x[2 * first + 1] = 1;
        x[2 * second + 1] = 1;
        double target = 0.5 + (x[2 * first] + x[2 * second]) / 4;
        return Sample.dense(x, steps, 2, target);
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(6).learningRate(1e-2).clipNorm(1.0).build();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        return TaskScore.accuracy(Scoring.withinTolerance(evaluation, TOLERANCE), SOLVED_FRACTION,
                TaskScore.Baseline.CONSTANT, Scoring.constantWithinTolerance(evaluation, 0.5, TOLERANCE));
    }
}
