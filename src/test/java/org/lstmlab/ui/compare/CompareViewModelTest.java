package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.session.SessionObserver;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/** The Compare tab's logic without a toolkit: a small sweep runs to the end, bad input is explained. */
class CompareViewModelTest {
    private final CompareViewModel vm = new CompareViewModel(I18n.bundle(Locale.ENGLISH));

    private void pulseUntilDone() throws InterruptedException {
        vm.pulse();
        org.lstmlab.testing.Await.until("the sweep to end", () -> {
            vm.pulse();
            return !vm.runningProperty().get();
        });
        vm.pulse();
    }

    @Test
    void theTabOpensWithTheDefaultsOfTheCompareCommand() {
        Comparison.Settings d = Comparison.defaults(Tasks.byName("adding"), Comparison.defaultThreads());
        assertEquals("adding", vm.taskProperty().get().name());
        assertEquals(d, vm.settings());
        assertEquals("10, 25, 50, 100", vm.lengthsProperty().get());
        Task copy = Tasks.byName("copy");
        vm.taskProperty().set(copy);
        assertEquals(Comparison.defaults(copy, Comparison.defaultThreads()), vm.settings(), "a task brings its own");
        assertTrue(vm.tasks().stream().allMatch(Comparison::comparable), "only tasks that can be swept");
        assertFalse(vm.tasks().stream().anyMatch(t -> t.name().equals("sine") || t.name().equals("reber")));
    }

    /** A small sweep of the Keras example: 200 samples per model, at {@code lengths}. */
    private void startSmall(String lengths, int epochs) {
        vm.taskProperty().set(Tasks.byName("keras-example"));
        vm.lengthsProperty().set(lengths);
        vm.epochsProperty().set(epochs);
        vm.samplesProperty().set(200);
        vm.start();
    }

    @Test
    void aSweepTrainsEachCellAtEachLengthWithTheSessionsOwnNumbers() throws Exception {
        startSmall("4, 8", 2);
        assertTrue(vm.runningProperty().get());
        pulseUntilDone();
        SweepSnapshot s = vm.snapshotProperty().get();
        assertTrue(s.done());
        assertEquals(List.of(CellType.RNN_TANH, CellType.GRU, CellType.LSTM, CellType.RNN_TANH, CellType.GRU,
                CellType.LSTM), s.points().stream().map(Comparison.Point::cell).toList());
        assertEquals(List.of(4, 4, 4, 8, 8, 8), s.points().stream().map(Comparison.Point::seqLen).toList());
        Comparison c = new Comparison(vm.settings());
        for (Comparison.Point p : s.points()) {
            assertEquals(2, p.epochs().size(), p.toString());
            double best = Math.max(p.epochs().get(0).valAccuracy(), p.epochs().get(1).valAccuracy());
            assertEquals(best, p.accuracy(), "the best epoch's accuracy is plotted");
            try (TrainingSession alone = c.session(p.cell(), p.seqLen()).build()) {
                List<EpochReport> again = alone.run(SessionObserver.NONE);
                for (int e = 0; e < 2; e++) {
                    assertEquals(again.get(e).valLoss(), p.epochs().get(e).valLoss(), "bit for bit: " + p);
                    assertEquals(again.get(e).valAccuracy(), p.epochs().get(e).valAccuracy(), p.toString());
                }
            }
        }
        assertEquals("Done: 6 models trained", vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void stopEndsInsideTheModelBeingTrained() throws Exception {
        vm.taskProperty().set(Tasks.byName("adding"));
        vm.lengthsProperty().set("100, 200");
        vm.epochsProperty().set(500);   // hours if stop waited for the model to finish
        vm.samplesProperty().set(12_000);   // all that adding has
        vm.start();
        org.lstmlab.testing.Await.until("the first model to start", () -> {
            vm.pulse();
            return vm.snapshotProperty().get().current() != null;
        });
        assertEquals(CellType.RNN_TANH, vm.snapshotProperty().get().current(), "the first model is training");
        vm.stop();
        assertTrue(vm.sweep().awaitEnd(org.lstmlab.testing.Await.LIMIT_SECONDS * 1000),
                "the sweep ends at the next step");
        pulseUntilDone();
        assertEquals(List.of(), vm.snapshotProperty().get().points(), "the model stopped part-way is not counted");
        assertEquals("Stopped after 0 of 6 models", vm.statusProperty().get());
    }

    @Test
    void badLengthsAreExplainedAndNothingRuns() {
        vm.lengthsProperty().set("10, ten");
        vm.start();
        assertEquals("Failed: 'ten' is not a whole number", vm.statusProperty().get());
        vm.lengthsProperty().set("5");
        vm.start();
        assertEquals("Failed: Adding problem takes lengths from 10 to 200, not 5", vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void lengthsTypedWithAChineseInputMethodOrTwiceAreRead() {
        vm.lengthsProperty().set("１０，２５、５０；１００");
        assertEquals(List.of(10, 25, 50, 100), vm.parseLengths());
        vm.lengthsProperty().set("10, 10 25,25");
        assertEquals(List.of(10, 25), vm.parseLengths(), "a length typed twice is trained once");
    }

    @Test
    void theAccuracyAxisLabelsZeroToOneAndNotItsHeadroom() {
        assertEquals("0", CompareViewModel.accuracyTick(0));
        assertEquals("0.1", CompareViewModel.accuracyTick(0.1));
        assertEquals("0.3", CompareViewModel.accuracyTick(0.30000000000000004), "a sum of tick units");
        assertEquals("1", CompareViewModel.accuracyTick(1.0000000000000002));
        assertEquals("", CompareViewModel.accuracyTick(1.05), "the axis's upper bound is not a value to read");
    }

    /** The status line names the model in training as the chart's legend does (SimpleRNN), not by its file id. */
    @Test
    void theStatusNamesTheCellAsTheLegendDoes() throws InterruptedException {
        startSmall("3, 6", 1);
        org.lstmlab.testing.Await.until("the status to name the first model", () -> {
            vm.pulse();
            return vm.statusProperty().get().contains(" now ");
        });
        String status = vm.statusProperty().get();
        vm.stop();
        assertTrue(status.matches("\\d of 6 models trained · now (SimpleRNN|GRU|LSTM) at T = [36]"), status);
        pulseUntilDone();
    }
}
