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
 * The copy (memory) task as in Arjovsky, Shah &amp; Bengio 2016: {@value #LENGTH} symbols from 8 categories, then T
 * blanks with a recall marker {@code :} at the last of them, then {@value #LENGTH} more blanks during which the
 * model must output the symbols it saw, in order. Every step has a softmax output; the target is blank except in
 * the last {@value #LENGTH} steps.
 *
 * <p>Scored on the copied symbols only: the fraction right. A memoryless model that outputs blanks and then the
 * most frequent symbol gets about 1/8. Solved when 99 % of the copied symbols are right.
 */
public final class CopyTask implements Task {
    public static final int LENGTH = 10;
    public static final int CATEGORIES = 8;
    public static final int BLANK = 8;
    public static final int MARKER = 9;
    public static final List<String> SYMBOLS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "_", ":");
    public static final int DEFAULT_STEPS = 10;
    public static final int MIN_STEPS = 1;
    public static final int MAX_STEPS = 200;
    public static final double SOLVED_FRACTION = 0.99;
    static final int TRAIN_SIZE = 8000;
    static final int VALIDATION_SIZE = 500;

    @Override
    public boolean readsTokens() {
        return true;
    }

    @Override
    public TaskProfile profile() {
        return new TaskProfile("copy",
                "Remember 10 symbols across T blanks and repeat them after the marker (Arjovsky et al. 2016)",
                "at least 99 % of the copied symbols right (a memoryless model gets about 12.5 %)",
                64, DEFAULT_STEPS, MIN_STEPS, MAX_STEPS);
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
                CATEGORIES + 1, HeadMode.EVERY_STEP, Loss.SOFTMAX_CROSS_ENTROPY, SYMBOLS);
    }

    /** Input: symbols, T−1 blanks, the marker, 10 blanks; target: T+10 blanks, then the symbols. */
    static Sample sample(int blanks, SplittableRandom rng) {
        int n = blanks + 2 * LENGTH;
        int[] in = new int[n];
        int[] out = new int[n];
        java.util.Arrays.fill(in, BLANK);
        java.util.Arrays.fill(out, BLANK);
        for (int i = 0; i < LENGTH; i++) {
            in[i] = rng.nextInt(CATEGORIES);
            out[blanks + LENGTH + i] = in[i];
        }
        in[blanks + LENGTH - 1] = MARKER;
        return Sample.tokens(in, SYMBOLS.size(), out);
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(20).learningRate(1e-2).clipNorm(1.0).build();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        long right = 0;
        long total = 0;
        int k = CATEGORIES + 1;
        for (int i = 0; i < evaluation.samples().size(); i++) {
            double[] p = evaluation.predictions().get(i);
            int[] y = evaluation.samples().get(i).classes();
            for (int t = y.length - LENGTH; t < y.length; t++) {
                right += Scoring.argmax(p, t * k, k) == y[t] ? 1 : 0;
                total++;
            }
        }
        double accuracy = total == 0 ? Double.NaN : (double) right / total;
        return TaskScore.accuracy(accuracy, SOLVED_FRACTION, TaskScore.Baseline.MAJORITY,
                Scoring.majorityClass(evaluation, k, LENGTH));
    }
}
