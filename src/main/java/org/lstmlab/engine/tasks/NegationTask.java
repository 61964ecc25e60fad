package org.lstmlab.engine.tasks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * What the sentiment tasks with negation share, whatever their language: reviews made by the language's own
 * generator, one-hot words in, a sigmoid after the last word saying positive, the same sizes, defaults and
 * verdict. Solved when the validation accuracy is at least 95 % overall and at least 90 % on the negated reviews, so
 * a model that ignores the negation words (about 50 % on those) fails.
 */
abstract class NegationTask implements Task {
    public static final double SOLVED_ACCURACY = 0.95;
    public static final double SOLVED_NEGATED = 0.90;
    static final int TRAIN_SIZE = 4000;
    static final int VALIDATION_SIZE = 1000;

    /** A review as words, whether it is positive and whether it has a negation word. */
    record Review(List<String> words, boolean positive, boolean negated) {
        /** The words run together, as Chinese is written: "说实话，这部电影没让我失望。". */
        String text() {
            return String.join("", words);
        }
    }

    private final List<String> vocabulary;
    private final List<String> negations;
    private final Function<SplittableRandom, Review> reviews;

    /**
     * @param vocabulary the words in one-hot order
     * @param negations  the words that turn a review's sentiment around
     * @param reviews    the language's generator: one random review
     */
    NegationTask(List<String> vocabulary, List<String> negations, Function<SplittableRandom, Review> reviews) {
        this.vocabulary = vocabulary;
        this.negations = negations;
        this.reviews = reviews;
    }

    /** {@code first}, then every word of every phrase of {@code groups} (split at spaces), each once, in order. */
    static List<String> vocabulary(List<String> first, List<List<String>> groups) {
        Set<String> v = new LinkedHashSet<>(first);
        for (List<String> group : groups) {
            for (String phrase : group) {
                for (String w : phrase.split(" ")) {
                    if (!w.isEmpty()) {
                        v.add(w);
                    }
                }
            }
        }
        return List.copyOf(v);
    }

    static String pick(List<String> from, SplittableRandom rng) {
        return from.get(rng.nextInt(from.size()));
    }

    @Override
    public boolean readsTokens() {
        return true;
    }

    @Override
    public int trainSize() {
        return TRAIN_SIZE;
    }

    @Override
    public Dataset generate(int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Dataset(name(), Generated.samples(TRAIN_SIZE, rng, this::sample),
                Generated.samples(VALIDATION_SIZE, rng, this::sample), vocabulary.size(), 1, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY, vocabulary);
    }

    /** A review as one-hot words, labelled 1 when it is positive. */
    private Sample sample(SplittableRandom rng) {
        Review r = reviews.apply(rng);
        int[] tokens = r.words().stream().mapToInt(vocabulary::indexOf).toArray();
        return Sample.tokensWithValues(tokens, vocabulary.size(), new double[] {r.positive() ? 1 : 0});
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(10).learningRate(1e-2).build();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (String w : negations) {
            ids.add(vocabulary.indexOf(w));
        }
        return NegationScore.score(evaluation, ids, SOLVED_ACCURACY, SOLVED_NEGATED);
    }
}
