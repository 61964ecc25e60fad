package org.lstmlab.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Counting aⁿXbⁿ, the context-free language LSTMs learn in Gers &amp; Schmidhuber (2001), "LSTM recurrent networks
 * learn simple context-free and context-sensitive languages" (IEEE TNN 12(6)); an LSTM's unbounded cell can count
 * and a GRU's bounded state cannot (Weiss, Goldberg &amp; Yahav 2018). Strings {@code S aⁿ X bⁿ E} with
 * 1 ≤ n ≤ N (N = 10 by default), trained as next-symbol prediction. While the a's come, the next symbol is a guess
 * (a or X); after the X it is fixed: exactly n b's, then E. The model must count.
 *
 * <p>A string is correct when every prediction after the X (the b's and the E) is the most probable symbol;
 * solved when 99 % of the validation strings are. The counter is visible in h and c in the debugger.
 */
public final class CountingTask implements Task {
    public static final List<String> SYMBOLS = List.of("S", "a", "X", "b", "E");
    public static final int DEFAULT_STEPS = 10;
    public static final int MIN_STEPS = 2;
    public static final int MAX_STEPS = 50;
    public static final double SOLVED_FRACTION = 0.99;
    static final int TRAIN_SIZE = 3000;
    static final int VALIDATION_SIZE = 500;
    private static final int S = 0;
    private static final int A = 1;
    private static final int X = 2;
    private static final int B = 3;
    private static final int E = 4;

    @Override
    public boolean readsTokens() {
        return true;
    }

    @Override
    public TaskProfile profile() {
        return new TaskProfile("counting",
                "Predict aⁿXbⁿ: after the X, exactly as many b's as there were a's (Gers & Schmidhuber 2001)",
                "at least 99 % of validation strings with every b and the final E predicted",
                10, DEFAULT_STEPS, MIN_STEPS, MAX_STEPS);
    }

    @Override
    public int trainSize() {
        return TRAIN_SIZE;
    }

    @Override
    public Dataset generate(int steps, long seed) {
        int n = steps > 0 ? steps : DEFAULT_STEPS;
        if (n < MIN_STEPS || n > MAX_STEPS) {
            throw new IllegalArgumentException("counting needs a largest n from " + MIN_STEPS + " to " + MAX_STEPS
                    + ", got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        return new Dataset(name(), samples(TRAIN_SIZE, n, rng), samples(VALIDATION_SIZE, n, rng), SYMBOLS.size(),
                SYMBOLS.size(), HeadMode.EVERY_STEP, Loss.SOFTMAX_CROSS_ENTROPY, SYMBOLS);
    }

    /** {@code S aⁿ X bⁿ} as input and {@code aⁿ X bⁿ E} as the next-symbol targets. */
    static Sample sample(int n) {
        int len = 2 * n + 2;
        int[] s = new int[len + 1];
        s[0] = S;
        for (int i = 1; i <= n; i++) {
            s[i] = A;
            s[n + 1 + i] = B;
        }
        s[n + 1] = X;
        s[len] = E;
        return Sample.tokens(java.util.Arrays.copyOf(s, len), SYMBOLS.size(),
                java.util.Arrays.copyOfRange(s, 1, len + 1));
    }

    private static List<Sample> samples(int count, int maxN, SplittableRandom rng) {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sample(1 + rng.nextInt(maxN)));
        }
        return out;
    }

    /** Which target steps are determined by the prefix: those after the X. */
    static boolean[] scored(int[] targets) {
        boolean[] s = new boolean[targets.length];
        boolean seenX = false;
        for (int t = 0; t < targets.length; t++) {
            s[t] = seenX;
            seenX |= targets[t] == X;
        }
        return s;
    }


    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(10).learningRate(1e-2).batchSize(16)
                .clipNorm(1.0).build();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        long right = 0;
        for (int i = 0; i < evaluation.samples().size(); i++) {
            int[] y = evaluation.samples().get(i).classes();
            if (Scoring.sequenceArgmaxCorrect(evaluation.predictions().get(i), y, SYMBOLS.size(), scored(y))) {
                right++;
            }
        }
        double accuracy = evaluation.samples().isEmpty() ? Double.NaN
                : (double) right / evaluation.samples().size();
        return TaskScore.accuracy(accuracy, SOLVED_FRACTION, TaskScore.Baseline.NONE, Double.NaN);
    }
}
