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
 * Sentiment with negation on a small generated language: short reviews such as "the acting was not very good at
 * all", one sentiment word each, and "not" (placed one or two words before it) flips the label. Words are one-hot;
 * a sigmoid after the last word says positive. A bag of words cannot solve it: "good" and "not" each say nothing
 * alone.
 *
 * <p>Solved when the validation accuracy is at least 95% overall and at least 90% on the negated reviews, so a
 * model that ignores "not" (about 50% on those) fails.
 */
public final class SentimentTask implements Task {
    static final List<String> POSITIVE = List.of("good", "great", "fine", "nice", "excellent", "wonderful");
    static final List<String> NEGATIVE = List.of("bad", "awful", "poor", "terrible", "boring", "dull");
    static final List<String> SUBJECTS = List.of("the movie", "the film", "the plot", "the acting", "the ending",
            "this show", "it");
    static final List<String> VERBS = List.of("was", "is", "felt", "seemed");
    static final List<String> INTENSIFIERS = List.of("very", "really", "quite", "so");
    static final List<String> TAILS = List.of("", "", "at all", "to me", "overall", "in the end");
    public static final String NOT = "not";
    public static final double SOLVED_ACCURACY = 0.95;
    public static final double SOLVED_NEGATED = 0.90;
    static final int TRAIN_SIZE = 4000;
    static final int VALIDATION_SIZE = 1000;

    /** The vocabulary, in one-hot order. */
    public static final List<String> VOCABULARY = vocabulary();

    private static List<String> vocabulary() {
        List<String> v = new ArrayList<>();
        v.add(NOT);
        for (List<String> group : List.of(POSITIVE, NEGATIVE, SUBJECTS, VERBS, INTENSIFIERS, TAILS)) {
            for (String phrase : group) {
                for (String w : phrase.split(" ")) {
                    if (!w.isEmpty() && !v.contains(w)) {
                        v.add(w);
                    }
                }
            }
        }
        return List.copyOf(v);
    }

    @Override
    public TaskProfile profile() {
        return new TaskProfile("sentiment",
                "Is a short review positive? \"not\" flips the sentiment word that follows it",
                "validation accuracy at least 95%, and at least 90% on reviews with \"not\"",
                16, 0, 0, 0);
    }

    @Override
    public Dataset generate(int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Dataset(name(), samples(TRAIN_SIZE, rng), samples(VALIDATION_SIZE, rng), VOCABULARY.size(), 1,
                HeadMode.LAST, Loss.BINARY_CROSS_ENTROPY, VOCABULARY);
    }

    /** A review as words and whether it is positive. */
    record Review(List<String> words, boolean positive, boolean negated) {
    }

    static Review review(SplittableRandom rng) {
        List<String> w = new ArrayList<>();
        add(w, pick(SUBJECTS, rng));
        add(w, pick(VERBS, rng));
        boolean negated = rng.nextBoolean();
        boolean good = rng.nextBoolean();
        if (negated) {
            w.add(NOT);
        }
        int extras = rng.nextInt(3);
        for (int i = 0; i < extras; i++) {
            w.add(pick(INTENSIFIERS, rng));
        }
        w.add(pick(good ? POSITIVE : NEGATIVE, rng));
        add(w, pick(TAILS, rng));
        return new Review(w, good != negated, negated);
    }

    private static void add(List<String> words, String phrase) {
        for (String s : phrase.split(" ")) {
            if (!s.isEmpty()) {
                words.add(s);
            }
        }
    }

    private static String pick(List<String> from, SplittableRandom rng) {
        return from.get(rng.nextInt(from.size()));
    }

    private static List<Sample> samples(int n, SplittableRandom rng) {
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Review r = review(rng);
            int[] tokens = r.words().stream().mapToInt(VOCABULARY::indexOf).toArray();
            out.add(Sample.tokensWithValues(tokens, VOCABULARY.size(), new double[] {r.positive() ? 1 : 0}));
        }
        return out;
    }


    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(10).learningRate(1e-2).build();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        return NegationScore.score(evaluation, java.util.Set.of(VOCABULARY.indexOf(NOT)), SOLVED_ACCURACY,
                SOLVED_NEGATED);
    }
}
