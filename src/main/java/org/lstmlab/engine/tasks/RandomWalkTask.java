package org.lstmlab.engine.tasks;

import java.util.SplittableRandom;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * One-step-ahead forecasting of a Gaussian random walk, the textbook model of a price: each value is the one before
 * plus an independent step drawn from N(0, σ²), σ = {@link #STEP}. Laid out as {@link SineTask} (windows of T
 * values, each step's target the next value, a linear head, MSE), so the same model can be trained on both.
 *
 * <p>Each window starts at a level drawn uniformly from [−1, 1], so the values are on the sine's scale (their
 * variance is about 1/3 + Tσ²/2, 0.53 at the default T = 40, against the sine's 0.5). The steps are independent
 * of the past, so the best forecast of the next value is the current one (a random walk is a martingale), and
 * repeating it, the naive forecast, has an MSE of σ² = 0.01. No model can beat that except by chance.
 *
 * <p>Solved only at a validation MSE 5 % below the naive forecast's: a random walk is here to show a model that
 * cannot be. The checkup calls a model within 5 % of it "no better" (it has learned to repeat the last value).
 */
public final class RandomWalkTask implements Task {
    /** The standard deviation σ of a step. */
    public static final double STEP = 0.1;
    /** The MSE the model must get under, as a fraction of the naive forecast's. */
    public static final double SKILL = 0.95;
    static final int TRAIN_SIZE = NextValue.TRAIN_SIZE;
    static final int VALIDATION_SIZE = NextValue.VALIDATION_SIZE;

    @Override
    public TaskProfile profile() {
        return new TaskProfile("random-walk",
                "Predict the next value of a random walk (a price, say), where repeating the last value is the best"
                        + " forecast there is",
                "validation MSE 5 % below repeating the last value's, which no model can reach except by chance",
                24, SineTask.DEFAULT_STEPS, SineTask.MIN_STEPS, SineTask.MAX_STEPS);
    }

    @Override
    public int trainSize() {
        return TRAIN_SIZE;
    }

    @Override
    public Dataset generate(int steps, long seed) {
        return NextValue.dataset(name(), resolveSteps(steps), seed, RandomWalkTask::sample);
    }

    /** A walk of {@code steps} + 1 values: the first {@code steps} are the inputs, the last {@code steps} targets. */
    static Sample sample(int steps, SplittableRandom rng) {
        double[] walk = new double[steps + 1];
        walk[0] = rng.nextDouble(-1, 1);
        for (int t = 1; t <= steps; t++) {
            walk[t] = walk[t - 1] + STEP * rng.nextGaussian();
        }
        double[] x = new double[steps];
        double[] y = new double[steps];
        System.arraycopy(walk, 0, x, 0, steps);
        System.arraycopy(walk, 1, y, 0, steps);
        return Sample.dense(x, steps, 1, y);
    }

    /**
     * The tutorials' plot: the model's forecast of the next value after each of {@code values} it reads, the true
     * values as its inputs (teacher forcing), as training and scoring see them. Use a model no other thread is
     * training (a copy).
     */
    public static double[] oneStepForecasts(SequenceModel model, double[] values) {
        return NextValue.forecasts(model, values, 0);
    }

    @Override
    public TaskScore.Metric metric() {
        return TaskScore.Metric.MSE;
    }

    /** The sine's settings, so that the two tasks train the same model the same way. */
    @Override
    public TrainingConfig defaults() {
        return new SineTask().defaults();
    }

    /** Judged on the validation MSE against repeating the current value (persistence); no accuracy. */
    @Override
    public TaskScore score(Evaluation evaluation) {
        return NextValue.score(evaluation, naive -> SKILL * naive);
    }
}
