package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ExcelFiles;

/**
 * {@code train --data} on what a Chinese student's Excel saves: a GBK stock file with thousands separators and
 * percentages trains, with a note for each (and for its encoding, detected); labels in the last column left out of
 * a forecast are named, with the option to give; a workbook renamed .csv is refused with exit code 2, the reason
 * and what to do, no stack trace.
 */
class SpreadsheetCsvCliTest {
    @TempDir Path dir;

    @Test
    void anExcelStockFileInGbkTrainsWithItsNotes() throws Exception {
        Path f = dir.resolve("stock.csv");
        Files.write(f, ExcelFiles.stock(40).getBytes("GBK"));
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", f.toString(), "--seq-len", "4", "--epochs",
                "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("from windows of 开盘, 收盘, 成交量, 涨跌幅"), r.out());
        assertTrue(r.out().contains("note: stock.csv: not UTF-8; read as GB18030 (GBK, as Excel on Chinese Windows "
                + "saves a CSV file); if its names look wrong, give its --encoding"), r.out());
        assertTrue(r.out().contains("note: stock.csv: numbers written with thousands separators (\"1,234.5\" = "
                + "1234.5) were read as numbers"), r.out());
        assertTrue(r.out().contains("note: stock.csv: percentages were read as fractions ('1.23%' = 0.0123)"), r.out());
        assertTrue(r.out().contains("note: stock.csv: each column is standardised before training (mean 0, sd 1): 成交量 "
                + "has mean "), r.out());
        assertTrue(r.out().contains("; fed as they are, numbers this large push an LSTM's gates to their limits and "
                + "its loss stands still: in code of your own, standardise them the same way (--save-code DIR writes "
                + "such code)"), r.out());
        Path model = dir.resolve("m.safetensors");
        r = trainAndPredict(f, model, "--seq-len", "4");
        assertTrue(r.err().contains("lstm-lab: note: stock.csv: numbers written with thousands separators"), r.err());
        assertTrue(r.err().contains("lstm-lab: note: stock.csv: percentages were read as fractions"), r.err());
        assertTrue(r.err().contains("lstm-lab: note: stock.csv: not UTF-8; read as GB18030 (GBK, as Excel on Chinese "
                + "Windows saves a CSV file); if its names look wrong, save it as UTF-8"), r.err());
        assertTrue(r.err().contains(" (1 row after each window) are in the file's units"), r.err());
    }

    /** Trains 4 cells 1 epoch on {@code f} with {@code options}, saved as {@code model}; then predicts on f. */
    private CliTestSupport.Result trainAndPredict(Path f, Path model, String... options) throws Exception {
        List<String> train = new java.util.ArrayList<>(List.of("train", "--data", f.toString(), "--epochs", "1",
                "--hidden", "4", "--save", model.toString()));
        train.addAll(List.of(options));
        CliTestSupport.Result r = CliTestSupport.run(train.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", f.toString(), "--out",
                dir.resolve("forecast.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    /** {@code predict} on a UTF-8 file says nothing of its encoding; a horizon of 3 is "3 rows" after each window. */
    @Test
    void predictOnAUtf8FileNamesItsHorizonInRows() throws Exception {
        Path f = dir.resolve("stock.csv");
        Files.writeString(f, ExcelFiles.stock(40), StandardCharsets.UTF_8);
        Path model = dir.resolve("m.safetensors");
        CliTestSupport.Result r = trainAndPredict(f, model, "--seq-len", "4", "--horizon", "3");
        assertTrue(r.err().contains(" (3 rows after each window) are in the file's units"), r.err());
        assertFalse(r.err().contains("GB18030"), r.err());
    }

    /** A German Excel file (1.234,50; 2.788.324; -0,51%) trains with one note for each way its numbers are written. */
    @Test
    void aGermanExcelStockFileTrainsWithItsNotes() throws Exception {
        Path f = dir.resolve("aktien.csv");
        Files.write(f, ExcelFiles.stock(40, Locale.GERMANY).getBytes(StandardCharsets.UTF_8));
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", f.toString(), "--seq-len", "4", "--epochs",
                "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("from windows of Eröffnung, Schluss, Volumen, Änderung"), r.out());
        for (String note : List.of("numbers written with a decimal comma (1,5 = 1.5) were read as decimal numbers",
                "numbers written with thousands separators (1.234,5 = 1234.5) were read as numbers",
                "percentages were read as fractions")) {
            String said = "note: aktien.csv: " + note;
            assertEquals(r.out().indexOf(said), r.out().lastIndexOf(said), "said once: " + r.out());
            assertTrue(r.out().contains(said), r.out());
        }
    }

    /** 1.234 among decimal commas, with no number that is surely a thousand: exit 2, its place and both readings. */
    @Test
    void anAmbiguousThousandAmongDecimalCommasIsRefusedWithItsPlace() throws Exception {
        Path f = dir.resolve("mehrdeutig.csv");
        StringBuilder csv = new StringBuilder("Zeit;Wert\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(';').append(i == 10 ? "1.234" : String.format(Locale.GERMANY, "%.2f", Math.sin(i)))
                    .append('\n');
        }
        Files.writeString(f, csv);
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", f.toString(), "--seq-len", "4", "--epochs",
                "1", "--hidden", "4");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("mehrdeutig.csv: line 12: field 2 (Wert): '1.234' has a point that may separate "
                + "thousands (1234) or be a decimal point, and this file writes its numbers with a decimal comma "
                + "('0,00' on line 2): write 1234 or 1,234"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void labelsLeftOutOfAForecastAreNamedWithTheOptionToGive() throws Exception {
        Path f = dir.resolve("labels.csv");
        Files.writeString(f, ExcelFiles.labels(40));
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
