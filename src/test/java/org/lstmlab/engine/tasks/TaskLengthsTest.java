package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;

class TaskLengthsTest {
    @Test
    void everyTaskGeneratesItsDefaultLengthAndStaysInItsRange() {
        for (Task t : Tasks.all()) {
            assertTrue(t.minSteps() <= t.defaultSteps() && t.defaultSteps() <= t.maxSteps(), t.name());
            if (t.defaultSteps() > 0 && t.lengthAdjustable()) {
                Dataset d = t.generate(t.minSteps(), 1);
                int shortest = d.train().stream().mapToInt(s -> s.steps()).min().orElseThrow();
                assertTrue(shortest >= 1, t.name());
            }
        }
    }

    @Test
    void kerasExampleLengthIsAdjustable() {
        Task k = Tasks.byName("keras-example");
        assertEquals(10, k.defaultSteps());
        assertTrue(k.lengthAdjustable());
        assertEquals(25, k.generate(25, 3).train().get(0).steps());
    }
}
