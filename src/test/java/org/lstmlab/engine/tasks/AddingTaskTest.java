package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;

class AddingTaskTest {
    private final AddingTask task = new AddingTask();

    @Test
    void exactlyTwoMarkersOneInEachHalfAndTheTargetIsTheirScaledSum() {
        Dataset d = task.generate(50, 1);
        double sum = 0;
        for (Sample s : d.train()) {
            assertEquals(50, s.steps());
            assertEquals(2, s.size());
            int markers = 0;
            double added = 0;
            int firstAt = -1;
            int secondAt = -1;
            for (int t = 0; t < 50; t++) {
                double v = s.x()[2 * t];
                assertTrue(v >= -1 && v < 1);
                if (s.x()[2 * t + 1] == 1) {
                    markers++;
                    added += v;
                    if (firstAt < 0) {
                        firstAt = t;
                    } else {
                        secondAt = t;
                    }
                } else {
                    assertEquals(0, s.x()[2 * t + 1]);
                }
            }
            assertEquals(2, markers);
            assertTrue(firstAt < 25 && secondAt >= 25, firstAt + ", " + secondAt);
            assertEquals(0.5 + added / 4, s.target()[0], 1e-15);
            sum += s.target()[0];
        }
        assertEquals(0.5, sum / d.train().size(), 0.01, "targets centred on 0.5");
    }

    @Test
    void lengthIsAdjustableFrom10To200AndSeeded() {
        assertEquals(10, task.generate(10, 1).train().get(0).steps());
        assertEquals(200, task.generate(200, 1).validation().get(0).steps());
        assertThrows(IllegalArgumentException.class, () -> task.generate(9, 1));
        assertThrows(IllegalArgumentException.class, () -> task.generate(201, 1));
        assertEquals(task.generate(20, 5).train().get(7).target()[0], task.generate(20, 5).train().get(7).target()[0]);
    }

    @Test
    void constantAndOneValuePredictorsAreNotSolvedAPerfectOneIs() {
        Dataset d = task.generate(50, 2);
        TaskScore constant = task.score(Predictors.evaluate(d.validation(), 0, s -> new double[] {0.5}));
        assertFalse(constant.solved());
        assertTrue(constant.accuracy() < 0.3, "constant 0.5 gets " + constant.accuracy());
        TaskScore onlySecond = task.score(Predictors.evaluate(d.validation(), 0, s -> {
            double second = 0;
            for (int t = s.steps() - 1; t >= 0; t--) {
                if (s.x()[2 * t + 1] == 1) {
                    second = s.x()[2 * t];
                    break;
                }
            }
            return new double[] {0.5 + second / 4};
        }));
        assertFalse(onlySecond.solved(), "remembering one value is not enough: " + onlySecond.accuracy());
        TaskScore close = task.score(Predictors.evaluate(d.validation(), 0, s -> new double[] {s.target()[0] + 0.03}));
        assertTrue(close.solved());
        assertEquals(1.0, close.accuracy());
    }
}
