package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train tab's own Files ▸ Save model, in a Chinese window at 1024 × 768, does what File ▸ Save Model does: the
 * window then knows the model is saved (no "Model not saved", no question when quitting), and a name typed without
 * an extension gets .safetensors, so that the Open dialog, which lists only model files, shows it.
 */
class TrainTabSaveUiTest extends MainWindowUiBase {
    @Override
    protected Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Test
    void savingFromTheTabsFilesMenuMarksTheModelSaved(@TempDir Path dir) throws Exception {
        TrainingViewModel train = window.trainingView().viewModel();
        WaitForAsyncUtils.asyncFx(() -> {
            window.selectTab("train");
            train.chooseTask(Tasks.byName("adding"));
            train.form().stepsProperty().set(10);
            train.form().unitsProperty().set(4);
            train.form().epochsProperty().set(1);
            train.start();
        }).get();
        UiWait.until("the run to end", () -> train.stateProperty().get() != null
                && train.stateProperty().get().isOver());
        assertTrue(UiWait.onFx(window::hasUnsavedModel), "a trained model not saved yet");
        boolean written = WaitForAsyncUtils.asyncFx(() -> train.saveModelChosen(dir.resolve("我的模型")))
                .get().get();
        assertTrue(written, UiWait.onFx(() -> train.messageProperty().get()));
        assertTrue(Files.isRegularFile(dir.resolve("我的模型.safetensors")), "saved as a model file");
        assertFalse(Files.exists(dir.resolve("我的模型")));
        assertEquals("模型已保存到我的模型.safetensors", UiWait.onFx(() -> train.messageProperty().get()));
        assertFalse(UiWait.onFx(window::hasUnsavedModel), "the window knows the model is saved");
    }
}
