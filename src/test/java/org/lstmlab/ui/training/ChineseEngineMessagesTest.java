package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.CsvTable;
import org.lstmlab.engine.data.DataFileException;
import org.lstmlab.ui.common.I18n;

/**
 * In the Chinese UI the engine's messages the Train tab shows (the halt, a data file's problems) are Chinese
 * sentences, not Chinese frames around the engine's English, while the command line keeps its English.
 */
class ChineseEngineMessagesTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), fx);

    @Test
    void aHaltedRunIsExplainedInChineseOnly() throws Exception {
        vm.form().taskProperty().set(new TinyTask("keras-example", 64, true));
        vm.form().stepsProperty().set(10);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.HALTED);
        String shown = vm.messageProperty().get();
        assertTrue(shown.startsWith("训练已停止：连续 3 步的损失、梯度或更新不是有限数"), shown);
        assertFalse(EnglishText.hasSentence(shown), shown);
    }

    @Test
    void aRefusedCsvFileIsExplainedInChineseOnly(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("three.csv");
        Files.writeString(bad, "time,load,temp\n1,2,3\n2,x,4\n3,5,\n4,1,000,6\n5,inf,7\n");
        vm.chooseDataFile(bad);
        fx.until(vm, () -> !vm.detailsProperty().get().isEmpty());
        String shown = vm.messageProperty().get();
        assertTrue(shown.contains("第 3 行：第 2 个字段（load）：“x”不是数字（另有 3 个问题）"), shown);
        String details = vm.detailsProperty().get();
        assertTrue(details.contains("第 4 行：第 3 个字段（temp）：缺少数值"), details);
        assertTrue(details.contains("不能用无穷大来训练"), details);
        for (String line : (shown + "\n" + details).split("\n")) {
            assertFalse(EnglishText.hasSentence(line), line);
        }
    }

    @Test
    void aBrokenQuoteIsExplainedInChineseOnly(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("quote.csv");
        Files.writeString(bad, "a,b\n1,\"2\n3,4\n");
        vm.chooseDataFile(bad);
        fx.until(vm, () -> vm.messageProperty().get().contains("引号"));
        assertFalse(EnglishText.hasSentence(vm.messageProperty().get()), vm.messageProperty().get());
    }

    /** The same problem keeps its English for the command line and the logs. */
    @Test
    void theEnglishMessageIsUnchangedForTheCommandLine() {
        DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
                () -> CsvTable.parse("t.csv", "a,b\n1,x\n2,\n3,a4,z\n5,6\n"));
        assertEquals("t.csv: line 2: field 2 (b): 'x' is not a number (and 2 more problems)", e.getMessage());
        assertEquals("line 3: field 2 (b): missing value: fill it in, or leave the column out of the input columns",
                e.problems().get(1).toString());
        assertTrue(EnglishText.hasSentence(e.getMessage()), "the detector finds English");
    }
}
