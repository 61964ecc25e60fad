package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;

class TemporalOrderTaskTest {
    private final TemporalOrderTask task = new TemporalOrderTask();

    @Test
    void twoRelevantSymbolsInTheirWindowsAndBalancedClasses() {
        Dataset d = task.generate(100, 1);
        int[] perClass = new int[4];
        for (Sample s : d.train()) {
            int[] x = s.tokens();
            assertTrue(x.length >= 100 && x.length <= 110, "length " + x.length);
            assertEquals(6, x[0]);
            assertEquals(7, x[x.length - 1]);
            StringBuilder order = new StringBuilder();
            for (int t = 0; t < x.length; t++) {
                if (x[t] == 4 || x[t] == 5) {
                    assertTrue(t >= 10 && t <= 20 || t >= 50 && t <= 60, "relevant symbol at " + t);
                    order.append(x[t] == 4 ? 'X' : 'Y');
                }
            }
            assertEquals(2, order.length());
            assertEquals(TemporalOrderTask.CLASSES.indexOf(order.toString()), s.classes()[0]);
            perClass[s.classes()[0]]++;
        }
        for (int c : perClass) {
            assertEquals(0.25, (double) c / d.train().size(), 0.03);
        }
    }

    @Test
    void chanceAndUnsurePredictorsFailTheRule() {
        Dataset d = task.generate(0, 2);
        assertEquals(50, d.train().get(0).steps() / 10 * 10);
        TaskScore uniform = task.score(Predictors.evaluate(d.validation(), 0, s -> Predictors.constant(4, 0.25)));
        assertEquals(0.0, uniform.accuracy());
        assertFalse(uniform.solved());
        TaskScore alwaysXx = task.score(Predictors.evaluate(d.validation(), 0, s -> new double[] {1, 0, 0, 0}));
        assertEquals(0.25, alwaysXx.accuracy(), 0.06);
        assertFalse(alwaysXx.solved());
        // Right class with 0.65: correct by argmax but not within 0.3 of the target.
        TaskScore unsure = task.score(Predictors.evaluate(d.validation(), 0, s -> {
            double[] p = Predictors.constant(4, 0.35 / 3);
            p[s.classes()[0]] = 0.65;
            return p;
        }));
        assertEquals(0.0, unsure.accuracy());
        TaskScore sure = task.score(Predictors.evaluate(d.validation(), 0, s -> {
            double[] p = Predictors.constant(4, 0.25 / 3);
            p[s.classes()[0]] = 0.75;
            return p;
        }));
        assertTrue(sure.solved());
    }
}
