package org.lstmlab.engine.tasks;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Next-symbol prediction on the embedded Reber grammar (Hochreiter &amp; Schmidhuber 1997, experiment 1). Input:
 * the string's symbols one-hot, all but the last; target at every step: the set of legal next symbols, as 7
 * sigmoid outputs trained with binary cross-entropy (the paper's local targets).
 *
 * <p>A string is correct when at every step exactly the legal symbols have an output above 0.5; the hard step is
 * the second-to-last, where T or P must repeat the symbol seen right after the first B. Solved when 95 % of the
 * validation strings are correct.
 */
public final class ReberTask implements Task {
    public static final double SOLVED_FRACTION = 0.95;
    static final int TRAIN_SIZE = 4000;
    static final int VALIDATION_SIZE = 500;

    @Override
    public boolean readsTokens() {
        return true;
    }

    @Override
    public TaskProfile profile() {
        return new TaskProfile("reber",
                "Predict the legal next symbols of embedded Reber strings (Hochreiter & Schmidhuber 1997)",
                "at least 95 % of validation strings with every legal next symbol predicted, the final T/P included",
                16, 0, 0, 0);
    }

    @Override
    public int trainSize() {
        return TRAIN_SIZE;
    }

    @Override
    public Dataset generate(int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Dataset(name(), Generated.samples(TRAIN_SIZE, rng, ReberTask::sample),
                Generated.samples(VALIDATION_SIZE, rng, ReberTask::sample), 7, 7,
                HeadMode.EVERY_STEP, Loss.BINARY_CROSS_ENTROPY, ReberGrammar.SYMBOLS);
    }

    /** An embedded Reber string but its last symbol; the target at each step: the symbols that may follow. */
    private static Sample sample(SplittableRandom rng) {
        int[] s = ReberGrammar.embedded(rng);
        return Sample.tokensWithValues(Arrays.copyOf(s, s.length - 1), 7, ReberGrammar.legalNext(s));
    }


    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(12).learningRate(1e-2).batchSize(16)
                .clipNorm(1.0).build();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        return TaskScore.accuracy(Scoring.withinTolerance(evaluation, 0.5), SOLVED_FRACTION,
                TaskScore.Baseline.NONE, Double.NaN);
    }
}
