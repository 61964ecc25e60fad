package org.lstmlab.engine.tasks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.SequenceModel;
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

    /**
     * The validation MSE against a threshold (solved below it) that {@code threshold} makes of the naive forecast's
     * MSE, which stands beside it.
     */
    static TaskScore score(Evaluation evaluation, DoubleUnaryOperator threshold) {
        double[] mse = mse(evaluation);
        return TaskScore.below(TaskScore.Metric.MSE, mse[0], threshold.applyAsDouble(mse[1]),
                TaskScore.Baseline.LAST_VALUE, mse[1]);
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

    /**
     * A next-value model's forecasts: one after each of {@code values} read as inputs (teacher forcing), then
     * {@code free} more, each forecast fed back as the next input; {@code values.length + free} in all. Use a model
     * no other thread is training (a copy).
     */
    static double[] forecasts(SequenceModel model, double[] values, int free) {
        StatefulRunner runner = new StatefulRunner(model);
        double[] out = new double[values.length + free];
        for (int t = 0; t < out.length; t++) {
            out[t] = runner.step(new double[] {t < values.length ? values[t] : out[t - 1]})[0];
        }
        return out;
    }
}
