package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ExcelFiles;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.ui.common.I18n;

/**
 * A Chinese student's own spreadsheet in the Train tab: a stock file saved by Excel on Chinese Windows (GBK,
 * thousands separators, percentages) is read and each way its numbers were read is said in Chinese; a workbook
 * renamed .csv is named with what to do in Excel, and the tab keeps the task it had, without asking for other
 * columns (no field mends a workbook).
 */
class SpreadsheetFileTabTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), fx);

    @Test
    void anExcelStockFileInGbkIsReadAndItsNumbersAreNoted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("股票.csv");
        Files.write(f, ExcelFiles.stock(60).getBytes("GBK"));
        vm.chooseDataFile(f);
        fx.until(vm, () -> vm.messageProperty().get().contains("GB18030"));
        String shown = vm.messageProperty().get();
        assertFalse(vm.messageIsErrorProperty().get(), shown);
        assertTrue(shown.contains("带千位分隔符的数字（\"1,234.5\" = 1234.5）已按数字读取"), shown);
        assertTrue(shown.contains("百分数已按小数读取（“1.23%” = 0.0123）"), shown);
    }

    /** A German Excel file (1.234,50; 2.788.324; 1,68%): each way its numbers were read is said once, in Chinese. */
    @Test
    void aGermanExcelStockFileIsReadAndItsNumbersAreNotedOnce(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("aktien.csv");
        Files.writeString(f, ExcelFiles.stock(60, Locale.GERMANY));
        vm.chooseDataFile(f);
        fx.until(vm, () -> vm.messageProperty().get().contains("aktien.csv（"));
        String shown = vm.messageProperty().get();
        assertFalse(vm.messageIsErrorProperty().get(), shown);
        for (String note : new String[] {"文件中的数字用小数逗号书写（1,5 = 1.5），已按小数读取",
            "带千位分隔符的数字（1.234,5 = 1234.5）已按数字读取", "百分数已按小数读取"}) {
            assertTrue(shown.contains(note), shown);
            assertTrue(shown.indexOf(note) == shown.lastIndexOf(note), "said once: " + shown);
        }
    }

    /** Labels in the last column and no target: the forecast says which column it left out and what to type. */
    @Test
    void labelsLeftOutOfAForecastAreNamedWithTheTargetToType(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("情感.csv");
        Files.writeString(f, ExcelFiles.labels(80));
        vm.chooseDataFile(f);
        fx.until(vm, () -> vm.messageProperty().get().contains("情感.csv（"));
        String shown = vm.messageProperty().get();
        assertTrue(shown.contains("最后一列“标签”是文字，没有读取；如果它是类别标签，请在“目标列”中填入标签，按类别对每个窗口分类"),
                shown);
    }

    @Test
    void aWorkbookRenamedCsvSaysWhatToDoAndKeepsTheTask(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.closeEntry();
        }
        Path f = dir.resolve("成绩.csv");
        Files.write(f, zip.toByteArray());
        Task before = vm.form().taskProperty().get();
        vm.chooseDataFile(f);
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        String shown = vm.messageProperty().get();
        assertTrue(shown.startsWith("无法使用成绩.csv：是一个 zip 压缩文件，不是文本：也许是把 Excel 工作簿（.xlsx）改成了 .csv "
                + "扩展名？请在 Excel 中打开它，用“文件 > 另存为”，保存类型选“CSV UTF-8(逗号分隔)(*.csv)”"), shown);
        assertFalse(shown.contains("请修改"), "no field mends a workbook: " + shown);
        assertSame(before, vm.form().taskProperty().get(), "the task the student had stays");
    }
}
