package org.lstmlab.engine.tasks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.train.Evaluation;

/**
 * The data and the verdict of a next-value task (the sine, the random walk): {@code TRAIN_SIZE} then
 * {@code VALIDATION_SIZE} windows from one seed, each step's target the next value, a linear head and MSE; the
 * verdict compares the MSE of the model's predictions with that of the naive forecast, repeating the current input
 * ("persistence"), over the same steps.
 */
final class NextValue {
    static final int TRAIN_SIZE = 2000;
    static final int VALIDATION_SIZE = 200;

    private NextValue() {
    }

    /** The task's windows of {@code steps} values, each made by {@code window} from the seed's one stream. */
    static Dataset dataset(String name, int steps, long seed, BiFunction<Integer, SplittableRandom, Sample> window) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Dataset(name, Generated.samples(TRAIN_SIZE, rng, r -> window.apply(steps, r)),
                Generated.samples(VALIDATION_SIZE, rng, r -> window.apply(steps, r)), 1, 1,
                HeadMode.EVERY_STEP, Loss.MEAN_SQUARED_ERROR, List.of());
    }

    /** The validation MSE against {@code threshold} (solved below it), with the naive forecast's MSE beside it. */
    static TaskScore score(Evaluation evaluation, double threshold) {
        double[] mse = mse(evaluation);
        return TaskScore.below(TaskScore.Metric.MSE, mse[0], threshold, TaskScore.Baseline.LAST_VALUE, mse[1]);
    }

    /** The model's MSE and the naive forecast's, each NaN when there are no predictions. */
    static double[] mse(Evaluation evaluation) {
        long total = 0;
        double sq = 0;
        double naive = 0;
        for (int i = 0; i < evaluation.samples().size(); i++) {
            double[] p = evaluation.predictions().get(i);
            double[] x = evaluation.samples().get(i).x();
            double[] y = evaluation.samples().get(i).target();
            for (int t = 0; t < p.length; t++) {
                double e = p[t] - y[t];
                double n = x[t] - y[t];
                sq += e * e;
                naive += n * n;
                total++;
            }
        }
        return total == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {sq / total, naive / total};
    }
}
