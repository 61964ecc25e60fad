package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.session.SavedRun;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.testing.SavedFiles;
import org.lstmlab.ui.common.I18n;

/**
 * Runs and models whose record the Train tab cannot use, opened in a Chinese window: a task this version does not
 * have (a newer version saved it), no task, a number that is not one, a model of another task's shape. Each is said
 * in Chinese, with the file's name; it was the engine's English ("unknown task 'foo' (expected one of adding, ...)",
 * "a run needs a task", "For input string", "the saved model is ModelSpec[...]"). The command line keeps English.
 */
class ChineseRunFilesTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), fx);

    private static Path checkpoint(Path dir, String name, Map<String, String> run) throws IOException {
        return SavedFiles.checkpoint(dir.resolve(name), run);
    }

    private static Map<String, String> run(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private String refusal(Runnable open) {
        String before = vm.messageProperty().get();
        open.run();
        fx.until(vm, () -> vm.messageIsErrorProperty().get() && !vm.messageProperty().get().equals(before));
        String shown = vm.messageProperty().get();
        assertFalse(EnglishText.hasSentence(shown), shown);
        return shown;
    }

    @Test
    void runsWhoseRecordCannotBeUsedAreExplainedInChinese(@TempDir Path dir) throws IOException {
        Object[][] cases = {
            {run("task", "weather"), "无法打开：new.safetensors：训练时用的任务是“weather”，这个版本的 LSTM Lab 没有这个任务"
                    + "（文件可能来自更新的版本）"},
            {run(), "无法打开：new.safetensors：没有记录这次训练用的是哪个任务"},
            {run("task", "sine", "seq_len", "ten"), "无法打开：new.safetensors：记录的 seq_len“ten”不是整数"},
            {run("task", "sine", "val_split", "a fifth"), "无法打开：new.safetensors：记录的 val_split“a fifth”不是数"},
            {run("task", "csv", "data_file", dir.resolve("gone.csv").toString(), "data_val_split", "x"),
                "无法打开：new.safetensors：记录的 data_val_split“x”不是数"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Path file = checkpoint(dir, "new.safetensors", (Map<String, String>) c[0]);
            assertEquals(c[1], refusal(() -> vm.openCheckpoint(file)));
        }
    }

    @Test
    void aModelOfATaskThisVersionLacksIsExplainedInChinese(@TempDir Path dir) throws IOException {
        Path file = SavedFiles.model(dir.resolve("newer.safetensors"), "weather");
        assertEquals("无法打开：newer.safetensors：训练时用的任务是“weather”，这个版本的 LSTM Lab 没有这个任务"
                + "（文件可能来自更新的版本）", refusal(() -> vm.openModel(file)));
    }

    /** A sine model whose file says it is an adding model: resumed, the run says what does not fit, in Chinese. */
    @Test
    void aModelThatDoesNotFitItsTaskSaysSoInChinese(@TempDir Path dir) throws IOException {
        Path file = checkpoint(dir, "mixed.safetensors", run("task", "adding"));
        vm.openCheckpoint(file);
        fx.until(vm, () -> vm.messageIsErrorProperty().get() || vm.stateProperty().get() == RunState.PAUSED);
        if (!vm.messageIsErrorProperty().get()) {
            vm.resume();
        }
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        String shown = vm.messageProperty().get();
        assertFalse(EnglishText.hasSentence(shown), shown);
        assertTrue(shown.contains("保存的模型与任务“加法问题”不匹配：模型每步读 1 个值，"
                + "每一步都给出 1 个输出；而任务每步读 2 个值，只在最后一步给出 1 个输出"), shown);
    }

    /**
     * A run that failed before it had a model (a length the task does not take): the failure names the task by its
     * title, and Open in Debugger and Save Model say there is no model yet, in Chinese (it was "the run has no
     * model yet").
     */
    @Test
    void aRunThatFailedBeforeItHadAModelIsExplainedInChinese(@TempDir Path dir) {
        vm.chooseTask(Tasks.byName("adding"));
        vm.form().stepsProperty().set(8);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get().isOver());
        assertEquals(RunState.FAILED, vm.stateProperty().get(), vm.messageProperty().get());
        assertEquals("训练失败：任务“加法问题”的序列长度应在 10 到 200 之间，现在是 8", vm.messageProperty().get());
        vm.setDebuggerLauncher((model, sample, targets, sequence, title, names) -> {
            throw new AssertionError("no model to open");
        });
        assertEquals("无法在调试器中打开：这次训练还没有模型", refusal(vm::openInDebugger));
        assertEquals("未保存：这次训练还没有模型", refusal(() -> vm.saveModel(dir.resolve("m.safetensors"))));
    }

    /** The command line names the task as it is typed, and says the same in English. */
    @Test
    void theCommandLineKeepsItsEnglish(@TempDir Path dir) throws IOException {
        Path file = checkpoint(dir, "new.safetensors", run("task", "weather"));
        Exception e = assertThrows(IOException.class, () -> SavedRun.open(file));
        assertEquals("new.safetensors: was trained on the task 'weather', which this version of LSTM Lab does not "
                + "have (a newer version may have made it)", e.getMessage());
        Exception unknown = assertThrows(IllegalArgumentException.class,
                () -> Tasks.byName("weather"));
        assertEquals("unknown task 'weather' (expected one of " + String.join(", ", Tasks.names()) + ")",
                unknown.getMessage());
        Path seq = checkpoint(dir, "seq.safetensors", run("task", "sine", "seq_len", "ten"));
        assertEquals("seq.safetensors: the run's seq_len 'ten' is not a whole number",
                assertThrows(IOException.class, () -> SavedRun.open(seq))
                        .getMessage());
    }
}
