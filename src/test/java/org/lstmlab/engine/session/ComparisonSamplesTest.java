package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;

/**
 * A comparison trains each model on the task's first {@code samples} training sequences: asking for more than the
 * task generates is refused, naming how many it has, instead of training silently on fewer.
 */
class ComparisonSamplesTest {
    @Test
    void everyComparableTaskSaysHowManyTrainingSequencesItGenerates() {
        for (Task t : Comparison.comparableTasks()) {
            assertEquals(t.generate(t.minSteps(), 1).train().size(), t.trainSize(), t.name());
        }
    }

    @Test
    void theDefaultsNeverAskForMoreThanTheTaskHas() {
        for (Task t : Comparison.comparableTasks()) {
            Comparison.Settings d = Comparison.defaults(t, 1);
            assertTrue(d.samples() <= t.generate(d.lengths().get(0), 1).train().size(), t.name() + ": " + d);
        }
        assertEquals(6000, Comparison.defaults(Tasks.byName("adding"), 1).samples(), "the documented default");
        assertEquals(3000, Comparison.defaults(Tasks.byName("counting"), 1).samples(), "all that counting has");
    }

    @Test
    void moreSamplesThanTheTaskHasAreRefusedNamingItsSize() {
        Task adding = Tasks.byName("adding");
        new Comparison.Settings(adding, List.of(10), 1, 12_000, 1, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Comparison.Settings(adding, List.of(10), 1, 12_001, 1, 1));
        assertEquals("adding has 12000 training sequences: training samples per model must be from 10 to 12000, "
                + "got 12001", e.getMessage());
    }

    @Test
    void aLengthGivenTwiceIsTrainedOnce() {
        var s = new Comparison.Settings(Tasks.byName("adding"), List.of(10, 25, 10, 25), 1, 100, 1, 1);
        assertEquals(List.of(10, 25), s.lengths());
        assertEquals(6, s.models(), "three cells at two lengths");
    }
}
