package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/** The Compare tab's logic without a toolkit: a small sweep runs to the end, bad input is explained. */
class CompareViewModelTest {
    private final CompareViewModel vm = new CompareViewModel(I18n.bundle(Locale.ENGLISH));

    private void pulseUntilDone() throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        do {
            vm.pulse();
            Thread.sleep(10);
        } while (vm.runningProperty().get() && System.nanoTime() < end);
        vm.pulse();
    }

    @Test
    void aSweepTrainsEachCellAtEachLengthAndPlotsItsAccuracy() throws Exception {
        assertTrue(vm.tasks().stream().allMatch(t -> t.lengthAdjustable()), "only tasks whose length can change");
        vm.taskProperty().set(Tasks.byName("keras-example"));
        vm.lengthsProperty().set("4, 8");
        vm.epochsProperty().set(1);
        vm.samplesProperty().set(200);
        vm.start();
        assertTrue(vm.runningProperty().get());
        pulseUntilDone();
        SweepSnapshot s = vm.snapshotProperty().get();
        assertTrue(s.done());
        assertEquals(6, s.points().size());
        assertEquals(List.of(CellType.RNN_TANH, CellType.GRU, CellType.LSTM, CellType.RNN_TANH, CellType.GRU,
                CellType.LSTM), s.points().stream().map(SweepPoint::cell).toList());
        assertEquals(List.of(4, 4, 4, 8, 8, 8), s.points().stream().map(SweepPoint::steps).toList());
        for (SweepPoint p : s.points()) {
            assertTrue(p.accuracy() >= 0 && p.accuracy() <= 1, p.toString());
        }
        assertEquals("Done: 6 models trained", vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void stopEndsBetweenTwoModels() throws Exception {
        vm.taskProperty().set(Tasks.byName("adding"));
        vm.lengthsProperty().set("10, 20, 40, 80, 160");
        vm.epochsProperty().set(1);
        vm.samplesProperty().set(500);
        vm.start();
        vm.stop();
        pulseUntilDone();
        assertTrue(vm.snapshotProperty().get().points().size() < 15);
        assertTrue(vm.statusProperty().get().startsWith("Stopped after"), vm.statusProperty().get());
    }

    @Test
    void badLengthsAreExplainedAndNothingRuns() {
        vm.lengthsProperty().set("10, ten");
        vm.start();
        assertEquals("Failed: 'ten' is not a whole number", vm.statusProperty().get());
        vm.lengthsProperty().set("5");
        vm.start();
        assertEquals("Failed: adding takes lengths from 10 to 200, not 5", vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }
}
