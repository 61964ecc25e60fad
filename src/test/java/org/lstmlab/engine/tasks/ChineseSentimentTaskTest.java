package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;

class ChineseSentimentTaskTest {
    private final ChineseSentimentTask task = new ChineseSentimentTask();

    private static List<String> words(Sample s) {
        return java.util.Arrays.stream(s.tokens()).mapToObj(ChineseSentimentTask.VOCABULARY::get).toList();
    }

    private static boolean hasNegation(List<String> w) {
        return w.stream().anyMatch(ChineseSentimentTask.NEGATIONS::contains);
    }

    /** The polarity of the review's one sentiment word (adjective, feeling or advice). */
    private static boolean goodWord(List<String> w) {
        List<List<String>> good = List.of(ChineseSentimentTask.GOOD_ADJECTIVES, ChineseSentimentTask.GOOD_FEELINGS,
                ChineseSentimentTask.GOOD_ADVICE);
        List<List<String>> bad = List.of(ChineseSentimentTask.BAD_ADJECTIVES, ChineseSentimentTask.BAD_FEELINGS,
                ChineseSentimentTask.BAD_ADVICE);
        long g = w.stream().filter(x -> good.stream().anyMatch(l -> l.contains(x))).count();
        long b = w.stream().filter(x -> bad.stream().anyMatch(l -> l.contains(x))).count();
        assertEquals(1, g + b, "one sentiment word in " + w);
        return g == 1;
    }

    @Test
    void theReviewsReadAsChineseAndNegationTurnsTheLabel() {
        SplittableRandom rng = new SplittableRandom(11);
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            ChineseSentimentTask.Review r = ChineseSentimentTask.review(rng);
            seen.put(r.text(), r.positive());
            assertEquals(goodWord(r.words()) != r.negated(), r.positive(), r.text());
            assertEquals(hasNegation(r.words()), r.negated(), r.text());
        }
        // a few that a reader can check
        assertEquals(Boolean.TRUE, seen.get("这部电影没让我失望。"));
        assertEquals(Boolean.FALSE, seen.get("这部电影没让我感动。"));
        assertEquals(Boolean.FALSE, seen.get("剧情真的不精彩。"));
        assertEquals(Boolean.TRUE, seen.get("剧情确实不无聊。"));
        assertEquals(Boolean.TRUE, seen.get("这部电影，别退票。"));
        assertEquals(Boolean.FALSE, seen.get("这部电影，别去看。"));
        assertEquals(Boolean.TRUE, seen.get("这部电影，赶紧去看。"));
    }

    @Test
    void noWordOnItsOwnSaysWhetherAReviewIsPositive() {
        Dataset d = task.generate(0, 5);
        Map<String, int[]> counts = new HashMap<>();  // word -> {reviews with it, positive ones}
        int negated = 0;
        for (Sample s : d.train()) {
            negated += hasNegation(words(s)) ? 1 : 0;
            for (String w : new java.util.HashSet<>(words(s))) {
                int[] c = counts.computeIfAbsent(w, k -> new int[2]);
                c[0]++;
                c[1] += s.target()[0] > 0.5 ? 1 : 0;
            }
        }
        assertEquals(0.5, (double) negated / d.train().size(), 0.04);
        counts.forEach((w, c) -> assertEquals(0.5, (double) c[1] / c[0], 0.12,
                "'" + w + "' is in " + c[0] + " reviews, " + c[1] + " positive"));
    }

    @Test
    void aBagOfWordsCannotSolveTheNegatedReviews() {
        Dataset d = task.generate(0, 6);
        int v = ChineseSentimentTask.VOCABULARY.size();
        // logistic regression on word counts, trained to convergence on the training reviews
        double[] w = new double[v + 1];
        for (int epoch = 0; epoch < 400; epoch++) {
            double[] grad = new double[v + 1];
            for (Sample s : d.train()) {
                double err = sigmoid(score(w, s)) - s.target()[0];
                for (int tk : s.tokens()) {
                    grad[tk] += err;
                }
                grad[v] += err;
            }
            for (int k = 0; k <= v; k++) {
                w[k] -= 2.0 * grad[k] / d.train().size();
            }
        }
        TaskScore bag = task.score(Predictors.evaluate(d.validation(), 0, s -> new double[] {sigmoid(score(w, s))}));
        double onNegated = accuracyOnNegated(d.validation(), s -> sigmoid(score(w, s)) > 0.5);
        assertFalse(bag.solved(), "a bag of words does not solve it");
        assertTrue(onNegated < 0.65, "a bag of words on the negated reviews: " + onNegated);
        assertTrue(bag.accuracy() < 0.85, "overall: " + bag.accuracy());
        // and the criterion can be met: a reader of the order (the truth) solves it
        assertTrue(task.score(Predictors.evaluate(d.validation(), 0, s -> s.target().clone())).solved());
        // ignoring the negation words: right on the plain reviews, wrong on the negated
        TaskScore ignoring = task.score(Predictors.evaluate(d.validation(), 0,
                s -> new double[] {goodWord(words(s)) ? 0.9 : 0.1}));
        assertEquals(0.5, ignoring.accuracy(), 0.05);
        assertFalse(ignoring.solved());
    }

    private static double score(double[] w, Sample s) {
        double z = w[w.length - 1];
        for (int tk : s.tokens()) {
            z += w[tk];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double accuracyOnNegated(List<Sample> samples, java.util.function.Predicate<Sample> saysPositive) {
        int n = 0;
        int right = 0;
        for (Sample s : samples) {
            if (hasNegation(words(s))) {
                n++;
                right += saysPositive.test(s) == (s.target()[0] > 0.5) ? 1 : 0;
            }
        }
        return (double) right / n;
    }

    @Test
    void itIsABuiltInTask() {
        assertEquals("sentiment-zh", Tasks.byName("sentiment-zh").name());
        assertEquals(ChineseSentimentTask.VOCABULARY, task.generate(0, 1).vocabulary());
    }
}
