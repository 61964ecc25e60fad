package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;

class ReberTaskTest {
    private final ReberTask task = new ReberTask();

    @Test
    void generatedStringsAreInTheGrammarWithBothOuterSymbolsEquallyOften() {
        SplittableRandom rng = new SplittableRandom(3);
        int t = 0;
        long length = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            int[] s = ReberGrammar.embedded(rng);
            assertTrue(ReberGrammar.isEmbedded(s), ReberGrammar.text(s));
            t += s[1] == ReberGrammar.T ? 1 : 0;
            length += s.length - 6;  // inner string without its own B and E
        }
        assertEquals(0.5, (double) t / n, 0.03);
        double meanInner = (double) length / n;
        assertTrue(meanInner > 4 && meanInner < 8, "mean inner length " + meanInner);
        assertFalse(ReberGrammar.isEmbedded(new int[] {0, 1, 0, 1, 3, 4, 3, 6, 2, 6}), "outer T/P must match");
    }

    @Test
    void legalNextSetsFollowTheAutomaton() {
        int[] s = {0, 1, 0, 2, 5, 5, 6, 1, 6};  // B T B P V V E T E
        assertTrue(ReberGrammar.isEmbedded(s));
        double[] legal = ReberGrammar.legalNext(s);
        assertEquals(8 * 7, legal.length);
        assertLegal(legal, 0, "TP");
        assertLegal(legal, 1, "B");
        assertLegal(legal, 2, "TP");
        assertLegal(legal, 3, "TV");
        assertLegal(legal, 4, "PV");
        assertLegal(legal, 5, "E");
        assertLegal(legal, 6, "T");   // the long-range step: repeat the second symbol
        assertLegal(legal, 7, "E");
    }

    private static void assertLegal(double[] legal, int t, String symbols) {
        for (int k = 0; k < 7; k++) {
            boolean expected = symbols.contains(ReberGrammar.SYMBOLS.get(k));
            assertEquals(expected ? 1.0 : 0.0, legal[t * 7 + k],
                    "step " + t + " symbol " + ReberGrammar.SYMBOLS.get(k));
        }
    }

    @Test
    void aModelThatGuessesTheFinalSymbolIsNotSolved() {
        Dataset d = task.generate(0, 4);
        TaskScore perfect = task.score(Predictors.evaluate(d.validation(), 0, Sample::target));
        assertTrue(perfect.solved());
        assertEquals(1.0, perfect.accuracy());
        // Right everywhere except that it always says T at the second-to-last step (right half of the time).
        TaskScore guess = task.score(Predictors.evaluate(d.validation(), 0, s -> {
            double[] p = s.target().clone();
            int last = s.steps() - 2;
            p[last * 7 + ReberGrammar.T] = 1;
            p[last * 7 + ReberGrammar.P] = 0;
            return p;
        }));
        assertFalse(guess.solved());
        assertEquals(0.5, guess.accuracy(), 0.08);
        TaskScore constant = task.score(Predictors.evaluate(d.validation(), 0,
                s -> Predictors.constant(s.steps() * 7, 0.4)));
        assertEquals(0.0, constant.accuracy());
    }
}
