package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.TrainSettings;

/**
 * The Compare tab on the user's text (a .txt file), without a toolkit: the text is a character model, as in the
 * Train tab; the window field is its length in characters; every model trains on the same windows; the chart draws
 * each epoch's validation cross-entropy in nats per character beside the character frequencies' entropy and the
 * solved threshold; the verdict names each model's best epoch; a text that cannot be used says why in English and
 * Chinese; and a model goes to the Train tab with its file and length.
 */
class CompareTextTest {
    private static final Path POEM = Path.of("docs/data/jabberwocky.txt");
    @TempDir Path dir;

    private final CompareFx fx = new CompareFx();

    private CompareViewModel compared(Locale locale, int length) {
        CompareViewModel vm = new CompareViewModel(I18n.bundle(locale), fx);
        vm.chooseDataFile(POEM);
        fx.until(vm, () -> vm.taskProperty().get() instanceof CharLmTask);
        assertTrue(vm.data().textProperty().get(), "a text: its length and encoding apply");
        assertEquals(CharLmTask.DEFAULT_STEPS, vm.data().windowProperty().get(), "the character model's length");
        assertEquals(3000, vm.samplesProperty().get(), "every window the text gives");
        vm.data().windowProperty().set(length);
        vm.epochsProperty().set(2);
        vm.samplesProperty().set(40);
        vm.start();
        fx.until(vm, () -> vm.snapshotProperty().get().done());
        return vm;
    }

    @Test
    void everyCellTrainsOnTheTextBesideTheCharacterFrequencies() {
        CompareViewModel vm = compared(Locale.ENGLISH, 10);
        assertEquals("Done: 3 models trained", vm.statusProperty().get());
        assertTrue(vm.comparesEpochs());
        assertEquals(List.of(10), vm.settings().lengths(), "the length chosen, kept when Start read the text again");
        assertEquals(10, vm.data().windowProperty().get());
        assertEquals(2, vm.settings().epochs());
        assertEquals(40, vm.settings().samples());
        SweepSnapshot s = vm.snapshotProperty().get();
        assertEquals(3, s.points().size());
        FileChart chart = FileChart.of(I18n.bundle(Locale.ENGLISH), s, TaskScore.Metric.CROSS_ENTROPY);
        assertEquals(TaskScore.Metric.CROSS_ENTROPY, chart.metric());
        assertEquals(2, chart.lastEpoch());
        for (var line : chart.lines().values()) {
            assertEquals(2, line.length, "one point per epoch");
        }
        TaskScore first = s.points().get(0).best().score();
        assertEquals(first.baselineValue(), chart.baseline(), 0.0);
        assertEquals(first.threshold(), chart.threshold(), 0.0);
        assertEquals(0.8 * chart.baseline(), chart.threshold(), 1e-12);
        assertTrue(chart.baselineName().startsWith("character frequencies alone: "), chart.baselineName());
        assertTrue(chart.thresholdName().startsWith("solved below "), chart.thresholdName());
        String v = chart.verdict();
        assertTrue(v.startsWith("Best validation cross-entropy (nats per character): SimpleRNN "), v);
        for (Comparison.Point p : s.points()) {
            String item = CompareViewModel.cellName(I18n.bundle(Locale.ENGLISH), p.cell()) + " "
                    + org.lstmlab.engine.text.PlainNumbers.significant(p.value()) + " at epoch " + p.best().epoch()
                    + ", " + (p.solved() ? "solved" : "not solved");
            assertTrue(v.contains(item), item + " in " + v);
        }
        assertTrue(v.contains("character frequencies alone get ") && v.endsWith("(80\u00a0% of it)."), v);
    }

    @Test
    void theChineseChartNamesTheSameThings() {
        CompareViewModel vm = compared(Locale.SIMPLIFIED_CHINESE, 8);
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        FileChart chart = FileChart.of(zh, vm.snapshotProperty().get(), TaskScore.Metric.CROSS_ENTROPY);
        assertTrue(chart.baselineName().startsWith("只用字符频率："), chart.baselineName());
        assertTrue(chart.thresholdName().startsWith("低于 "), chart.thresholdName());
        String v = chart.verdict();
        assertTrue(v.startsWith("最佳验证交叉熵（每字符，单位奈特）：简单循环网络（SimpleRNN） 在第 "), v);
        assertTrue(v.contains("只用字符频率得到 ") && v.endsWith("（它的 80\u00a0%）才算解决。"), v);
        Comparison.Point p = vm.snapshotProperty().get().points().get(0);
        String name = vm.checkup().name(p);
        assertTrue(name.startsWith("简单循环网络（SimpleRNN），T = 8（最佳为第 ") && name.contains("个迭代周期：交叉熵 "), name);
    }

    /** Before the first epoch ends, the chart is already of the cross-entropy, its lines named. */
    @Test
    void anEmptyChartIsOfTheCrossEntropy() {
        FileChart chart = FileChart.of(I18n.bundle(Locale.ENGLISH), SweepSnapshot.EMPTY,
                TaskScore.Metric.CROSS_ENTROPY);
        assertFalse(chart.accuracy());
        assertEquals(TaskScore.Metric.CROSS_ENTROPY, chart.metric());
        assertEquals("character frequencies alone", chart.baselineName());
        assertEquals("solved threshold", chart.thresholdName());
        assertEquals("", chart.verdict());
    }

    /** A loss's axis ends at a round number above its highest point, whose marker is then drawn whole. */
    @Test
    void theAxisOfALossEndsAboveItsHighestPoint() {
        assertArrayEquals(new double[] {7, 1}, FileChart.valueAxis(5.9), 1e-12);
        assertArrayEquals(new double[] {3.5, 0.5}, FileChart.valueAxis(2.994), 1e-12);
        assertArrayEquals(new double[] {0.014, 0.002}, FileChart.valueAxis(0.0123), 1e-12);
        assertArrayEquals(new double[] {1, 0.2}, FileChart.valueAxis(Double.NaN), 1e-12, "nothing drawn yet");
        for (double top : new double[] {0.3, 0.95, 1, 1.9, 4.76, 12, 380}) {
            double[] axis = FileChart.valueAxis(top);
            assertTrue(axis[0] >= 1.05 * top && axis[0] / axis[1] <= 8 + 1e-9, top + ": " + axis[0] + " by "
                    + axis[1]);
        }
        CompareViewModel vm = compared(Locale.ENGLISH, 6);
        FileChart chart = FileChart.of(I18n.bundle(Locale.ENGLISH), vm.snapshotProperty().get(),
                TaskScore.Metric.CROSS_ENTROPY);
        double highest = chart.baseline();
        for (double[][] line : chart.lines().values()) {
            for (double[] p : line) {
                highest = Math.max(highest, p[1]);
            }
        }
        assertEquals(highest, chart.top(), 0.0);
    }

    @Test
    void aModelGoesToTheTrainTabWithItsTextAndLength() {
        CompareViewModel vm = compared(Locale.ENGLISH, 12);
        List<TrainSettings> handed = new ArrayList<>();
        vm.setTrainLauncher(handed::add);
        Comparison.Point p = vm.snapshotProperty().get().points().get(1);
        vm.checkup().chosenProperty().set(p);
        vm.data().windowProperty().set(20);   // changed after the run: the model handed over is the run's
        vm.trainChosen();
        assertEquals(1, handed.size());
        TrainSettings t = handed.get(0);
        assertEquals(POEM, t.data().file(), "the text goes with the model");
        assertTrue(t.data().charLm(), "read as a text again");
        assertEquals(12, t.steps(), "the length the models were compared at");
        assertEquals(p.cell(), t.cell());
        assertEquals(2, t.epochs());
    }

    @Test
    void aTextThatCannotBeUsedSaysWhyInEnglishAndChinese() throws Exception {
        Path little = dir.resolve("little.txt");
        Files.writeString(little, "Twas brillig.\n");
        Path latin1 = dir.resolve("latin1.txt");
        Files.copy(Path.of("src/test/resources/data/bad/text-latin1.txt"), latin1);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            CompareViewModel vm = new CompareViewModel(I18n.bundle(locale), fx);
            vm.chooseDataFile(little);
            fx.until(vm, () -> vm.data().errorProperty().get());
            String m = vm.data().messageProperty().get();
            assertEquals(locale == Locale.ENGLISH
                    ? "Cannot use little.txt: 14 characters is too little text for a language model (at least 400). "
                    + "It is not loaded: the tab keeps Adding problem, which Run comparison compares"
                    : "无法使用 little.txt：只有 14 个字符，文本太少，不够训练语言模型（至少需要 400 个）。文件没有载入，"
                    + "本页仍是加法问题，按“开始对比”对比的也是它", m);
            assertEquals("adding", vm.taskProperty().get().name(), "the task on show before stays");

            vm.chooseDataFile(latin1);   // no encoding it is in: the Encoding field may mend it, and shows
            fx.until(vm, () -> vm.data().errorProperty().get() && vm.data().messageProperty().get()
                    .contains("latin1.txt") && !vm.data().messageProperty().get().endsWith("\u2026"));
            m = vm.data().messageProperty().get();
            assertTrue(m.startsWith(locale == Locale.ENGLISH ? "Cannot use latin1.txt: " : "无法使用 latin1.txt："),
                    m);
            assertTrue(m.contains(locale == Locale.ENGLISH ? "Run comparison" : "开始对比"), m);
            assertEquals(latin1, vm.data().fileProperty().get(), "the file stays chosen, to read again");
            assertTrue(vm.data().textProperty().get(), "its fields are a text's");
            vm.start();   // read again, refused again: nothing runs
            fx.until(vm, () -> vm.data().errorProperty().get() && !vm.data().messageProperty().get().endsWith(
                    "\u2026"));
            assertFalse(vm.runningProperty().get());
            assertNull(vm.sweep());
        }
    }
}
