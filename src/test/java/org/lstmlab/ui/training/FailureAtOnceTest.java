package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.Await;
import org.lstmlab.testing.SavedFiles;
import org.lstmlab.ui.common.I18n;

/**
 * A checkpoint or a model whose run fails at once (a sine model whose file says it is an adding model), at the worst
 * timing: the run has failed before its first pulse. Its failure is what the tab says, never "opened …, press
 * Continue": the news used to be said after the run's launch, over a failure the launch's pulse had just shown, and
 * no later pulse said the failure again (a loaded machine gave that timing now and then). Here every run's worker
 * is waited for until it ends before its launch pulses, so the timing is the same every time; no pulse is made but
 * the launch's own.
 */
class FailureAtOnceTest {
    private static void startAndWaitForItsEnd(TrainingRun run) {
        run.start();
        try {
            assertTrue(run.awaitEnd(60_000), "the run did not end at once");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** What the tab says once the file is opened and its run launched, with no pulse but the launch's own. */
    private static String shownAfterOpening(Locale locale, java.util.function.Consumer<TrainingViewModel> open) {
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(locale), fx, FailureAtOnceTest::startAndWaitForItsEnd);
        open.accept(vm);
        Await.until("the opened run launched", () -> {
            fx.drain();
            return vm.stateProperty().get() != null;
        }, () -> "message '" + vm.messageProperty().get() + "'");
        assertEquals(RunState.FAILED, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get(), "shown as news: " + vm.messageProperty().get());
        String shown = vm.messageProperty().get();
        fx.until(vm, () -> true);   // later pulses keep it
        assertEquals(shown, vm.messageProperty().get());
        return shown;
    }

    private static final String EN = "The run failed: the saved model does not fit the task \"adding\": the model"
            + " reads 1 value per step and gives 1 output at every step; the task reads 2 values per step and gives"
            + " 1 output at the last step";
    private static final String ZH = "训练失败：保存的模型与任务“加法问题”不匹配：模型每步读 1 个值，每一步都给出 1 个输出；"
            + "而任务每步读 2 个值，只在最后一步给出 1 个输出";

    @Test
    void aCheckpointWhoseRunFailsAtOnceShowsTheFailure(@TempDir Path dir) throws IOException {
        Path file = SavedFiles.checkpoint(dir.resolve("mixed.safetensors"), Map.of("task", "adding"));
        assertEquals(EN, shownAfterOpening(Locale.ENGLISH, vm -> vm.openCheckpoint(file)));
        assertEquals(ZH, shownAfterOpening(Locale.SIMPLIFIED_CHINESE, vm -> vm.openCheckpoint(file)));
    }

    @Test
    void aModelWhoseRunFailsAtOnceShowsTheFailure(@TempDir Path dir) throws IOException {
        Path file = SavedFiles.model(dir.resolve("mixed.safetensors"), "adding");
        assertEquals(EN, shownAfterOpening(Locale.ENGLISH, vm -> vm.openModel(file)));
        assertEquals(ZH, shownAfterOpening(Locale.SIMPLIFIED_CHINESE, vm -> vm.openModel(file)));
    }
}
