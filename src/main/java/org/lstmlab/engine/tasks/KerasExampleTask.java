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
 * The model Keras users start from, {@code LSTM(50, input_shape=(10, 1))} + {@code Dense(1, 'sigmoid')}, on a
 * binary task that needs memory: each step is a number drawn from U(0, 1), and the label says whether the running
 * sum ends above half the sequence length (T/2), the expected sum, so the classes are balanced. Solved at 95 %
 * validation accuracy.
 */
public final class KerasExampleTask implements Task {
    public static final int DEFAULT_STEPS = 10;
    public static final int TRAIN_SIZE = 8000;
    public static final int VALIDATION_SIZE = 2000;
    public static final double SOLVED_ACCURACY = 0.95;

    @Override
    public TaskProfile profile() {
        return new TaskProfile("keras-example",
                "Does the running sum of T numbers from U(0,1) end above T/2? (LSTM(50) + Dense(1, sigmoid))",
                "validation accuracy ≥ 95 %",
                50, DEFAULT_STEPS, 2, 200);
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
                Generated.samples(VALIDATION_SIZE, rng, r -> sample(t, r)), 1, 1,
                HeadMode.LAST, Loss.BINARY_CROSS_ENTROPY, List.of());
    }

    /** T numbers in [0, 1); the target says whether they sum to more than T/2. */
    private static Sample sample(int steps, SplittableRandom rng) {
        double[] x = new double[steps];
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            x[t] = rng.nextDouble();
            sum += x[t];
        }
        return Sample.dense(x, steps, 1, sum > steps / 2.0 ? 1.0 : 0.0);
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.kerasDefaults();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        return TaskScore.accuracy(Scoring.binaryAccuracy(evaluation), SOLVED_ACCURACY, TaskScore.Baseline.MAJORITY,
                Scoring.majorityBinary(evaluation));
    }
}
