package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --data} on what a Chinese student's Excel saves: a GBK stock file with thousands separators and
 * percentages trains, with a note for each; labels in the last column left out of a forecast are named, with the
 * option to give; a workbook renamed .csv is refused with exit code 2, the reason and what to do, no stack trace.
 */
class SpreadsheetCsvCliTest {
    @TempDir Path dir;

    @Test
    void anExcelStockFileInGbkTrainsWithItsNotes() throws Exception {
        StringBuilder csv = new StringBuilder("日期,开盘,收盘,成交量,涨跌幅\r\n");
        for (int i = 0; i < 40; i++) {
            double close = 1000 + 30 * Math.sin(i / 3.0) + i;
            csv.append(String.format(Locale.ROOT, "2024/%d/%d,\"%,.2f\",\"%,.2f\",\"%,d\",%.2f%%\r\n", 1 + i / 28,
                    1 + i % 28, close - 3, close, 900_000 + 7919 * i, Math.sin(i) * 2));
        }
        Path f = dir.resolve("stock.csv");
        Files.write(f, csv.append("\r\n").toString().getBytes("GBK"));
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", f.toString(), "--seq-len", "4", "--epochs",
                "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("from windows of 开盘, 收盘, 成交量, 涨跌幅"), r.out());
        assertTrue(r.out().contains("note: stock.csv: numbers written with thousands separators (\"1,234.5\" = "
                + "1234.5) were read as numbers"), r.out());
        assertTrue(r.out().contains("note: stock.csv: percentages were read as fractions (1.23% = 0.0123)"), r.out());
    }

    @Test
    void labelsLeftOutOfAForecastAreNamedWithTheOptionToGive() throws Exception {
        StringBuilder csv = new StringBuilder("温度,湿度,标签\n");
        for (int i = 0; i < 40; i++) {
            csv.append(20 + i % 7).append(',').append(50 + i % 5).append(',').append(i % 10 < 5 ? "正面" : "负面")
                    .append('\n');
        }
        Path f = dir.resolve("labels.csv");
        Files.writeString(f, csv);
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", f.toString(), "--seq-len", "4", "--epochs",
                "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("note: labels.csv: its last column, 标签, holds text and is not read; if it names "
                + "classes, add --target 标签 to classify each window by it"), r.out());
    }

    @Test
    void aWorkbookRenamedCsvIsRefusedWithWhatToDo() throws Exception {
        Path f = dir.resolve("book.csv");
        Files.write(f, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", f.toString(), "--epochs", "1");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("book.csv: is a zip file, not text: an Excel workbook (.xlsx) renamed .csv? Open "
                + "it in Excel and save it with File > Save As, type CSV UTF-8 (Comma delimited) (*.csv)"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }
}
