package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;

class CopyAndCountingTaskTest {
    @Test
    void copyTargetsRepeatTheFirstTenSymbolsAfterTheMarker() {
        CopyTask task = new CopyTask();
        Dataset d = task.generate(15, 1);
        for (Sample s : d.train().subList(0, 200)) {
            int[] x = s.tokens();
            int[] y = s.classes();
            assertEquals(15 + 20, x.length);
            assertEquals(CopyTask.MARKER, x[15 + 9]);
            assertArrayEquals(Arrays.copyOf(x, 10), Arrays.copyOfRange(y, 25, 35));
            for (int t = 0; t < 25; t++) {
                assertEquals(CopyTask.BLANK, y[t]);
            }
            for (int t = 0; t < 10; t++) {
                assertTrue(x[t] < CopyTask.CATEGORIES);
            }
        }
    }

    @Test
    void copyIsNotSolvedByAMemorylessModel() {
        CopyTask task = new CopyTask();
        Dataset d = task.generate(0, 2);
        int k = CopyTask.CATEGORIES + 1;
        // Blanks, then always symbol 0: what a model without memory can do best.
        TaskScore memoryless = task.score(Predictors.evaluate(d.validation(), 0, s -> {
            int[] guess = s.classes().clone();
            for (int t = guess.length - 10; t < guess.length; t++) {
                guess[t] = 0;
            }
            return Predictors.oneHot(guess, k, guess.length);
        }));
        assertEquals(0.125, memoryless.accuracy(), 0.03);
        assertFalse(memoryless.solved());
        TaskScore perfect = task.score(Predictors.evaluate(d.validation(), 0,
                s -> Predictors.oneHot(s.classes(), k, s.steps())));
        assertTrue(perfect.solved());
    }

    @Test
    void countingStringsAreANXBNWithNextSymbolTargets() {
        CountingTask task = new CountingTask();
        Dataset d = task.generate(10, 3);
        int[] seen = new int[11];
        for (Sample s : d.train()) {
            int[] x = s.tokens();
            int n = (x.length - 2) / 2;
            seen[n]++;
            StringBuilder in = new StringBuilder();
            for (int tk : x) {
                in.append(CountingTask.SYMBOLS.get(tk));
            }
            assertEquals("S" + "a".repeat(n) + "X" + "b".repeat(n), in.toString());
            assertEquals(4, s.classes()[s.classes().length - 1], "ends by predicting E");
        }
        for (int n = 1; n <= 10; n++) {
            assertTrue(seen[n] > 200, "n = " + n + " seen " + seen[n]);
        }
    }

    @Test
    void countingIsScoredOnlyAfterTheXAndAnOffByOneCounterFails() {
        CountingTask task = new CountingTask();
        Dataset d = task.generate(10, 4);
        int v = CountingTask.SYMBOLS.size();
        // Wrong on every ambiguous step (before the X) but right after: solved.
        TaskScore rightAfterX = task.score(Predictors.evaluate(d.validation(), 0, s -> {
            int[] y = s.classes().clone();
            boolean[] scored = CountingTask.scored(y);
            for (int t = 0; t < y.length; t++) {
                if (!scored[t]) {
                    y[t] = 0;
                }
            }
            return Predictors.oneHot(y, v, y.length);
        }));
        assertTrue(rightAfterX.solved());
        // Ends one b too early: not solved.
        TaskScore offByOne = task.score(Predictors.evaluate(d.validation(), 0, s -> {
            int[] y = s.classes().clone();
            y[y.length - 2] = 4;
            return Predictors.oneHot(y, v, y.length);
        }));
        assertEquals(0.0, offByOne.accuracy());
        // Always "b": right after the X except the final E.
        TaskScore alwaysB = task.score(Predictors.evaluate(d.validation(), 0,
                s -> Predictors.oneHot(Predictors.constantClasses(s.steps(), 3), v, s.steps())));
        assertFalse(alwaysB.solved());
    }
}
