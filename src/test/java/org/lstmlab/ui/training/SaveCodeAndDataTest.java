package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * The Train tab's "Save code and data…" without a toolkit: it writes the run's data and both scripts into the
 * chosen folder off the FX thread, and the tab's message says where, in the window's language; before any run it
 * says why not. A task whose sequences vary in length is saved padded.
 */
class SaveCodeAndDataTest {
    private final FakeFx fx = new FakeFx();
    private TrainingViewModel vm;

    @AfterEach
    void stop() {
        vm.stop();
    }

    /** A run under way, with a model: the files are written from a step boundary while it trains on. */
    private void running(String task) {
        vm.chooseTask(Tasks.byName(task));
        vm.form().unitsProperty().set(4);
        vm.form().epochsProperty().set(200);
        vm.start();
        fx.until(vm, () -> vm.hasModelProperty().get());
    }

    @Test
    void theRunsCodeAndDataAreWrittenAndTheMessageSaysWhere(@TempDir Path dir) throws Exception {
        vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        var nothing = vm.saveCodeAndData(dir.resolve("early"));
        assertFalse(nothing.get());
        assertTrue(vm.messageIsErrorProperty().get());
        assertEquals("There is no trained model yet: start a run in the Train tab first.", vm.messageProperty().get());

        running("keras-example");
        Path out = dir.resolve("code");
        var saved = vm.saveCodeAndData(out);
        fx.until(vm, saved::isDone);
        assertTrue(saved.get(), vm.messageProperty().get());
        assertEquals("Saved data.npz, train_pytorch.py and train_keras.py to " + out
                + ": the code runs as it is, on this run\u2019s data", vm.messageProperty().get());
        for (String name : new String[] {"data.npz", "train_pytorch.py", "train_keras.py"}) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        assertTrue(Files.readString(out.resolve("train_pytorch.py")).contains("hidden_size=4"));
    }

    /** The rule of the tab's button and of the window's File menu entry: a run with a model, stopped or not. */
    @Test
    void itIsOfferedWhileARunHasAModelToWrite() {
        vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        assertFalse(vm.canSaveCodeProperty().get(), "no run yet");
        running("keras-example");
        assertTrue(vm.canSaveCodeProperty().get(), "a run under way");
        vm.stop();
        fx.until(vm, () -> vm.stateProperty().get().isOver());
        assertTrue(vm.canSaveCodeProperty().get(), "a stopped run keeps its model, data and settings");
        vm.chooseTask(Tasks.byName("adding"));   // another task: the last run goes
        assertFalse(vm.canSaveCodeProperty().get(), "the run is gone");
    }

    /** Sequences of several lengths are saved too (padded, with code that packs them); said in Chinese. */
    @Test
    void aTaskOfSeveralLengthsIsSavedAndSaidInChinese(@TempDir Path dir) throws Exception {
        vm = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), fx);
        running("reber");
        Path out = dir.resolve("code");
        var saved = vm.saveCodeAndData(out);
        fx.until(vm, saved::isDone);
        assertTrue(saved.get(), vm.messageProperty().get());
        assertEquals("已将 data.npz、train_pytorch.py 和 train_keras.py 保存到 " + out + "：代码可以直接运行，用的就是这次训练的数据",
                vm.messageProperty().get());
        assertTrue(Files.readString(out.resolve("train_pytorch.py")).contains("pack_padded_sequence("));
    }
}
