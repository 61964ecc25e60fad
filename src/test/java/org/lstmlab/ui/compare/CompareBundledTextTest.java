package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.TaskChoices;
import org.lstmlab.ui.common.TaskTexts;
import org.lstmlab.ui.common.TrainSettings;

/**
 * The Compare tab offers the Train tab's bundled texts, the sonnets and Carroll's "Jabberwocky", named as the Train
 * tab's task box names them: a text is compared at one length, epoch by epoch, as the user's text is, and on the
 * poem the models learn it by heart, which the chart's rising validation loss and the checkup's overfitting sign
 * show. Without a toolkit.
 */
class CompareBundledTextTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
    private final CharLmTask poem = CharLmTask.bundled("jabberwocky");
    private final CompareFx fx = new CompareFx();

    @Test
    void theTaskBoxHasTheTrainTabsBundledTextsInItsOrder() {
        CompareViewModel vm = new CompareViewModel(EN, fx);
        List<Task> tasks = vm.tasks();
        Task sonnets = Tasks.byName("charlm");
        assertEquals(TaskChoices.all().stream().filter(Comparison::comparable).toList(), tasks,
                "the Train tab's choices that can be compared, in the same order");
        assertSame(poem, tasks.get(tasks.indexOf(sonnets) + 1), "the poem right after the sonnets");
        assertTrue(tasks.contains(Tasks.byName("adding")));
        assertFalse(tasks.stream().anyMatch(t -> t.name().equals("sine")), "a forecast has no accuracy to sweep");
        assertEquals("Character model: “Jabberwocky”", TaskTexts.choice(EN, poem));
        assertEquals("字符级语言模型：卡罗尔《炸脖龙》", TaskTexts.choice(ZH, poem));
        assertEquals("Character model: sonnets", TaskTexts.choice(EN, sonnets));
    }

    @Test
    void aTextIsComparedAtOneLengthAndSeveralAreRefusedInEnglishAndChinese() {
        for (ResourceBundle i18n : List.of(EN, ZH)) {
            CompareViewModel vm = new CompareViewModel(i18n, fx);
            assertFalse(vm.oneLengthProperty().get(), "the adding problem: several lengths");
            vm.taskProperty().set(poem);
            assertTrue(vm.oneLengthProperty().get());
            assertEquals("32", vm.lengthsProperty().get(), "the character model's length");
            assertEquals(5, vm.epochsProperty().get());
            assertEquals(3000, vm.samplesProperty().get(), "every window the text gives");
            assertEquals(3000, vm.maxSamplesProperty().get());
            assertNull(vm.data().fileProperty().get(), "a bundled text is no file");
            vm.lengthsProperty().set("16, 32");
            vm.start();
            assertFalse(vm.runningProperty().get());
            assertNull(vm.sweep());
            assertEquals(i18n == EN
                    ? "Failed: charlm is compared at one sequence length, epoch by epoch: give one length from 4 "
                    + "to 200, not 2 lengths"
                    : "失败：任务“字符级语言模型”只在一个序列长度上逐个迭代周期比较："
                    + "请只给一个 4 到 200 之间的长度，现在是 2 个",
                    vm.statusProperty().get());
            vm.taskProperty().set(Tasks.byName("adding"));
            assertFalse(vm.oneLengthProperty().get());
            assertEquals("10, 25, 50, 100", vm.lengthsProperty().get(), "back to a sweep over lengths");
        }
    }

    /**
     * The poem's comparison at its defaults but 3 epochs: the models learn the training lines by heart, their
     * validation loss lowest at epoch 1 and rising after; the chart is the text's, the checkup names the sign, and a
     * model goes to the Train tab on the poem.
     */
    @Test
    void onThePoemTheModelsOverfitAndTheCheckupSaysSo() {
        CompareViewModel vm = new CompareViewModel(EN, fx);
        vm.taskProperty().set(poem);
        vm.epochsProperty().set(3);
        vm.start();
        fx.until(vm, () -> vm.snapshotProperty().get().done());
        assertEquals("Done: 3 models trained", vm.statusProperty().get());
        assertTrue(vm.comparesEpochs(), "drawn epoch by epoch, as the user's text is");
        SweepSnapshot s = vm.snapshotProperty().get();
        FileChart chart = FileChart.of(EN, s, vm.sweep().settings().task().metric());
        assertEquals(TaskScore.Metric.CROSS_ENTROPY, chart.metric());
        assertEquals(3, chart.lastEpoch());
        assertTrue(chart.verdict().startsWith("Best validation cross-entropy (nats per character): "),
                chart.verdict());
        Comparison.Point lstm = s.points().stream().filter(p -> p.cell() == org.lstmlab.engine.nn.CellType.LSTM)
                .findFirst().orElseThrow();
        assertEquals(32, lstm.seqLen());
        double[] val = lstm.epochs().stream().mapToDouble(r -> r.valLoss()).toArray();
        double[] train = lstm.epochs().stream().mapToDouble(r -> r.trainLoss()).toArray();
        assertTrue(val[0] < val[1] && val[1] < val[2] && train[0] > train[1] && train[1] > train[2],
                "the LSTM learns the poem by heart: val " + java.util.Arrays.toString(val) + ", train "
                + java.util.Arrays.toString(train));
        assertEquals(1, lstm.best().epoch(), "its best epoch is the first");
        assertFalse(lstm.solved());
        assertTrue(lstm.signs().stream().anyMatch(f -> f.sign() == Checkup.Sign.OVERFITTING), lstm.signs()::toString);

        assertTrue(vm.checkup().failed().contains(lstm), "the failed models to choose from");
        List<String> opened = new ArrayList<>();
        vm.checkup().panel().setLessonLauncher(new org.lstmlab.ui.common.LessonLauncher() {
            @Override
            public String title(String id) {
                return "«" + id + "»";
            }

            @Override
            public void open(String id) {
                opened.add(id);
            }
        });
        vm.checkup().chosenProperty().set(null);
        vm.checkup().chosenProperty().set(lstm);
        String text = vm.checkup().textProperty().get();
        assertTrue(text.contains("The validation loss rose from") && text.contains("by heart"), text);
        assertTrue(vm.checkup().panel().lessonTitleProperty().get().contains("«overfitting»"),
                vm.checkup().panel().lessonTitleProperty().get());
        vm.checkup().panel().openLesson();
        assertEquals(List.of("overfitting"), opened, "the link opens the lesson on overfitting");

        List<TrainSettings> handed = new ArrayList<>();
        vm.setTrainLauncher(handed::add);
        vm.trainChosen();
        assertSame(poem, handed.get(0).task(), "the Train tab trains it on the poem");
        assertNull(handed.get(0).data(), "no file to read");
        assertEquals(32, handed.get(0).steps());
        assertEquals(3, handed.get(0).epochs());
    }
}
