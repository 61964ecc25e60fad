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
 * Temporal order, Hochreiter &amp; Schmidhuber 1997 experiment 6a. A sequence of length T to T + T/10 starts with
 * {@code B}, ends with {@code E}, and is otherwise made of the distractors {@code a b c d}, except for two
 * positions: one in [0.1·T, 0.2·T] and one in [0.5·T, 0.6·T] (the paper's [10, 20] and [50, 60] at T = 100) hold
 * {@code X} or {@code Y}. The class is the order of the two: XX, XY, YX or YY, read from a softmax after the last
 * step.
 *
 * <p>The paper's rule: a sequence is correct when every output is within 0.3 of its target (so the right class
 * gets more than 0.7). Solved when 95 % of the validation sequences are correct; chance is 25%.
 *
 * <p>The default length is 50, not the paper's 100: the paper's LSTM had no forget gate, so its cells kept their
 * contents for free; with a forget gate initialised as Keras does (bias 1, so f ≈ 0.73), the gradient from the
 * end reaches step 10 of 100 scaled by about 0.73⁹⁰, and in our runs an LSTM(24) with Adam stayed on the chance
 * plateau (loss ln 4) for 8 epochs of 6000 sequences at T = 100, while at T = 50 it is solved within two epochs.
 * T = 100 remains available ({@code --seq-len 100}).
 */
public final class TemporalOrderTask implements Task {
    public static final List<String> SYMBOLS = List.of("a", "b", "c", "d", "X", "Y", "B", "E");
    public static final List<String> CLASSES = List.of("XX", "XY", "YX", "YY");
    public static final int DEFAULT_STEPS = 50;
    public static final int MIN_STEPS = 20;
    public static final int MAX_STEPS = 200;
    public static final double TOLERANCE = 0.3;
    public static final double SOLVED_FRACTION = 0.95;
    static final int TRAIN_SIZE = 6000;
    static final int VALIDATION_SIZE = 500;
    private static final int X = 4;
    private static final int B = 6;
    private static final int E = 7;

    @Override
    public boolean readsTokens() {
        return true;
    }

    @Override
    public TaskProfile profile() {
        return new TaskProfile("temporal-order",
                "Classify the order of two X/Y symbols hidden among distractors (Hochreiter & Schmidhuber 1997)",
                "at least 95 % of validation sequences with every output within 0.3 of its target",
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
                Generated.samples(VALIDATION_SIZE, rng, r -> sample(t, r)), SYMBOLS.size(),
                CLASSES.size(), HeadMode.LAST, Loss.SOFTMAX_CROSS_ENTROPY, SYMBOLS);
    }

    /** One sequence of length T..T+T/10 and its class (0 XX, 1 XY, 2 YX, 3 YY). */
    static Sample sample(int base, SplittableRandom rng) {
        int length = base + rng.nextInt(base / 10 + 1);
        int[] s = new int[length];
        for (int i = 1; i < length - 1; i++) {
            s[i] = rng.nextInt(4);
        }
        s[0] = B;
        s[length - 1] = E;
        int t1 = between(base / 10, base / 5, rng);
        int t2 = between(base / 2, base * 3 / 5, rng);
        int first = rng.nextInt(2);
        int second = rng.nextInt(2);
        s[t1] = X + first;
        s[t2] = X + second;
        return Sample.tokens(s, SYMBOLS.size(), new int[] {2 * first + second});
    }

    private static int between(int lo, int hi, SplittableRandom rng) {
        return Math.max(1, lo + rng.nextInt(hi - lo + 1));
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(10).learningRate(3e-3).clipNorm(1.0).build();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        long right = 0;
        for (int i = 0; i < evaluation.samples().size(); i++) {
            double[] p = evaluation.predictions().get(i);
            int target = evaluation.samples().get(i).classes()[0];
            boolean ok = true;
            for (int k = 0; k < p.length; k++) {
                ok &= Math.abs(p[k] - (k == target ? 1.0 : 0.0)) < TOLERANCE;
            }
            right += ok ? 1 : 0;
        }
        double accuracy = evaluation.samples().isEmpty() ? Double.NaN
                : (double) right / evaluation.samples().size();
        return TaskScore.accuracy(accuracy, SOLVED_FRACTION, TaskScore.Baseline.MAJORITY,
                Scoring.majorityClass(evaluation, CLASSES.size(), 1));
    }
}
