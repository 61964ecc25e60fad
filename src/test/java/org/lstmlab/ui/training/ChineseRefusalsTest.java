package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.interop.ModelExport;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.TrainingMemory;
import org.lstmlab.ui.common.I18n;

/**
 * The refusals the Train tab shows come in Chinese in the Chinese UI, with no English sentence left: a model or a
 * run too large for memory, a CSV line with too many fields, a folder picked as a data file, and the model files
 * that cannot be opened, saved or exported. The command line keeps the English of the same message.
 */
class ChineseRefusalsTest {
    private final ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(zh, fx);

    @AfterEach
    void stop() {
        vm.stop();
    }

    private static void chineseOnly(String shown) {
        assertTrue(shown.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                shown);
        assertFalse(EnglishText.hasSentence(shown), shown);
    }

    private String message() {
        return vm.messageProperty().get();
    }

    @Test
    void aModelTooLargeForMemoryIsRefusedInChinese() throws Exception {
        vm.chooseTask(Tasks.byName("keras-example"));
        vm.form().unitsProperty().set(4096);
        vm.form().layersProperty().set(32);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FAILED);
        assertTrue(message().contains("大约需要") && message().contains("给 Java 更多内存（-Xmx）"), message());
        chineseOnly(message());
    }

    @Test
    void settingsOutOfRangeAreRefusedInChinese() throws Exception {
        vm.chooseTask(Tasks.byName("keras-example"));
        vm.form().unitsProperty().set(100_000);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FAILED);
        assertTrue(message().contains("隐藏单元数必须在 1 到 4096 之间，现在是 100000"), message());
        chineseOnly(message());
        vm.form().unitsProperty().set(8);
        vm.form().learningRateProperty().set("0");
        vm.start();
        fx.until(vm, () -> message().contains("学习率"));
        assertTrue(message().contains("学习率必须是正数"), message());
        chineseOnly(message());
    }

    @Test
    void theTrainingMemoryAndArraySizeRefusalsAreChinese() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 2, 64, 1, 1, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR);
        var arrays = assertThrows(IllegalArgumentException.class,
                () -> TrainingMemory.check(spec, 100_000, 10_000, 1, Precision.FLOAT64));
        chineseOnly(I18n.explain(zh, arrays));
        assertTrue(I18n.explain(zh, arrays).contains("Java 数组最多容纳"), I18n.explain(zh, arrays));
        assertTrue(arrays.getMessage().contains("Java arrays hold at most"), "the command line's English");

        var training = assertThrows(IllegalArgumentException.class,
                () -> TrainingMemory.check(spec, 20_000, 100, 1, Precision.FLOAT64));
        chineseOnly(I18n.explain(zh, training));
        assertTrue(I18n.explain(zh, training).contains("给 Java 更多内存（-Xmx）"), I18n.explain(zh, training));
        assertTrue(training.getMessage().startsWith("the model (lstm, 64 units, 1 layers"), training.getMessage());

        var trace = assertThrows(IllegalArgumentException.class,
                () -> new LayerTrace(CellType.LSTM, 1, 1 << 16).ensure(1 << 16, 1 << 10));
        chineseOnly(I18n.explain(zh, trace));

        var weights = assertThrows(MemoryBudget.Exceeded.class, () -> new SequenceModel(
                new ModelSpec(CellType.GRU, 2, 200_000, 4, 1, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR)));
        chineseOnly(I18n.explain(zh, weights));
        assertTrue(weights.getMessage().startsWith("a model gru(200000) x4 -> Dense(1): its weights need "),
                weights.getMessage());
    }

    /** The PyTorch code of a cell PyTorch lacks is a comment saying why, in the app's language. */
    @Test
    void theCodeOfACellPyTorchLacksSaysWhyInChinese() {
        vm.form().cellProperty().set(CellType.GRU_RESET_BEFORE);
        String code = vm.torchCodeProperty().get();
        String comment = code.lines().takeWhile(l -> l.startsWith("# ")).map(l -> l.substring(2))
                .collect(java.util.stream.Collectors.joining());   // the pane breaks a long comment into lines
        assertTrue(comment.startsWith("gru-reset-before：PyTorch 没有在循环乘积之前应用重置门的 GRU"), code);
        assertFalse(EnglishText.hasSentence(code.replace("gru-reset-before", "").replace("reset_after", "")),
                code);
    }

    @Test
    void aCsvLineWithTooManyFieldsIsExplainedInChinese(@TempDir Path dir) throws Exception {
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "a,b\n1,2\n" + "3,".repeat(2000) + "4\n");
        vm.chooseDataFile(wide);
        fx.until(vm, () -> message().contains("字段"));
        assertTrue(message().contains("第 3 行") && message().contains("一行里有超过 1024 个字段；最多允许 1024 列"),
                message());
        chineseOnly(message());
    }

    @Test
    void tooLittleTextForTheCharacterModelIsRefusedInChinese(@TempDir Path dir) throws Exception {
        Path tiny = Files.writeString(dir.resolve("tiny.txt"), "不要停下来，继续走。");
        vm.chooseDataFile(tiny);
        fx.until(vm, () -> message().contains("文本太少"));
        assertTrue(message().contains("只有 10 个字符"), message());
        chineseOnly(message().replace(tiny.toString(), "F"));
    }

    @Test
    void aFolderPickedAsDataIsRefusedInChinese(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("data.csv"));
        vm.chooseDataFile(folder);
        fx.until(vm, () -> message().contains("不是普通文件"));
        assertTrue(message().contains("是文件夹，不是普通文件"), message());
        chineseOnly(message().replace(folder.toString(), "F"));
    }

    @Test
    void modelFilesThatCannotBeOpenedAreExplainedInChinese(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.safetensors"), "these are my notes, not a model");
        vm.openModel(text);
        fx.until(vm, () -> message().contains("notes.safetensors"));
        assertTrue(message().contains("不是 safetensors 文件"), message());
        chineseOnly(message().replace(text.toString(), "F"));

        Path missing = dir.resolve("gone.safetensors");
        vm.openCheckpoint(missing);
        fx.until(vm, () -> message().contains("gone.safetensors"));
        assertTrue(message().contains("文件不存在"), message());
        chineseOnly(message().replace(missing.toString(), "F"));
    }

    /** A run saved on the user's CSV file, whose numbers then changed: Open run says so, and keeps the form. */
    @Test
    void aSavedRunWhoseFileChangedIsRefusedInChinese(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("series.csv");
        Files.copy(Path.of("src/test/resources/data/good/series.csv"), csv);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> csv.equals(vm.form().dataFile.get()));
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        Path run = dir.resolve("run.ckpt");
        vm.saveCheckpoint(run);
        fx.until(vm, () -> Files.isRegularFile(run) && message().contains("run.ckpt"));
        Files.writeString(csv, Files.readString(csv).replace("0,0.000,1.000", "0,0.500,1.000"));
        vm.openCheckpoint(run);
        fx.until(vm, () -> message().contains("数据变了"));
        assertTrue(message().contains("run.ckpt：保存这次训练之后，series.csv 里的数据变了"), message());
        assertEquals(1, vm.snapshotProperty().get().epochMetrics().size(), "the finished run is still on show");
        chineseOnly(message());
    }

    /** A small run, trained a few steps and paused, so that there is a model to save. */
    private void pausedRunWithAModel() {
        vm.chooseTask(Tasks.byName("keras-example"));
        vm.form().unitsProperty().set(4);
        vm.form().epochsProperty().set(50);
        vm.start();
        fx.until(vm, () -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().steps() > 1);
        vm.pause();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED);
    }

    @Test
    void aModelThatCannotBeSavedOrExportedIsExplainedInChinese(@TempDir Path dir) throws Exception {
        pausedRunWithAModel();

        Path model = dir.resolve("m.safetensors");
        vm.saveModel(model);
        fx.until(vm, () -> message().contains("m.safetensors"));
        vm.openCheckpoint(model);
        fx.until(vm, () -> message().contains("是模型文件，不是训练进度文件"));
        chineseOnly(message().replace(model.toString(), "F"));

        Path nowhere = dir.resolve("no-such-folder").resolve("m.safetensors");
        vm.saveModel(nowhere);
        fx.until(vm, () -> message().contains("不存在"));
        assertTrue(message().contains("文件夹 " + nowhere.getParent() + " 不存在"), message());
        chineseOnly(message().replace(nowhere.getParent().toString(), "F").replace(nowhere.toString(), "F"));

        Path file = Files.writeString(dir.resolve("export"), "a file where a folder is needed");
        var export = vm.exportModel(ModelExport.Target.PYTORCH, file);
        fx.until(vm, export::isDone);
        ExecutionException failed = assertThrows(ExecutionException.class, export::get);
        String shown = I18n.explain(zh, failed);
        assertEquals(file + "：是一个文件，不是文件夹", shown);
    }

    /**
     * A save the operating system refuses with its own English reason (here a real one: a name longer than the 255
     * bytes file systems allow, "File name too long") is said in Chinese, with the file's name, and leaves no temp
     * file (AtomicFilesTest checks the command line's English).
     */
    @Test
    void aSaveTheFileSystemRefusesSaysTheSystemsReasonInChinese(@TempDir Path dir) throws Exception {
        pausedRunWithAModel();

        Path tooLong = dir.resolve("m".repeat(260) + ".safetensors");
        var saved = vm.saveModel(tooLong);
        fx.until(vm, saved::isDone);
        assertEquals(Boolean.FALSE, saved.get());
        assertEquals("未保存：" + tooLong + "：无法保存（文件名太长）", message());
        chineseOnly(message().replace(tooLong.toString(), "F"));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temp file left");
        }
    }
    /**
     * A run whose data cannot be read: the disk fails with the system's reason and English details after it. The
     * Chinese says the reason in Chinese and names the file; the details stay with the command line's English.
     */
    @Test
    void aSystemReasonWithEnglishDetailsIsSaidInChineseOnly() throws Exception {
        String file = "/mnt/共享/series-2024.csv";
        Thread tester = Thread.currentThread();
        vm.form().taskProperty().set(new TinyTask("keras-example", 64, false) {
            @Override
            public Dataset generate(int steps, long seed) {
                if (Thread.currentThread() == tester) {  // the code preview, which only reads the data's shapes
                    return super.generate(steps, seed);
                }
                throw new UncheckedIOException(new FileSystemException(file, null,
                        "Input/output error: short read, 512 of 4096 bytes"));
            }
        });
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FAILED);
        assertEquals("训练失败：" + file + "：输入/输出错误（磁盘或设备可能出了故障）", message());
        assertFalse(message().replace(file, "").matches("(?s).*[A-Za-z].*"), "no English but the path: " + message());
    }
}
