package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;
import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.TrainSettings;

/**
 * Another tab's file handed to the Train tab ({@link TrainingViewModel#prepare}): read with the fields it was read
 * with, the window among them even when the tab was on a built-in task; a file that has gone bad since is refused
 * as one the student chose, and the model's settings wait for no file.
 */
class HandedFileTest {
    @TempDir Path dir;

    private static TrainSettings handed(Path csv, int window) {
        UserData.Request data = new UserData.Request(csv, false, List.of("a", "b"), List.of("b"), window, 3, 0.2, null,
                TargetKind.AUTO);
        return new TrainSettings(Tasks.byName("adding"), CellType.GRU, window, 0, 2, null, data);
    }

    @Test
    void theFileIsReadWithItsFieldsAndTheModelsSettings() throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(200, 4));
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        vm.prepare(handed(csv, 7));
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        assertEquals(7, vm.form().stepsProperty().get(), "the window handed over, not the default 24");
        assertEquals(CellType.GRU, vm.form().cellProperty().get());
        assertEquals(2, vm.form().epochsProperty().get());
        assertEquals(3, vm.form().horizonProperty().get());
        assertEquals("a, b", vm.form().columns.get());
        assertEquals("b", vm.form().target.get());
        assertTrue(vm.messageProperty().get().contains("Forecast b of activity.csv"), vm.messageProperty().get());
    }

    @Test
    void aFileGoneBadIsRefusedWithTheUsualMessage() throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, "a,b\n1,2\n3\n");
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        vm.prepare(handed(csv, 7));
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        String message = vm.messageProperty().get();
        assertTrue(message.startsWith("Cannot use activity.csv: line 3"), message);
        assertEquals("adding", vm.form().taskProperty().get().name(), "the form keeps its task");
        Files.writeString(csv, ClassRows.csv(200, 4));   // mended, and read again by the student's Start
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        assertEquals(vm.form().taskProperty().get().defaultSteps(), vm.form().stepsProperty().get());
        assertEquals(vm.form().taskProperty().get().defaults().epochs(), vm.form().epochsProperty().get(),
                "the handed epochs wait for no file read later");
    }
}
