package org.lstmlab.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sentiment with negation on a small generated language: short reviews such as "the acting was not very good at
 * all", one sentiment word each, and "not" (placed one or two words before it) flips the label. Words are one-hot;
 * a sigmoid after the last word says positive. A bag of words cannot solve it: "good" and "not" each say nothing
 * alone.
 * Solved as every {@link NegationTask} is.
 */
public final class SentimentTask extends NegationTask {
    static final List<String> POSITIVE = List.of("good", "great", "fine", "nice", "excellent", "wonderful");
    static final List<String> NEGATIVE = List.of("bad", "awful", "poor", "terrible", "boring", "dull");
    static final List<String> SUBJECTS = List.of("the movie", "the film", "the plot", "the acting", "the ending",
            "this show", "it");
    static final List<String> VERBS = List.of("was", "is", "felt", "seemed");
    static final List<String> INTENSIFIERS = List.of("very", "really", "quite", "so");
    static final List<String> TAILS = List.of("", "", "at all", "to me", "overall", "in the end");
    public static final String NOT = "not";

    /** The vocabulary, in one-hot order. */
    public static final List<String> VOCABULARY = vocabulary(List.of(NOT),
            List.of(POSITIVE, NEGATIVE, SUBJECTS, VERBS, INTENSIFIERS, TAILS));

    public SentimentTask() {
        super(VOCABULARY, List.of(NOT), SentimentTask::review);
    }

    @Override
    public TaskProfile profile() {
        return new TaskProfile("sentiment",
                "Is a short review positive? \"not\" flips the sentiment word that follows it",
                "validation accuracy at least 95 %, and at least 90 % on reviews with \"not\"",
                16, 0, 0, 0);
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
}
