package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a student exports from Excel on Chinese Windows: GBK text with CRLF and a trailing empty line, Chinese
 * headers, dates such as 2024/1/2, prices formatted with thousands separators (quoted "1,234.50"), a percentage
 * column, a '--' where a value is missing, or the workbook itself renamed .csv. What can be read one way only is
 * read, and said once; anything else is refused at its line and field with what to do.
 */
class SpreadsheetCsvTest {
    @TempDir Path dir;

    /** A stock file as Excel on Chinese Windows saves it: GBK, CRLF, quoted thousands, a trailing empty line. */
    private static final String STOCK = "日期,开盘,收盘,成交量,涨跌幅\r\n"
            + "2024/1/2,\"1,234.50\",\"1,228.21\",\"2,788,324\",-0.51%\r\n"
            + "2024/1/3,\"1,228.21\",999.80,\"812,003\",1.23%\r\n"
            + "2024/1/4,999.80,\"1,001.00\",\"1,004\",0.12%\r\n"
            + "2024/1/5,\"1,001.00\",\"1,010.10\",\"2,001,000\",0.91%\r\n"
            + "2024/1/8,\"1,010.10\",\"1,020.30\",\"1,500,000\",1.01%\r\n"
            + "\r\n";

    @Test
    void anExcelStockFileInGbkIsReadWithItsThousandsAndPercentages() throws IOException {
        Path f = dir.resolve("股票.csv");
        Files.write(f, STOCK.getBytes("GBK"));
        TextFiles.Text text = TextFiles.read(f);
        assertEquals(TextFiles.GB18030, text.charset());
        assertTrue(text.detected());
        CsvTable t = CsvTable.read("股票.csv", text.text());
        assertEquals(List.of("日期", "开盘", "收盘", "成交量", "涨跌幅"), t.headers());
        assertTrue(t.isText(0), "the dates are text, left out of the default inputs");
        t.requireNumbers(List.of(1, 2, 3, 4));
        assertArrayEquals(new double[] {1234.5, 1228.21, 999.8, 1001, 1010.1}, t.column(1), 1e-9);
        assertArrayEquals(new double[] {2788324, 812003, 1004, 2001000, 1500000}, t.column(3), 1e-9,
                "'1,004' is a thousand and four in a file that groups its thousands so");
        assertArrayEquals(new double[] {-0.0051, 0.0123, 0.0012, 0.0091, 0.0101}, t.column(4), 1e-12);
        assertEquals(new NumberForms(false, true, true), t.forms());
        CsvSeries.Loaded s = CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), 2, 1, 0.2, null));
        assertEquals(List.of("开盘", "收盘", "成交量", "涨跌幅"), s.inputColumns(), "the percentages are an input");
        assertTrue(s.forms().thousands() && s.forms().percent());
    }

    /** "1,234" alone may be a thousand or one and a bit (a decimal comma): refused, saying both, never guessed. */
    @Test
    void aCommaBeforeThreeDigitsAloneIsStillRefused() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("v.csv", "t,v\n1,\"1,234\"\n2,\"5,678\"\n3,7.5\n"));
        assertEquals(2, e.line());
        assertEquals("field 2 (v): '1,234' is not a number (a thousands separator? remove it; a decimal comma? use a "
                + "point)", e.reason());
        assertEquals(2, e.problems().size());
    }

    /** Stock software writes '--' for a day without a value, Excel '#N/A': a missing value, said so. */
    @Test
    void doubleDashAndHashNaAreMissingValues() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("s.csv", "a,b\n1,--\n2,#N/A\n3,4\n"));
        assertEquals("field 2 (b): missing value ('--'): fill it in, or leave the column out of the input columns",
                e.problems().get(0).reason());
        assertEquals("field 2 (b): missing value ('#N/A'): fill it in, or leave the column out of the input columns",
                e.problems().get(1).reason());
    }

    /** A workbook renamed .csv is named as one, with how to save a CSV file, not as a bad byte in some encoding. */
    @Test
    void anXlsxRenamedCsvIsNamedWithWhatToDo() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Path f = dir.resolve("book.csv");
        Files.write(f, zip.toByteArray());
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), 2, 1, 0.2, null)));
        assertEquals(0, e.line());
        assertEquals("is a zip file, not text: an Excel workbook (.xlsx) renamed .csv? Open it in Excel and save it "
                + "with File > Save As, type CSV UTF-8 (Comma delimited) (*.csv)", e.reason());
        assertThrows(DataFileException.class, () -> TextFiles.read(f, StandardCharsets.UTF_8),
                "an encoding chosen by hand does not make a zip file text");
        Path xls = dir.resolve("old.csv");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0, 0});
        assertTrue(assertThrows(DataFileException.class, () -> TextFiles.read(xls)).reason()
                .startsWith("is an old Excel workbook (.xls)"));
    }

    /**
     * Labels in the last column (正面, 负面) and no target named: the forecast of the last column of numbers leaves
     * them out, and says which column it left, for the note that names the target to give; not when a target or
     * inputs were named, nor for a date in the first column.
     */
    @Test
    void labelsInTheLastColumnLeftOutOfAForecastAreNamed() throws IOException {
        StringBuilder csv = new StringBuilder("日期,温度,湿度,标签\n");
        for (int i = 0; i < 40; i++) {
            csv.append("2024/1/").append(i + 1).append(',').append(20 + i % 7).append(',').append(50 + i % 5)
                    .append(',').append(i % 10 < 5 ? "正面" : "负面").append('\n');
        }
        Path f = dir.resolve("情感.csv");
        Files.writeString(f, csv);
        CsvSeries.Loaded s = CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), 4, 1, 0.2, null));
        assertEquals(List.of("湿度"), s.targetColumns());
        assertEquals("标签", s.labelsLeftOut());
        assertEquals("", CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of("湿度"), 4, 1, 0.2, null))
                .labelsLeftOut(), "a target named is the student's choice");
        assertEquals("", CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of("标签"), 4, 1, 0.2, null))
                .labelsLeftOut(), "classified by them");
        Path dated = dir.resolve("dated.csv");
        Files.writeString(dated, "日期,温度\n2024/1/1,1\n2024/1/2,3\n2024/1/3,2\n2024/1/4,5\n2024/1/5,4\n");
        assertEquals("", CsvSeries.load(dated, new CsvSeries.Options(List.of(), List.of(), 2, 1, 0.2, null))
                .labelsLeftOut());
    }

    /** A number typed with a Chinese input method (full-width digits, 。 for the point): named, with the fix. */
    @Test
    void fullWidthDigitsAreNamedWithTheNumberToWrite() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("s.csv", "a,b\n1,１２．５\n2,3\n3,２。５\n"));
        assertEquals("field 2 (b): '１２．５' is not a number (full-width digits, as a Chinese input method types "
                + "them? write 12.5)", e.reason());
        assertTrue(e.problems().get(1).reason().endsWith("write 2.5)"), e.problems().get(1).reason());
    }

    /**
     * A file typed with a Chinese input method's comma between the fields (日期，收盘价) is one column of text: refused
     * at its header, saying why, as a fault of the file that no choice of columns mends; a full-width comma inside
     * one of several column names is only a name.
     */
    @Test
    void fullWidthCommasBetweenTheFieldsAreNamed() throws IOException {
        Path f = dir.resolve("全角.csv");
        Files.writeString(f, "日期，收盘价\n2024-01-02，3012.5\n2024-01-03，3020.1\n");
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), 1, 1, 0.2, null)));
        assertEquals(1, e.line());
        assertEquals("the header is one column, '日期，收盘价': its names are separated by the full-width '，' of a Chinese "
                + "input method, which separates no fields in a CSV file; write a plain comma (,) between the fields, "
                + "or save the file again from a spreadsheet as CSV", e.reason());
        assertTrue(e.wholeFile(), "no column, target or encoding mends it");
        assertTrue(assertThrows(DataFileException.class, () -> CsvTable.parse("s.csv", "a；b\n1；2\n")).reason()
                .contains("full-width '；'"));
        assertEquals(List.of("价格，元", "量"), CsvTable.parse("ok.csv", "价格，元,量\n1,2\n3,4\n").headers());
    }

    /** A sheet of 1,500 columns: refused at its first line, with what to do, not only the limit. */
    @Test
    void tooManyColumnsSaysWhatToDo() {
        String header = String.join(",", java.util.stream.IntStream.range(0, 1500).mapToObj(i -> "特征" + i).toList());
        DataFileException e = assertThrows(DataFileException.class, () -> CsvTable.parse("wide.csv", header + "\n"));
        assertEquals(1, e.line());
        assertEquals("more than 1024 fields in one line; at most 1024 columns are allowed: save a copy with only the "
                + "columns you need", e.reason());
    }

    /** In a file separated by semicolons a comma is a decimal comma: 1,234 there is one and a bit, as before. */
    @Test
    void aSemicolonFileKeepsItsDecimalCommas() throws DataFileException {
        CsvTable t = CsvTable.parse("de.csv", "a;b\n1;1,234\n2;2,5\n");
        assertArrayEquals(new double[] {1.234, 2.5}, t.column(1), 1e-12);
        assertFalse(t.forms().thousands());
    }
}
