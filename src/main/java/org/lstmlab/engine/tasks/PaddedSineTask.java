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
 * Sequences of several lengths zero-padded to one: stretches of the sine of {@link SineTask}, {@code sin(t / 4 + φ)}
 * for t = 0 … L − 1 with a random phase φ and a random length L from T / 5 to T, followed by zeros up to T steps;
 * the target is the next value, {@code sin(L / 4 + φ)}, read by a linear head after the last step, with MSE. The
 * samples carry their lengths ({@link Sample#length}), so the head reads h at each sequence's real last step, as
 * PyTorch's {@code pack_padded_sequence} with {@code h_n[-1]} does; a lesson's run can read h after the padding
 * instead ({@code out[:, -1]}, the tutorials' mistake) to measure what that costs.
 *
 * <p>Solved when the validation MSE is below 0.001, as for the sine; repeating the last real value gets about 0.03.
 */
public final class PaddedSineTask implements Task {
    public static final int DEFAULT_STEPS = 28;
    public static final int MIN_STEPS = 5;
    public static final int MAX_STEPS = 200;
    public static final double SOLVED_MSE = SineTask.SOLVED_MSE;
    static final int TRAIN_SIZE = NextValue.TRAIN_SIZE;
    static final int VALIDATION_SIZE = NextValue.VALIDATION_SIZE;

    @Override
    public TaskProfile profile() {
        return new TaskProfile("padded-sine",
                "Predict the next value of sine stretches of several lengths, zero-padded to one length",
                "validation MSE of the next-value prediction below 0.001",
                24, DEFAULT_STEPS, MIN_STEPS, MAX_STEPS);
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
                Generated.samples(VALIDATION_SIZE, rng, r -> sample(t, r)), 1, 1, HeadMode.LAST,
                Loss.MEAN_SQUARED_ERROR, List.of());
    }

    /** One stretch of L real steps, L from T / 5 to T, zero-padded to T, and the wave's value after it. */
    static Sample sample(int steps, SplittableRandom rng) {
        int shortest = Math.max(1, steps / 5);
        int length = shortest + rng.nextInt(steps - shortest + 1);
        double phase = rng.nextDouble(0, 2 * Math.PI);
        double[] x = new double[steps];
        for (int t = 0; t < length; t++) {
            x[t] = SineTask.wave(t, phase);
        }
        return Sample.padded(x, steps, length, 1, SineTask.wave(length, phase));
    }

    @Override
    public TaskScore.Metric metric() {
        return TaskScore.Metric.MSE;
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(20).learningRate(1e-2).clipNorm(1.0).build();
    }

    /** The validation MSE, against repeating each sequence's last real value as the forecast. */
    @Override
    public TaskScore score(Evaluation evaluation) {
        double sq = 0;
        double naive = 0;
        int n = evaluation.samples().size();
        for (int i = 0; i < n; i++) {
            Sample s = evaluation.samples().get(i);
            double y = s.target()[0];
            double e = evaluation.predictions().get(i)[0] - y;
            double last = s.x()[s.length() - 1] - y;
            sq += e * e;
            naive += last * last;
        }
        double mse = n == 0 ? Double.NaN : sq / n;
        double baseline = n == 0 ? Double.NaN : naive / n;
        return TaskScore.below(TaskScore.Metric.MSE, mse, SOLVED_MSE, TaskScore.Baseline.LAST_VALUE, baseline);
    }
}
