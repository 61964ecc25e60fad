package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;
import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.SampleNames;

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

    /** The tab in {@code locale} with {@link ClassRows#csv} of {@code rows} rows read; windows of 4, by activity. */
    private TrainingViewModel activity(Locale locale, FakeFx fx, int rows, long seed) throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(rows, seed));
        TrainingViewModel vm = vm(locale, fx);
        vm.form().target.set("activity");
        vm.form().steps.set(4);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        return vm;
    }

    /** The tab in English with {@link ClassRows#door} of 120 rows read, windows of 4, {@code horizon} rows ahead. */
    private TrainingViewModel door(FakeFx fx, int horizon) throws Exception {
        Path csv = dir.resolve("door.csv");
        Files.writeString(csv, ClassRows.door(120));
        TrainingViewModel vm = vm(Locale.ENGLISH, fx);
        vm.form().steps.set(4);
        vm.form().horizonProperty().set(horizon);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        return vm;
    }

    @Test
    void aTargetOfWordsIsClassifiedAndItsVerdictNamesTheMajorityInChinese() throws Exception {
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = activity(Locale.SIMPLIFIED_CHINESE, fx, 300, 2);
        assertTrue(vm.messageProperty().get().contains("给 activity.csv 分类，类别是窗口最后一行的 activity"),
                vm.messageProperty().get());
        assertEquals("验证准确率高于总是给出训练部分最常见类别的准确率", vm.criterionProperty().get());
        assertTrue(vm.headProperty().get().contains("3 个输出，softmax"), vm.headProperty().get());
        assertTrue(vm.kerasCodeProperty().get().contains("y 是类别编号（每个窗口\n# 取最后一行的类别"), vm.kerasCodeProperty().get());
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
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = door(fx, 1);
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
        String percent = String.format(Locale.ROOT, "%.1f\u00a0%%", 100.0 * zeros / validation);
        assertTrue(vm.verdictProperty().get().endsWith("; always '0' gets " + percent), vm.verdictProperty().get());
    }

    /**
     * "Open in debugger" after training on a file of labels hands over the names of the file's input columns and
     * of its classes (sorted, in the model's output order), and says the inputs are standardised.
     */
    @Test
    void theDebuggerGetsTheColumnsAndClassesOfTheFile() throws Exception {
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = activity(Locale.ENGLISH, fx, 200, 5);
        List<SampleNames> handed = new CopyOnWriteArrayList<>();
        vm.setDebuggerLauncher((model, sample, targets, sequence, title, names) -> handed.add(names));
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        vm.openInDebugger();
        fx.until(vm, () -> !handed.isEmpty());
        SampleNames names = handed.get(0);
        assertEquals(List.of("a", "b"), names.features(), "the numeric columns other than the target");
        assertEquals(List.of("running", "sitting", "walking"), names.classes());
        assertTrue(names.standardised());
        assertEquals(List.of(), names.vocabulary());
    }

    /** A target of words is classes as soon as the file is read: the horizon row says it does not apply. */
    /** "Head and loss" names the loss the Keras code beside it compiles with: class indices, so the sparse one. */
    @Test
    void theHeadNamesTheLossOfTheKerasCode() throws Exception {
        TrainingViewModel vm = activity(Locale.ENGLISH, new FakeFx(), 200, 5);
        String head = vm.headProperty().get();
        String keras = vm.kerasCodeProperty().get();
        assertTrue(head.endsWith("\nsparse_categorical_crossentropy"), head);
        assertTrue(keras.contains("loss='sparse_categorical_crossentropy'"), keras);
    }

    @Test
    void aTargetOfWordsHasNoHorizon() throws Exception {
        TrainingViewModel vm = activity(Locale.ENGLISH, new FakeFx(), 200, 5);
        assertTrue(vm.fieldsProperty().get().csv(), "the file's columns and target show");
        assertFalse(vm.fieldsProperty().get().horizon(), "a class target names each window by its own last row");
    }

    /**
     * A column of numbers is forecast, with a horizon, until the student ticks "Its numbers are classes": then the
     * horizon no longer applies, and one left at 3 for the forecast does not refuse the classifier Start trains.
     */
    @Test
    void tickingClassesPutsTheHorizonAway() throws Exception {
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = door(fx, 3);
        assertTrue(vm.fieldsProperty().get().horizon(), "a forecast three rows ahead");
        vm.form().classes.set(true);
        assertFalse(vm.fieldsProperty().get().horizon(), "ticked: classes");
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        assertEquals(TargetKind.CLASS, vm.run().atBoundary(a -> a.session().record().data().kind()).get(),
                vm.messageProperty().get());
        assertFalse(vm.fieldsProperty().get().horizon(), "read as classes");
        vm.form().classes.set(false);
        assertTrue(vm.fieldsProperty().get().horizon(), "unticked, the numbers are values to forecast again");
    }
}
