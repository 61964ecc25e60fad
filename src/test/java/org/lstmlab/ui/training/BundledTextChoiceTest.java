package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.TaskTexts;
import org.lstmlab.ui.common.TrainSettings;

/**
 * The Train tab's character model chooses its text among the bundled ones, the sonnets and Carroll's "Jabberwocky",
 * each named in the task box; the poem trains like any task, and its validation loss rises while the training loss
 * falls, which the checkup names. Without a toolkit.
 */
class BundledTextChoiceTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
    private final CharLmTask poem = CharLmTask.bundled("jabberwocky");

    @Test
    void theTaskBoxHasTheCharacterModelOnceForEachBundledTextNamedInBothLanguages() {
        List<Task> tasks = vm.tasks();
        int sonnets = tasks.indexOf(Tasks.byName("charlm"));
        assertTrue(sonnets >= 0, "the sonnets are the built-in task charlm");
        assertSame(poem, tasks.get(sonnets + 1), "the poem right after the sonnets");
        assertEquals(Tasks.all().size() + 1, tasks.size());
        assertEquals(List.of("sonnets", "jabberwocky"), List.of(((CharLmTask) tasks.get(sonnets)).text(),
                poem.text()));

        var en = I18n.bundle(Locale.ENGLISH);
        var zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        assertEquals("Character model: sonnets", TaskTexts.choice(en, tasks.get(sonnets)));
        assertEquals("Character model: “Jabberwocky”", TaskTexts.choice(en, poem));
        assertEquals("字符级语言模型：卡罗尔《炸脖龙》", TaskTexts.choice(zh, poem));
        assertEquals("Adding problem", TaskTexts.choice(en, Tasks.byName("adding")), "other tasks: their title");
        assertTrue(TaskTexts.about(en, poem).contains("(jabberwocky.txt)")
                && TaskTexts.about(en, poem).endsWith("\nLewis Carroll's poem “Jabberwocky” (1871), 890 characters: "
                + "short enough to learn by heart"), TaskTexts.about(en, poem));
        assertTrue(TaskTexts.about(zh, tasks.get(sonnets)).endsWith("\n莎士比亚的十一首十四行诗（1609 年）"));
        assertEquals(TaskTexts.description(en, Tasks.byName("adding")), TaskTexts.about(en, Tasks.byName("adding")));
    }

    @Test
    void choosingThePoemPutsItIntoTheFormWithTheCharacterModelsDefaults() {
        vm.chooseTask(poem);
        assertSame(poem, vm.form().taskProperty().get());
        assertEquals(CharLmTask.DEFAULT_STEPS, vm.form().stepsProperty().get());
        assertEquals(poem.defaults().toBuilder().threads(1).build(),
                vm.form().config().toBuilder().threads(1).build());
        vm.chooseTask(Tasks.byName("charlm"));
        assertNotEquals(poem, vm.form().taskProperty().get(), "and back to the sonnets");
    }

    /** The lesson overfitting's run, 3 epochs: enough for the validation loss to rise twice in a row. */
    @Test
    void thePoemsRunOverfitsAndTheCheckupSaysSo() {
        TrainingConfig c = TrainingConfig.builder().epochs(3).learningRate(0.005).clipNorm(5).seed(1).build();
        vm.prepare(new TrainSettings(poem, CellType.LSTM, 32, 64, 3, c));
        assertSame(poem, vm.form().taskProperty().get());
        assertEquals(64, vm.form().unitsProperty().get());
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        TrainingSnapshot s = vm.snapshotProperty().get();
        assertEquals(3, s.epoch(), vm.messageProperty().get());
        String checkup = vm.checkup().textProperty().get();
        assertTrue(checkup.contains("The validation loss rose from") && checkup.contains("by heart"), checkup);
    }

    /** A model of the poem, saved and opened again, trains further on the poem, not on the sonnets. */
    @Test
    void aSavedModelOfThePoemOpensOnThePoem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        vm.chooseTask(poem);
        vm.form().unitsProperty().set(4);
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        java.nio.file.Path model = dir.resolve("poem.safetensors");
        vm.saveModel(model);
        fx.until(vm, () -> vm.messageProperty().get().equals("Saved the model to poem.safetensors"));
        vm.chooseTask(Tasks.byName("adding"));
        vm.openModel(model);
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED || vm.messageIsErrorProperty().get());
        assertEquals(RunState.PAUSED, vm.stateProperty().get(), vm.messageProperty().get());
        assertSame(poem, vm.form().taskProperty().get());
        vm.stop();
    }
}
