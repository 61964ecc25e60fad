package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;

class SineSentimentCharLmTaskTest {
    @Test
    void sineTargetsAreTheNextValueOfTheSameWave() {
        SineTask task = new SineTask();
        Dataset d = task.generate(30, 1);
        double mean = 0;
        double sq = 0;
        int n = 0;
        for (Sample s : d.train()) {
            for (int t = 0; t + 1 < s.steps(); t++) {
                assertEquals(s.x()[t + 1], s.target()[t], 1e-12);
            }
            for (double v : s.x()) {
                mean += v;
                sq += v * v;
                n++;
            }
        }
        assertEquals(0, mean / n, 0.02);
        assertEquals(0.5, sq / n, 0.02, "a unit sine has variance 1/2");
    }

    @Test
    void sineRepeatingTheInputIsNotSolvedPredictingTheWaveIs() {
        SineTask task = new SineTask();
        Dataset d = task.generate(0, 2);
        TaskScore lazy = task.score(Predictors.evaluate(d.validation(), 0, s -> s.x().clone()));
        assertFalse(lazy.solved(), "predicting 'same as now' is the trivial baseline");
        assertEquals(TaskScore.Baseline.LAST_VALUE, lazy.baseline());
        assertEquals(lazy.baselineValue(), lazy.value(), 1e-15, "the baseline is exactly that predictor's MSE");
        assertEquals(0.25 * 0.25 / 2, lazy.baselineValue(), 0.002, "sin(t + 1/4) - sin(t) ~ cos(t)/4");
        TaskScore exact = task.score(Predictors.evaluate(d.validation(), 0, s -> s.target().clone()));
        assertTrue(exact.solved());
        assertEquals(0.0, exact.value());
        assertEquals(TaskScore.Metric.MSE, exact.metric());
        assertTrue(Double.isNaN(exact.accuracy()), "a regression has no accuracy");
    }

    @Test
    void sentimentLabelFlipsWithNotAndIsBalanced() {
        SentimentTask task = new SentimentTask();
        Dataset d = task.generate(0, 3);
        int positive = 0;
        int negated = 0;
        int not = SentimentTask.VOCABULARY.indexOf("not");
        for (Sample s : d.train()) {
            boolean hasNot = false;
            Boolean word = null;
            for (int tk : s.tokens()) {
                String w = SentimentTask.VOCABULARY.get(tk);
                hasNot |= tk == not;
                if (SentimentTask.POSITIVE.contains(w)) {
                    word = true;
                } else if (SentimentTask.NEGATIVE.contains(w)) {
                    word = false;
                }
            }
            assertTrue(word != null, "one sentiment word per review");
            assertEquals(word != hasNot, s.target()[0] == 1.0);
            positive += s.target()[0] == 1.0 ? 1 : 0;
            negated += hasNot ? 1 : 0;
        }
        assertEquals(0.5, (double) positive / d.train().size(), 0.04);
        assertEquals(0.5, (double) negated / d.train().size(), 0.04);
    }

    @Test
    void sentimentIgnoringNotFails() {
        SentimentTask task = new SentimentTask();
        Dataset d = task.generate(0, 4);
        TaskScore bagOfWords = task.score(Predictors.evaluate(d.validation(), 0, s -> {
            for (int tk : s.tokens()) {
                if (SentimentTask.POSITIVE.contains(SentimentTask.VOCABULARY.get(tk))) {
                    return new double[] {0.9};
                }
            }
            return new double[] {0.1};
        }));
        assertEquals(0.5, bagOfWords.accuracy(), 0.05);
        assertFalse(bagOfWords.solved());
        assertTrue(task.score(Predictors.evaluate(d.validation(), 0, s -> s.target().clone())).solved());
        assertFalse(task.score(Predictors.evaluate(d.validation(), 0, s -> new double[] {1})).solved());
    }

    @Test
    void charLmWindowsShiftByOneAndTheUniformModelFails() {
        CharLmTask task = new CharLmTask();
        Dataset d = task.generate(16, 5);
        List<String> alphabet = task.alphabet();
        assertTrue(alphabet.contains("T") && alphabet.contains("'"), alphabet.toString());
        for (Sample s : d.train().subList(0, 50)) {
            for (int t = 0; t + 1 < s.steps(); t++) {
                assertEquals(s.tokens()[t + 1], s.classes()[t]);
            }
        }
        int v = alphabet.size();
        TaskScore uniform = task.score(Predictors.evaluate(d.validation(), Math.log(v),
                s -> Predictors.constant(s.steps() * v, 1.0 / v)));
        assertFalse(uniform.solved());
        TaskScore perfect = task.score(Predictors.evaluate(d.validation(), 0.01,
                s -> Predictors.oneHot(s.classes(), v, s.steps())));
        assertTrue(perfect.solved());
        assertEquals(1.0, perfect.accuracy());
    }

    @Test
    void charLmCountsCodePointsNotUtf16Units() {
        String text = "春眠不觉晓，处处闻啼鸟。😀 ".repeat(60);
        CharLmTask task = new CharLmTask(text, "poem.txt");
        List<String> alphabet = task.alphabet();
        assertTrue(alphabet.contains("😀"), "an emoji is one symbol");
        assertEquals(13, alphabet.size(), alphabet.toString());
        assertThrows(IllegalArgumentException.class, () -> new CharLmTask("too short", "x.txt"));
    }
}
