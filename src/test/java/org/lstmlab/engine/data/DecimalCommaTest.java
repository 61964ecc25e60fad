package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.text.Message;

/**
 * A file separated by semicolons or tabs, as a German or French spreadsheet saves one, may write its numbers with a
 * decimal comma: {@code 1,5} is read as 1.5, decided for the whole file, and so are thousands separators
 * ({@code 1.234,5}; see {@link ThousandsDecimalCommaTest}). A file that mixes the two ways is refused at the line
 * and field of each number written the other way; a comma-separated file is read as before, where a decimal comma
 * is still refused.
 */
class DecimalCommaTest {
    @TempDir Path dir;

    @Test
    void aSemicolonFileReadsItsDecimalCommas() throws DataFileException {
        CsvTable t = CsvTable.parse("de.csv", "Zeit;Wert;Last\n1;1,5;3\n2;-0,25;1,5E+03\n3;3;,5\n");
        assertTrue(t.decimalComma());
        assertArrayEquals(new double[] {1.5, -0.25, 3}, t.column(1));
        assertArrayEquals(new double[] {3, 1500, 0.5}, t.column(2));
    }

    @Test
    void aTabFileReadsItsDecimalCommas() throws DataFileException {
        CsvTable t = CsvTable.parse("fr.csv", "temps\tvaleur\r\n0\t12,75\r\n1\t-3,0\r\n");
        assertTrue(t.decimalComma());
        assertArrayEquals(new double[] {12.75, -3}, t.column(1));
    }

    @Test
    void aSemicolonFileWithPointsOrWholeNumbersHasNoDecimalComma() throws DataFileException {
        assertFalse(CsvTable.parse("p.csv", "a;b\n1;1.5\n2;2.5\n").decimalComma());
        assertFalse(CsvTable.parse("w.csv", "a;b\n1;15\n2;25\n").decimalComma());
        assertFalse(CsvTable.parse("c.csv", "a,b\n1,1.5\n2,2.5\n").decimalComma());
    }

    @Test
    void aCommaSeparatedFileStillRefusesADecimalComma() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("c.csv", "a,b\n1,\"2,5\"\n3,4\n"));
        assertEquals(2, e.line());
        assertEquals("field 2 (b): '2,5' is not a number (decimal comma? use a point)", e.reason());
    }

    /** The file's way is that of most of its numbers; each of the others is named, with one of the file's way. */
    @Test
    void aPointAmongDecimalCommasIsRefusedAtItsLineAndField() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("mix.csv", "a;b\n1;0,5\n2;1,5\n3;1.5\n4;2,5\n"));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals("mix.csv: line 4: field 2 (b): '1.5' has a decimal point, but this file writes its numbers with a "
                + "decimal comma ('0,5' on line 2): write every number the same way", e.getMessage());
        String zh = e.problems().get(0).why().in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE));
        assertEquals("第 2 个字段（b）：“1.5”用的是小数点，而这个文件的数字用小数逗号（如第 2 行的“0,5”）：请统一用一种写法", zh);
    }

    @Test
    void aDecimalCommaAmongPointsIsRefusedAndOneBeforeThreeDigitsMayBeAThousandsSeparator() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("mix.csv", "a;b\n1;0.5\n2;1,5\n3;1.5\n4;1,250\n5;2.5\n"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(3, e.problems().get(0).line());
        assertEquals("field 2 (b): '1,5' has a decimal comma, but this file writes its numbers with a decimal point "
                + "('0.5' on line 2): write every number the same way", e.problems().get(0).reason());
        assertEquals(5, e.problems().get(1).line());
        assertTrue(e.problems().get(1).reason().contains("'1,250' has a comma, but this file writes its numbers with "
                + "a decimal point ('0.5' on line 2): if the comma separates thousands, remove it"), e.getMessage());
    }

    @Test
    void manyNumbersWrittenTheOtherWayAreNamedFirstAndCounted() {
        StringBuilder b = new StringBuilder("a;b\n");
        for (int r = 0; r < 60; r++) {
            b.append(r).append(';').append(r % 2 == 0 || r > 45 ? r + ",5" : r + ".5").append('\n');
        }
        DataFileException e = assertThrows(DataFileException.class, () -> CsvTable.parse("many.csv", b.toString()));
        assertEquals(CsvTable.REPORTED_PROBLEMS, e.problems().size());
        assertEquals(23 - CsvTable.REPORTED_PROBLEMS, e.more(), e.getMessage());
        assertEquals(3, e.line(), "row 1 (line 3) is the first with a point: " + e.getMessage());
    }

    /** 1.234,5, 1.234.567 and 1 234,5 are numbers with thousands separators, read in a file of decimal commas. */
    @Test
    void thousandsSeparatorsAreReadInAFileOfDecimalCommas() throws DataFileException {
        CsvTable t = CsvTable.parse("t.csv", "a;b\n1;1.234,5\n2;0,5\n3;1.234.567\n4;1 234,5\n");
        assertArrayEquals(new double[] {1234.5, 0.5, 1234567, 1234.5}, t.column(1));
        assertTrue(t.forms().thousands() && t.decimalComma());
    }

    /** A number written the other way in a column left out (a note, say) does not stop the others being read. */
    @Test
    void aMixedColumnLeftOutDoesNotMatter() throws DataFileException {
        CsvTable t = CsvTable.read("m.csv", "a;b;version\n1;0,5;1.2\n2;1,5;1.3\n3;2,5;1\n");
        assertTrue(t.decimalComma());
        t.requireNumbers(List.of(0, 1));
        assertThrows(DataFileException.class, () -> t.requireNumbers(List.of(2)));
    }

    @Test
    void classLabelsWrittenWithADecimalCommaAreNumbers() throws Exception {
        StringBuilder b = new StringBuilder("x;klasse\n");
        for (int r = 0; r < 40; r++) {
            b.append(String.format(Locale.GERMANY, "%.3f;%s%n", Math.sin(r * 0.7), r % 3 == 0 ? "1,0" : "0,0"));
        }
        Path f = dir.resolve("klassen.csv");
        Files.writeString(f, b.toString());
        CsvSeries.Loaded s = CsvSeries.load(f, new CsvSeries.Options(List.of("x"), List.of("klasse"), 3, 1, 0.25,
                null, TargetKind.CLASS));
        assertEquals(List.of("0", "1"), s.classes());
        assertTrue(s.forms().decimalComma());
    }

    /** The guide's sample, as a German spreadsheet saves it: its date is text, its numbers have decimal commas. */
    @Test
    void theGuidesSampleIsReadWithItsDecimalCommas() throws Exception {
        Path f = Path.of("docs/data/weather-de.csv");
        CsvTable t = CsvTable.read(f.toString(), TextFiles.read(f).text());
        assertTrue(t.decimalComma());
        assertTrue(t.isText(0), "01.03.2024 00:00 is a date, not a number");
        assertEquals(List.of("Zeit", "Temperatur", "Luftfeuchte"), t.headers());
        assertEquals(14 * 24, t.rows());
        assertEquals(5.8, t.column(1)[0]);
        assertEquals(86.3, t.column(2)[0]);
        CsvSeries.Loaded s = CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of("Temperatur"), 24, 1, 0.2,
                null));
        assertEquals(List.of("Temperatur", "Luftfeuchte"), s.inputColumns());
        assertTrue(s.forms().decimalComma());
    }

}
