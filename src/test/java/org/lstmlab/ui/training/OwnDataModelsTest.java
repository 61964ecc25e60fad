package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * Models a student trained on their own file, saved and opened again from the Train tab, in a Chinese window:
 * they train further on that file; without it the refusal says, in Chinese, which file to choose first.
 */
class OwnDataModelsTest {
    private static final Path SERIES = Path.of("src/test/resources/data/good/series.csv");
    private static final Path TEXT = Path.of("src/test/resources/data/good/text-gbk.txt");
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), fx);

    private Path trainAndSave(Path data, Path model) {
        vm.chooseDataFile(data);
        fx.until(vm, () -> data.equals(vm.form().dataFile.get()));
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        vm.saveModel(model);
        fx.until(vm, () -> vm.messageProperty().get().equals("模型已保存到" + model.getFileName()));
        return model;
    }

    private void openAndResume(Path model) {
        vm.openModel(model);
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED || vm.messageIsErrorProperty().get());
        assertEquals(RunState.PAUSED, vm.stateProperty().get(), vm.messageProperty().get());
        vm.resume();
        fx.until(vm, () -> vm.stateProperty().get().isOver());
        assertEquals(RunState.FINISHED, vm.stateProperty().get(), vm.messageProperty().get());
    }

    @Test
    void aModelOfTheUsersCsvTrainsFurtherOnThatFile(@TempDir Path dir) {
        Path model = trainAndSave(SERIES, dir.resolve("温度模型.safetensors"));
        openAndResume(model);
        assertEquals(SERIES, vm.run().atBoundary(a -> a.session().record().data().file()).join());
    }

    @Test
    void aModelOfTheUsersTextTrainsFurtherOnThatTextNotTheBuiltInOne(@TempDir Path dir) {
        Path model = trainAndSave(TEXT, dir.resolve("文本模型.safetensors"));
        openAndResume(model);
        assertEquals(TEXT, vm.run().atBoundary(a -> a.session().record().data().file()).join());
    }

    @Test
    void withoutItsFileTheModelIsRefusedSayingWhichFileToChooseInChinese(@TempDir Path dir) {
        Path csv = trainAndSave(SERIES, dir.resolve("温度模型.safetensors"));
        Path text = trainAndSave(TEXT, dir.resolve("文本模型.safetensors"));
        for (Path model : new Path[] {csv, text}) {
            vm.chooseTask(Tasks.byName("adding"));   // no file chosen; the message is news again
            vm.openModel(model);
            fx.until(vm, () -> vm.messageIsErrorProperty().get());
            String m = vm.messageProperty().get();
            assertTrue(m.startsWith("无法打开：" + model.getFileName() + "：它是用你自己的数据文件训练的"), m);
            assertTrue(m.contains("“使用我的文件…”"), m);
            assertTrue(!m.contains("unknown task") && !m.contains("ModelSpec"), m);
        }
    }

    /**
     * The code beside a CSV series standardises its columns as the app does: a student who copies it into Keras
     * with sales in the thousands would otherwise train on raw values and get far worse than the app's run.
     */
    @Test
    void theCodeOfACsvSeriesStandardisesItsColumns() {
        vm.chooseDataFile(SERIES);
        fx.until(vm, () -> SERIES.equals(vm.form().dataFile.get()));
        for (String code : new String[] {vm.kerasCodeProperty().get(), vm.torchCodeProperty().get()}) {
            // in the Chinese window's words (it was English); a Chinese character takes two columns
            assertTrue(code.contains("# 与 LSTM Lab 一样，先把每一列标准化：\n# (v - mean) / std，mean 和 std 取自\n"),
                    code);
            assertTrue(code.lines().allMatch(l -> l.length() + l.codePoints().filter(c -> c >= 0x2E80).count()
                    <= CodePreview.WIDTH), code);
            assertTrue(!code.contains("standardise") && !code.contains("training rows"), code);
        }
        vm.chooseTask(Tasks.byName("adding"));
        assertTrue(!vm.kerasCodeProperty().get().contains("标准化"), "a built-in task's data needs none");
        assertEquals("# as LSTM Lab does, standardise each column:\n# (v - mean) / std, mean and std of the\n"
                + "# training rows; a forecast y is y * std + mean\n# in the target column's units\n",
                I18n.format(I18n.bundle(Locale.ENGLISH), "training.code.standardised"), "the English window's");
    }
}
