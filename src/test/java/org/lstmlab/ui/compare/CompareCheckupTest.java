package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.Message;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.LessonLauncher;

/**
 * The Compare tab's checkup: the models that did not solve the task to choose from, the newest failure shown as it
 * arrives, its signs with their lesson, and, when the checkup found none, whether its accuracy was learning or
 * stuck. A real comparison's points in the last test.
 */
class CompareCheckupTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    private static Comparison.Point point(CellType cell, int t, List<Checkup.Finding> signs, double... accuracy) {
        List<EpochReport> epochs = new ArrayList<>();
        EpochReport best = null;
        for (int i = 0; i < accuracy.length; i++) {
            TaskScore s = TaskScore.accuracy(accuracy[i], 0.9, TaskScore.Baseline.MEAN, 0.15);
            EpochReport e = new EpochReport(i + 1, 1.0 / (i + 1), 1, s, 10L * (i + 1), 0, 1, 1e-3);  // loss falls
            epochs.add(e);
            best = best == null || e.valAccuracy() > best.valAccuracy() ? e : best;
        }
        return new Comparison.Point(cell, t, best, epochs, 1, 100, 32, false, signs);
    }

    private static final Checkup.Finding VANISHING = new Checkup.Finding(Checkup.Sign.VANISHING,
            Message.of("engine.checkup.vanishing", "1.26e-08", "100"),
            Message.of("engine.checkup.vanishing.rnn", "100"), "vanishing-gradient");

    @Test
    void theNewestFailureIsShownWithItsSignsAndItsLesson() {
        CompareCheckup c = new CompareCheckup(EN);
        List<String> opened = new ArrayList<>();
        c.panel().setLessonLauncher(new LessonLauncher() {
            @Override
            public String title(String id) {
                return "Vanishing gradients";
            }

            @Override
            public void open(String id) {
                opened.add(id);
            }
        });
        Comparison.Point gru = point(CellType.GRU, 10, List.of(), 0.5, 1.0);
        Comparison.Point rnn10 = point(CellType.RNN_TANH, 10, List.of(), 0.3, 0.5, 0.65);
        c.update(List.of(rnn10, gru), Comparison.Sizing.UNITS);
        assertEquals(List.of(rnn10), c.failed(), "a solved model is not in the list");
        assertEquals(rnn10, c.chosenProperty().get());
        assertEquals("No warning sign: nothing in this run looks broken. Its validation accuracy improved from "
                + "30.0\u00a0% to 65.0\u00a0% in 3 epochs, and its training loss still fell by 33.3\u00a0% in the "
                + "last one: it is learning, but not yet enough. More epochs, or more training samples, may solve it.",
                c.textProperty().get());
        assertEquals("", c.panel().lessonTitleProperty().get());

        Comparison.Point rnn100 = point(CellType.RNN_TANH, 100, List.of(VANISHING), 0.15, 0.16, 0.15);
        c.update(List.of(rnn10, gru, rnn100), Comparison.Sizing.UNITS);
        assertEquals(rnn100, c.chosenProperty().get(), "the new failure is shown");
        // its best epoch is the second, which the list shows, the checkup reads the third: each says which
        assertTrue(c.textProperty().get().startsWith("The checkup below reads the last epoch, epoch 3: 15.0\u00a0% "
                + "right. The chart and the list show the best, epoch 2.\nCheckup: one warning sign\n⚠ "),
                c.textProperty().get());
        assertTrue(c.textProperty().get().replace('\u00a0', ' ').contains("1.26 × 10⁻⁸"), c.textProperty().get());
        assertEquals("Lesson: Vanishing gradients", c.panel().lessonTitleProperty().get());
        c.panel().openLesson();
        assertEquals(List.of("vanishing-gradient"), opened);
        assertEquals("SimpleRNN, T = 100 (best epoch 2: 16.0\u00a0% right)", c.name(rnn100));

        c.chosenProperty().set(rnn10);
        c.update(List.of(rnn10, gru, rnn100), Comparison.Sizing.UNITS);
        assertEquals(rnn10, c.chosenProperty().get(), "the same points keep the student's choice");
        c.update(List.of(), Comparison.Sizing.UNITS);
        assertEquals(List.of(), c.failed(), "a new comparison starts empty");
        assertNull(c.chosenProperty().get());
        assertEquals("", c.textProperty().get());
    }

    @Test
    void aFailureWithNoSignAndNoProgressSaysItWasStuckInEitherLanguage() {
        Comparison.Point stuck = point(CellType.RNN_TANH, 25, List.of(), 0.18, 0.20, 0.19, 0.202, 0.19);
        CompareCheckup en = new CompareCheckup(EN);
        en.update(List.of(stuck), Comparison.Sizing.UNITS);
        assertEquals("The checkup below reads the last epoch, epoch 5: 19.0 % right. The chart and the list show the "
                + "best, epoch 4.\n"
                + "No warning sign the checkup knows, but its validation accuracy stayed between 18.0 % and "
                + "20.2 % in 5 epochs, far from the 90.0 % that counts as solved. See how far back its gradient "
                + "reaches: the gradient chart of the Train tab, or the debugger.",
                en.textProperty().get().replace('\u00a0', ' '));
        CompareCheckup zh = new CompareCheckup(ZH);
        zh.update(List.of(stuck), Comparison.Sizing.UNITS);
        assertEquals("SimpleRNN, T = 25 (best epoch 4: 20.2\u00a0% right)", en.name(stuck));
        // a cell type is a concept: in Chinese its name, with Keras' layer name
        assertEquals("简单循环网络（SimpleRNN），T = 25（最佳为第 4 个迭代周期：准确率 20.2\u00a0%）", zh.name(stuck));
        String said = zh.textProperty().get().replace('\u00a0', ' ');
        assertTrue(said.startsWith("下面的训练诊断看的是最后一个迭代周期，即第 5 个：准确率 19.0 %。图和列表显示的是"
                + "最佳的第 4 个迭代周期。\n训练诊断没有发现它认识的警示信号，但它的验证准确率在 5 个迭代周期里一直在 "
                + "18.0 % 到 20.2 % 之间"), said);
        // the adding problem's SimpleRNN at T = 10 in the default comparison: one noisy epoch, still learning
        Comparison.Point noisy = point(CellType.RNN_TANH, 10, List.of(), 0.330, 0.308, 0.648, 0.566, 0.645);
        en.update(List.of(stuck, noisy), Comparison.Sizing.UNITS);
        assertTrue(en.textProperty().get().replace('\u00a0', ' ').contains("No warning sign: nothing in this run "
                + "looks broken. Its validation accuracy improved from 33.0 % to 64.5 % in 5 epochs"),
                en.textProperty().get());
        // it learned, then lost it again: not learning
        Comparison.Point peaked = point(CellType.GRU, 50, List.of(), 0.2, 0.6, 0.3, 0.3, 0.3);
        en.update(List.of(stuck, noisy, peaked), Comparison.Sizing.UNITS);
        assertTrue(en.textProperty().get().contains("\nNo warning sign the checkup knows"), en.textProperty().get());
    }

    /**
     * The audit's SimpleRNN at T = 100: the list showed its best epoch (15.5 %) and the checkup quoted its last
     * (14.2 %) with no word of which: now the list names its epoch and the checkup says it reads the last, in either
     * language. A model whose best epoch is its last needs no such line.
     */
    @Test
    void theListAndTheCheckupSayWhichEpochTheyQuote() {
        Checkup.Finding baseline = new Checkup.Finding(Checkup.Sign.NO_BETTER_THAN_BASELINE,
                Message.of("engine.checkup.baseline", "14.2 %", "14.4 %"),
                Message.of("engine.checkup.baseline.advice"), null);
        Comparison.Point rnn = point(CellType.RNN_TANH, 100, List.of(baseline), 0.13, 0.14, 0.155, 0.15, 0.142);
        CompareCheckup en = new CompareCheckup(EN);
        en.update(List.of(rnn), Comparison.Sizing.UNITS);
        assertEquals("SimpleRNN, T = 100 (best epoch 3: 15.5 % right)", en.name(rnn).replace('\u00a0', ' '));
        String text = en.textProperty().get().replace('\u00a0', ' ');
        assertTrue(text.startsWith("The checkup below reads the last epoch, epoch 5: 14.2 % right. The chart and the "
                + "list show the best, epoch 3.\nCheckup: one warning sign\n⚠ The model does no better than its "
                + "task's naive prediction: 14.2 % against 14.4 %, the chance level at T = 100."), text);
        CompareCheckup zh = new CompareCheckup(ZH);
        zh.update(List.of(rnn), Comparison.Sizing.UNITS);
        assertEquals("简单循环网络（SimpleRNN），T = 100（最佳为第 3 个迭代周期：准确率 15.5 %）",
                zh.name(rnn).replace('\u00a0', ' '));
        String said = zh.textProperty().get().replace('\u00a0', ' ');
        assertTrue(said.startsWith("下面的训练诊断看的是最后一个迭代周期，即第 5 个：准确率 14.2 %。图和列表显示的是最佳的"
                + "第 3 个迭代周期。\n"), said);
        assertTrue(said.contains("模型并不比这个任务的朴素预测更好：模型为 14.2 %，朴素预测为 14.4 %，即 T = 100 时的随机水平。"),
                said);

        Comparison.Point rising = point(CellType.RNN_TANH, 50, List.of(baseline), 0.13, 0.14, 0.155);
        en.update(List.of(rnn, rising), Comparison.Sizing.UNITS);
        assertEquals("SimpleRNN, T = 50 (best epoch 3: 15.5 % right)", en.name(rising).replace('\u00a0', ' '));
        assertTrue(en.textProperty().get().startsWith("Checkup: one warning sign"), en.textProperty().get());
        assertTrue(en.textProperty().get().replace('\u00a0', ' ').contains("14.2 % against 14.4 %, the chance "
                + "level at T = 50."), "each model's level at its own length: " + en.textProperty().get());
        en.chosenProperty().set(rnn);
        assertTrue(en.textProperty().get().replace('\u00a0', ' ').contains("the chance level at T = 100."),
                en.textProperty().get());
    }

    /**
     * With the same parameters each cell has its own units (66, 37 and 32 on the adding problem): each name in the
     * list says them, in either language, also for a model with no epoch finished. With the same units it does not.
     */
    @Test
    void withTheSameParametersEachNameSaysItsUnits() {
        Comparison.Point rnn = new Comparison.Point(CellType.RNN_TANH, 100, null, List.of(), 1, 4687, 66, false,
                List.of());
        Comparison.Point gru = point(CellType.GRU, 100, List.of(), 0.13, 0.157);
        List<Comparison.Point> failed = List.of(new Comparison.Point(gru.cell(), gru.seqLen(), gru.best(),
                gru.epochs(), 1, 4589, 37, false, List.of()), rnn);
        CompareCheckup en = new CompareCheckup(EN);
        en.update(failed, Comparison.Sizing.PARAMETERS);
        assertEquals(List.of("GRU, 37 units, T = 100 (best epoch 2: 15.7 % right)",
                "SimpleRNN, 66 units, T = 100 (no epoch finished)"),
                en.failed().stream().map(en::name).map(n -> n.replace('\u00a0', ' ')).toList());
        CompareCheckup zh = new CompareCheckup(ZH);
        zh.update(failed, Comparison.Sizing.PARAMETERS);
        assertEquals(List.of("GRU，37 个隐藏单元，T = 100（最佳为第 2 个迭代周期：准确率 15.7 %）",
                "简单循环网络（SimpleRNN），66 个隐藏单元，T = 100（没有完成的迭代周期）"),
                zh.failed().stream().map(zh::name).map(n -> n.replace('\u00a0', ' ')).toList());
        en.update(List.of(), Comparison.Sizing.UNITS);   // the next comparison, at the same units
        en.update(List.of(gru), Comparison.Sizing.UNITS);
        assertEquals("GRU, T = 100 (best epoch 2: 15.7 % right)", en.name(gru).replace('\u00a0', ' '));
    }

    /**
     * A forecast's naive prediction (the last value) is no chance level: its sign is the engine's, unchanged, naming
     * the naive forecast.
     */
    @Test
    void aForecastsNaivePredictionIsNotCalledAChanceLevel() {
        TaskScore s = TaskScore.below(TaskScore.Metric.MSE, 0.52, 0.48, TaskScore.Baseline.LAST_VALUE, 0.48);
        Checkup.Finding baseline = new Checkup.Finding(Checkup.Sign.NO_BETTER_THAN_BASELINE,
                Message.of("engine.checkup.baseline", "0.52", "0.48", s.baselineName()),
                Message.of("engine.checkup.baseline.repeats"), null);
        EpochReport e = new EpochReport(1, 0.6, 0.52, s, 10, 0, 1, 1e-3);
        Comparison.Point p = new Comparison.Point(CellType.GRU, 24, e, List.of(e), 1, 100, 32, false,
                List.of(baseline));
        CompareCheckup en = new CompareCheckup(EN);
        en.update(List.of(p), Comparison.Sizing.UNITS);
        assertTrue(en.textProperty().get().contains("naive prediction (repeating the last value): 0.52 against "
                + "0.48."), en.textProperty().get());
    }

    @Test
    void aRealComparisonsFailuresAllHaveAnAnswer() {
        CompareViewModel vm = new CompareViewModel(EN);
        vm.taskProperty().set(Tasks.byName("adding"));
        vm.lengthsProperty().set("60");
        vm.epochsProperty().set(1);
        vm.samplesProperty().set(500);
        List<Comparison.Point> points = CompareRuns.run(vm);
        assertEquals(points.stream().filter(p -> !p.solved()).toList(), vm.checkup().failed());
        assertTrue(!vm.checkup().failed().isEmpty(), "one epoch of 500 samples solves nothing at T = 60: " + points);
        for (Comparison.Point p : vm.checkup().failed()) {
            vm.checkup().chosenProperty().set(p);
            String text = vm.checkup().textProperty().get();
            assertTrue(!text.isBlank() && !text.contains("{"), p + ": " + text);
        }

        assertTrue(!vm.canTrainChosenProperty().get(), "no Train tab to set up, no button");
        List<String> prepared = new ArrayList<>();
        vm.setTrainLauncher(s -> prepared.add(s.task().name() + " " + s.cell() + " " + s.steps() + " " + s.epochs()
                + " " + s.hidden() + " " + s.config()));
        assertTrue(vm.canTrainChosenProperty().get());
        Comparison.Point last = vm.checkup().failed().get(vm.checkup().failed().size() - 1);
        vm.checkup().chosenProperty().set(last);
        vm.trainChosen();
        assertEquals(32, last.units(), "every cell at the task's default units");
        assertEquals(List.of("adding " + last.cell() + " 60 1 32 null"), prepared, "the chosen model's settings");
    }
}
