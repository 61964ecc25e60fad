package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * Train more: a finished run of the Train tab goes on for the Epochs field's number of epochs, its epochs and loss
 * curve continuing, and ends where a run configured with that many more epochs ends, to the bit.
 */
class TrainMoreTest {
    private static TrainingViewModel adding(FakeFx fx, int epochs) {
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        vm.chooseTask(Tasks.byName("adding"));
        vm.form().stepsProperty().set(10);
        vm.form().cellProperty().set(CellType.GRU);
        vm.form().unitsProperty().set(8);
        vm.form().epochsProperty().set(epochs);
        return vm;
    }

    private static List<Double> losses(TrainingViewModel vm) {
        return vm.snapshotProperty().get().epochMetrics().stream().map(EpochReport::trainLoss).toList();
    }

    @Test
    void aFinishedRunGoesOnAsALongerRunWould() {
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = adding(fx, 1);
        assertFalse(vm.canTrainMoreProperty().get(), "no run yet");
        assertEquals("Train 1 more epoch", vm.trainMoreLabel().get());
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertTrue(vm.canTrainMoreProperty().get());
        vm.form().epochsProperty().set(2);
        assertEquals("Train 2 more epochs", vm.trainMoreLabel().get());
        vm.trainMore();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED
                && vm.snapshotProperty().get().epochMetrics().size() == 3);
        TrainingSnapshot s = vm.snapshotProperty().get();
        assertEquals(List.of(1, 2, 3), s.epochMetrics().stream().map(EpochReport::epoch).toList());
        assertEquals(3, s.epochs(), "the run now has three epochs");
        double[] steps = s.history()[0];
        assertTrue(steps[0] == 0 && steps[steps.length - 1] > 2 * s.batchesPerEpoch(),
                "the loss curve starts at the first run's first step and goes on");

        FakeFx fx3 = new FakeFx();
        TrainingViewModel three = adding(fx3, 3);
        three.start();
        fx3.until(three, () -> three.stateProperty().get() == RunState.FINISHED);
        assertEquals(losses(three), losses(vm), "1 + 2 epochs are 3 epochs, bit for bit");
        assertEquals(three.snapshotProperty().get().lastEpoch().valLoss(), s.lastEpoch().valLoss());
    }

    @Test
    void inChineseTheButtonSaysHowManyToo() {
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), new FakeFx());
        vm.form().epochsProperty().set(5);
        assertEquals("再训练 5 个迭代周期", vm.trainMoreLabel().get());
    }

    /**
     * A run on the user's CSV file goes on with the data it trained on: the file, deleted after the run, is not read
     * again, and the longer run equals one configured with that many epochs on the same file.
     */
    @Test
    void aRunOnTheUsersFileGoesOnWithTheDataItTrainedOn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("series.csv");
        Files.copy(Path.of("src/test/resources/data/good/series.csv"), csv);
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> csv.equals(vm.form().dataFile.get()));
        vm.form().epochsProperty().set(1);   // after the file: choosing it sets the task's defaults
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        Files.delete(csv);
        vm.trainMore();
        fx.until(vm, () -> vm.messageIsErrorProperty().get() || vm.stateProperty().get() == RunState.FINISHED
                && vm.snapshotProperty().get().epochMetrics().size() == 2);
        assertFalse(vm.messageIsErrorProperty().get(), vm.messageProperty().get());

        Files.copy(Path.of("src/test/resources/data/good/series.csv"), csv);
        FakeFx fx2 = new FakeFx();
        TrainingViewModel two = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx2);
        two.chooseDataFile(csv);
        fx2.until(two, () -> csv.equals(two.form().dataFile.get()));
        two.form().epochsProperty().set(2);
        two.start();
        fx2.until(two, () -> two.stateProperty().get() == RunState.FINISHED);
        assertEquals(losses(two), losses(vm), "1 + 1 epochs on the file are 2 epochs on it, bit for bit");
    }
}
