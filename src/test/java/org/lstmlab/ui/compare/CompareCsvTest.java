package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.ui.common.I18n;

/**
 * The Compare tab on the user's CSV file, without a toolkit: the file read with the Train tab's fields is the task,
 * every model trains on its one reading (the same windows), the chart and verdict show the naive forecast or the
 * majority class, and a bad file is refused with its line, column and reason in English and Chinese, the fields
 * left as the user set them. The notes on the file (a clock among the inputs) stay in the message while the models
 * train and after, until the user leaves the column out.
 */
class CompareCsvTest {
    @TempDir Path dir;

    private final CompareFx fx = new CompareFx();

    private CompareViewModel read(Locale locale, Path csv, String target, int window) {
        CompareViewModel vm = new CompareViewModel(I18n.bundle(locale), fx);
        vm.data().fields().targetProperty().set(target);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.taskProperty().get() instanceof SeriesTask);
        vm.data().windowProperty().set(window);
        vm.epochsProperty().set(2);
        vm.samplesProperty().set(60);
        return vm;
    }

    private void runToEnd(CompareViewModel vm) {
        vm.start();
        fx.until(vm, () -> vm.snapshotProperty().get().done());
    }

    @Test
    void aForecastComparesEveryCellOnTheSameWindowsBesideTheNaiveForecast() throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(200, 3));
        CompareViewModel vm = read(Locale.ENGLISH, csv, "a", 6);
        assertTrue(vm.data().messageProperty().get().startsWith("activity.csv"), vm.data().messageProperty().get());
        runToEnd(vm);
        assertEquals(6, vm.settings().task().defaultSteps(), "Start read the file again with the window set since");
        assertEquals(List.of(6), vm.settings().lengths());
        assertEquals(2, vm.settings().epochs(), "reading the file again kept the epochs the user set");
        assertEquals(60, vm.settings().samples());
        SweepSnapshot s = vm.snapshotProperty().get();
        assertEquals(Comparison.CELLS.size(), s.points().size(), vm.statusProperty().get());
        assertTrue(vm.comparesEpochs());
        double naive = Double.NaN;
        for (Comparison.Point p : s.points()) {
            assertEquals(2, p.epochs().size());
            TaskScore score = p.best().score();
            assertEquals(TaskScore.Metric.MSE, score.metric());
            if (!Double.isNaN(naive)) {
                assertEquals(naive, score.baselineValue(), 0.0, "every model is judged on the same windows");
            }
            naive = score.baselineValue();
        }
        FileChart chart = FileChart.of(I18n.bundle(Locale.ENGLISH), s, TaskScore.Metric.MSE);
        assertFalse(chart.accuracy());
        assertEquals(naive, chart.baseline(), 0.0);
        assertEquals(2, chart.lastEpoch());
        assertEquals(3, chart.lines().size());
        // accelerations around a level: the training mean is the better naive forecast
        assertTrue(chart.baselineName().startsWith("always the training mean: "), chart.baselineName());
        assertTrue(chart.verdict().startsWith("Best validation MSE: SimpleRNN "), chart.verdict());
        assertTrue(chart.verdict().contains("always the training mean gets "), chart.verdict());
        List<org.lstmlab.ui.common.TrainSettings> handed = new java.util.ArrayList<>();
        vm.setTrainLauncher(handed::add);
        vm.checkup().chosenProperty().set(s.points().get(2));
        assertTrue(vm.canTrainChosenProperty().get(), "a file's model trains in the Train tab too");
        vm.data().windowProperty().set(9);   // changed after the run: the model handed over is the run's
        vm.trainChosen();
        assertEquals(1, handed.size());
        var data = handed.get(0).data();
        assertEquals(csv, data.file(), "the file goes with the model");
        assertEquals(List.of("a"), data.targets());
        assertEquals(6, data.window(), "the window the models were compared at");
        assertEquals(1, data.horizon());
        assertEquals(s.points().get(2).cell(), handed.get(0).cell());
        assertEquals(2, handed.get(0).epochs());
    }

    @Test
    void aTargetOfWordsComparesAccuraciesBesideTheMajorityClassInChinese() throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(200, 2));
        CompareViewModel vm = read(Locale.SIMPLIFIED_CHINESE, csv, "activity", 4);
        runToEnd(vm);
        SweepSnapshot s = vm.snapshotProperty().get();
        assertEquals(3, s.points().size(), vm.statusProperty().get());
        FileChart chart = FileChart.of(I18n.bundle(Locale.SIMPLIFIED_CHINESE), s, TaskScore.Metric.ACCURACY);
        assertTrue(chart.accuracy());
        String majority = s.points().get(0).best().score().baselineAnswer();
        assertNotNull(majority);
        assertTrue(chart.baselineName().startsWith("总是回答“" + majority + "”："), chart.baselineName());
        assertTrue(chart.verdict().startsWith("最佳验证准确率："), chart.verdict());
    }

    @Test
    void aBadFileSaysWhereAndWhyAndKeepsTheFields() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, ClassRows.csv(200, 1).replaceFirst("\nt0,[^,]*,", "\nt0,oops,"));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            CompareViewModel vm = new CompareViewModel(I18n.bundle(locale), fx);
            vm.data().fields().targetProperty().set("a");
            vm.data().fields().columnsProperty().set("a, b");
            vm.epochsProperty().set(3);
            vm.chooseDataFile(csv);
            fx.until(vm, () -> vm.data().errorProperty().get());
            String m = vm.data().messageProperty().get();
            if (locale == Locale.ENGLISH) {
                assertTrue(m.startsWith("Cannot use bad.csv: line 2: field 2 (a): 'oops' is not a number."), m);
                assertTrue(m.contains("Run comparison"), m);
            } else {
                assertTrue(m.startsWith("无法使用 bad.csv：第 2 行"), m);
                assertTrue(m.contains("（a）") && m.contains("“oops”不是数字") && m.contains("开始对比"), m);
            }
            assertEquals(csv, vm.data().fileProperty().get(), "the file stays chosen, to read again");
            assertEquals("a, b", vm.data().fields().columnsProperty().get());
            assertEquals("a", vm.data().fields().targetProperty().get());
            assertEquals(3, vm.epochsProperty().get());
            assertEquals("adding", vm.taskProperty().get().name(), "the task on show before stays");
            vm.start();   // reads it again, is refused again, and starts nothing
            fx.until(vm, () -> vm.data().errorProperty().get() && !vm.data().messageProperty().get().isEmpty()
                    && !vm.data().messageProperty().get().contains("bad.csv\u2026"));
            assertFalse(vm.runningProperty().get());
            assertEquals(null, vm.sweep());
        }
    }

    /**
     * A file refused after another was read names the task that stays, with the file it was read from, as the Train
     * tab does: in English and Chinese, for a file the fields may mend and for one they cannot (an empty file), after
     * which Start compares the file named.
     */
    @Test
    void aFileRefusedAfterAnotherWasReadNamesTheTaskAndFileKept() throws Exception {
        Path good = dir.resolve("activity.csv");
        Files.writeString(good, ClassRows.csv(200, 4));
        Path bad = dir.resolve("成绩.csv");
        Files.writeString(bad, ClassRows.csv(200, 1).replaceFirst("\nt0,[^,]*,", "\nt0,oops,"));
        Path empty = dir.resolve("空.csv");
        Files.writeString(empty, "");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            CompareViewModel vm = read(locale, good, "a", 6);
            vm.chooseDataFile(bad);
            fx.until(vm, () -> vm.data().errorProperty().get());
            String m = vm.data().messageProperty().get();
            assertTrue(m.contains(locale == Locale.ENGLISH
                    ? ". It is not loaded: the task shown is still Your CSV series (activity.csv). Change the fields"
                    : "。文件没有载入，这里显示的任务仍是我的 CSV 时间序列（activity.csv）。请修改"), m);
            vm.chooseDataFile(empty);
            fx.until(vm, () -> vm.data().errorProperty().get() && vm.data().messageProperty().get().contains("空"));
            m = vm.data().messageProperty().get();
            assertTrue(m.endsWith(locale == Locale.ENGLISH
                    ? ". It is not loaded: the tab keeps Your CSV series (activity.csv), which Run comparison compares"
                    : "。文件没有载入，本页仍是我的 CSV 时间序列（activity.csv），按“开始对比”对比的也是它"), m);
            assertEquals(good, vm.data().fileProperty().get(), "Start compares the file named, not the one refused");
        }
        CompareViewModel built = new CompareViewModel(I18n.bundle(Locale.ENGLISH), fx);
        built.chooseDataFile(empty);
        fx.until(built, () -> built.data().errorProperty().get());
        assertTrue(built.data().messageProperty().get().endsWith(". It is not loaded: the tab keeps Adding problem, "
                + "which Run comparison compares"), built.data().messageProperty().get());
    }

    /** Every problem of a refused file shows under its message, one a line, as in the Train tab. */
    @Test
    void everyProblemOfAFileIsListed() throws Exception {
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, ClassRows.csv(200, 1).replaceFirst("\nt0,[^,]*,", "\nt0,oops,")
                .replaceFirst("\nt5,[^,]*,", "\nt5,xyz,"));
        CompareViewModel vm = new CompareViewModel(I18n.bundle(Locale.ENGLISH), fx);
        vm.data().fields().targetProperty().set("a");
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.data().errorProperty().get());
        String details = vm.data().detailsProperty().get();
        assertTrue(details.contains("two.csv:\nline 2: field 2 (a): 'oops' is not a number"), details);
        assertTrue(details.contains("\nline 7: field 2 (a): 'xyz' is not a number"), details);
        vm.taskProperty().set(org.lstmlab.engine.tasks.Tasks.byName("copy"));
        assertEquals(null, vm.data().fileProperty().get(), "a built-in task chosen: the file goes");
        assertEquals("", vm.data().detailsProperty().get());
    }

    /** A refused file's message follows View ▸ Language, as the Train tab's does. */
    @Test
    void aRefusedFileIsSaidAgainInTheNewLanguage() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, ClassRows.csv(200, 1).replaceFirst("\nt0,[^,]*,", "\nt0,oops,"));
        I18n.Live live = I18n.live(Locale.ENGLISH);
        CompareViewModel vm = new CompareViewModel(live, fx);
        vm.data().fields().targetProperty().set("a");
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.data().errorProperty().get());
        assertTrue(vm.data().messageProperty().get().startsWith("Cannot use bad.csv: line 2"));
        live.use(Locale.SIMPLIFIED_CHINESE);
        vm.relabel();
        String m = vm.data().messageProperty().get();
        assertTrue(m.startsWith("无法使用 bad.csv：第 2 行") && m.contains("“oops”不是数字"), m);
    }

    /** The model being trained is drawn epoch by epoch; the verdict waits for it to end. */
    @Test
    void theModelBeingTrainedIsDrawnAsItsEpochsEnd() {
        TaskScore score = TaskScore.below(TaskScore.Metric.MSE, 0.4, 0.5, TaskScore.Baseline.LAST_VALUE, 0.5);
        var one = new org.lstmlab.engine.session.EpochReport(1, 0.6, 0.4, score, 10, 0, 1.0, Double.NaN);
        var two = new org.lstmlab.engine.session.EpochReport(2, 0.5, 0.3, score, 20, 0, 1.0, Double.NaN);
        SweepSnapshot s = new SweepSnapshot(List.of(), 3, org.lstmlab.engine.nn.CellType.GRU, 24, false, null,
                List.of(one, two));
        FileChart chart = FileChart.of(I18n.bundle(Locale.ENGLISH), s, TaskScore.Metric.MSE);
        assertEquals(List.of(org.lstmlab.engine.nn.CellType.GRU), List.copyOf(chart.lines().keySet()));
        assertEquals(2, chart.lines().get(org.lstmlab.engine.nn.CellType.GRU).length);
        assertEquals(2, chart.lastEpoch());
        assertEquals(0.5, chart.baseline(), 0.0);
        assertEquals("repeating the last value: 0.5", chart.baselineName());
        assertEquals("", chart.verdict(), "no model has ended yet");
    }

    /**
     * A clock among the inputs: Start reads the file again with the fields, and the note on it stays in the message
     * while the models train and once they are done; with the column left out, no note.
     */
    @Test
    void theNoteOnAClockStaysWhileTheModelsTrainUntilTheColumnIsLeftOut() throws Exception {
        StringBuilder b = new StringBuilder("minute,load\n");
        for (int r = 0; r < 120; r++) {
            b.append(r).append(',').append(Math.sin(r * 0.3)).append('\n');
        }
        Path csv = dir.resolve("clock.csv");
        Files.writeString(csv, b.toString());
        CompareViewModel vm = read(Locale.ENGLISH, csv, "load", 6);
        String note = "Note: the input column minute rises by the same step in every row";
        assertTrue(vm.data().messageProperty().get().contains(note), vm.data().messageProperty().get());
        vm.start();
        fx.until(vm, () -> vm.runningProperty().get());
        assertTrue(vm.data().messageProperty().get().contains(note), vm.data().messageProperty().get());
        fx.until(vm, () -> vm.snapshotProperty().get().done());
        assertTrue(vm.data().messageProperty().get().contains(note), vm.data().messageProperty().get());
        vm.data().fields().columnsProperty().set("load");
        vm.start();
        fx.until(vm, () -> vm.runningProperty().get());
        fx.until(vm, () -> vm.snapshotProperty().get().done());
        String after = vm.data().messageProperty().get();
        assertTrue(after.startsWith("clock.csv") && !after.contains("Note:"), after);
    }
}
