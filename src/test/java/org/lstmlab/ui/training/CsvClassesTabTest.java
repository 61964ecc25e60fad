package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;
import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.ui.common.I18n;

/**
 * The Train tab on a file of class labels: a target of words is a classification as soon as the file is read; a
 * 0/1 column is forecast until the student ticks "Its numbers are classes", and Start then trains a classifier,
 * whose verdict names the answer it must beat, in English and in Chinese.
 */
class CsvClassesTabTest {
    @TempDir Path dir;

    private TrainingViewModel vm(Locale locale, FakeFx fx) {
        return new TrainingViewModel(I18n.bundle(locale), fx);
    }

    @Test
    void aTargetOfWordsIsClassifiedAndItsVerdictNamesTheMajorityInChinese() throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(300, 2));
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = vm(Locale.SIMPLIFIED_CHINESE, fx);
        vm.form().target.set("activity");
        vm.form().steps.set(4);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        assertTrue(vm.messageProperty().get().contains("给 activity.csv 分类，类别是窗口最后一行的 activity"),
                vm.messageProperty().get());
        assertEquals("验证准确率高于总是给出训练部分最常见类别的准确率", vm.criterionProperty().get());
        assertTrue(vm.headProperty().get().contains("3 个输出，softmax"), vm.headProperty().get());
        assertTrue(vm.kerasCodeProperty().get().contains("y is the number of each"), vm.kerasCodeProperty().get());
        assertTrue(!vm.kerasCodeProperty().get().contains("one-hot"), "the rows are numbers, not one-hot symbols");
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        assertTrue(vm.verdictProperty().get().contains("；若总是回答“sitting”，可得 "), vm.verdictProperty().get());
    }

    /** A file too short for the default window is read with one that fits, and stays a classification. */
    @Test
    void aShortFileOfClassesGetsAWindowThatFits() throws Exception {
        Path csv = dir.resolve("door.csv");
        Files.writeString(csv, ClassRows.door(20));
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = vm(Locale.ENGLISH, fx);
        vm.form().target.set("open");
        vm.form().classes.set(true);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        assertEquals("task.csvclass", vm.form().taskProperty().get().messageKey(), vm.messageProperty().get());
        assertEquals(10, vm.form().steps.get(), "half the 20 rows");
    }

    @Test
    void numbersAreClassesOnlyWhenTicked() throws Exception {
        Path csv = dir.resolve("door.csv");
        Files.writeString(csv, ClassRows.door(120));
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = vm(Locale.ENGLISH, fx);
        vm.form().steps.set(4);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        assertTrue(vm.messageProperty().get().contains("Forecast open of door.csv"), vm.messageProperty().get());
        vm.form().classes.set(true);
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        assertEquals(TargetKind.CLASS, vm.run().atBoundary(a -> a.session().record().data().kind()).get());
        assertEquals("task.csvclass", vm.run().atBoundary(a -> a.session().task().messageKey()).get());
        // independently: the windows' last rows' labels, the first 80 % for training (0 is their majority)
        int window = vm.run().atBoundary(a -> a.session().record().data().window()).get();
        int windows = 120 - window + 1;
        int validation = (int) Math.round(windows * 0.2);
        int zeros = 0;
        for (int w = windows - validation; w < windows; w++) {
            zeros += (w + window - 1) % 7 > 3 ? 0 : 1;
        }
        String percent = String.format(Locale.ROOT, "%.1f %%", 100.0 * zeros / validation);
        assertTrue(vm.verdictProperty().get().endsWith("; always '0' gets " + percent), vm.verdictProperty().get());
    }
}
