package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.text.Message;

/**
 * A file of decimal commas (separated by semicolons or tabs, as German and French Excel save one) with thousands
 * separators: points ({@code 1.234,50}, {@code 2.788.324}) or spaces ({@code 1 234,50}, with a plain, a no-break or a
 * narrow no-break space). Read by the comma-separated file's rule, mirrored: what can only be a thousands number is
 * read, and {@code 1.234} alone, a thousand or one and a bit, only beside such a number; refused otherwise, saying
 * both readings. A file of decimal points refuses them, as before.
 */
class ThousandsDecimalCommaTest {
    @TempDir Path dir;

    @Test
    void pointsBetweenThousandsAreReadInAFileOfDecimalCommas() throws DataFileException {
        CsvTable t = CsvTable.parse("de.csv", "a;b;c\n1;1.234,50;2.788.324\n2;-12.345,6;1.000.000,25\n3;0,5;7\n");
        assertArrayEquals(new double[] {1234.5, -12345.6, 0.5}, t.column(1));
        assertArrayEquals(new double[] {2788324, 1000000.25, 7}, t.column(2));
        assertEquals(new NumberForms(true, true, false), t.forms(), "decimal commas and thousands, each said once");
    }

    @Test
    void spacesBetweenThousandsAreReadWhateverTheSpace() throws DataFileException {
        for (String space : List.of(" ", "\u00A0", "\u202F")) {
            CsvTable t = CsvTable.parse("fr.csv", "a;b\n1;1" + space + "234,50\n2;12" + space + "345" + space
                    + "678\n3;2,5\n");
            assertArrayEquals(new double[] {1234.5, 12345678, 2.5}, t.column(1), "U+" + (int) space.charAt(0));
            assertTrue(t.forms().thousands() && t.forms().decimalComma());
        }
        CsvTable tab = CsvTable.parse("fr.tsv", "a\tb\n1\t1\u202F234\n2\t3\n");
        assertArrayEquals(new double[] {1234, 3}, tab.column(1), "a space can be nothing but a thousands separator");
        assertEquals(new NumberForms(false, true, false), tab.forms(), "no decimal comma read, none said");
    }

    /** 1.234 beside a number that can only be read with thousands separators is a thousand and more, as 1,234 is. */
    @Test
    void aPointBeforeThreeDigitsIsAThousandBesideAnUnambiguousOne() throws DataFileException {
        CsvTable t = CsvTable.parse("de.csv", "a;b\n1;1.234\n2;2.788.324\n3;-5.678\n4;1,5\n");
        assertArrayEquals(new double[] {1234, 2788324, -5678, 1.5}, t.column(1));
        assertTrue(t.forms().thousands());
    }

    /** 1.234 alone in a file of decimal commas may be a thousand or one and a bit: refused, saying both, never read. */
    @Test
    void aPointBeforeThreeDigitsAloneAmongDecimalCommasIsRefusedSayingBoth() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("de.csv", "a;b\n1;0,5\n2;1.234\n3;1,5\n4;12.345\n"));
        assertEquals(List.of(3, 5), e.problems().stream().map(DataFileException.Problem::line).toList());
        assertEquals("field 2 (b): '1.234' has a point that may separate thousands (1234) or be a decimal point, and "
                + "this file writes its numbers with a decimal comma ('0,5' on line 2): write 1234 or 1,234",
                e.reason());
        String zh = e.problems().get(1).why().in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE));
        assertEquals("第 2 个字段（b）：“12.345”里的点号可能是千位分隔符（即 12345），也可能是小数点，而这个文件的数字用小数逗号"
                + "（如第 2 行的“0,5”）：请写成 12345 或 12,345", zh);
    }

    /** Without decimal commas, 1.234 is one and a bit as before; 0.123 is never a thousand. */
    @Test
    void aPointBeforeThreeDigitsInAFileOfPointsIsADecimalPoint() throws DataFileException {
        CsvTable points = CsvTable.parse("p.csv", "a;b\n1;1.234\n2;2.5\n3;-12.345\n4;1.234%\n");
        assertArrayEquals(new double[] {1.234, 2.5, -12.345, 0.01234}, points.column(1), 1e-15);
        assertEquals(1.234, points.column(1)[0], "the double nearest 1.234, exactly");
        assertEquals(new NumberForms(false, false, true), points.forms());
        CsvTable whole = CsvTable.parse("w.tsv", "a\tb\n1\t1.234\n2\t3\n");
        assertArrayEquals(new double[] {1.234, 3}, whole.column(1));
        assertFalse(whole.forms().thousands());
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("z.csv", "a;b\n1;0.123\n2;1.234,5\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("'0.123' has a point, but this file writes its numbers with a decimal comma "
                + "('1.234,5' on line 3)"), e.reason());
    }

    /** In a file of decimal points, 1.234,5 and 1.234.567 cannot be read: refused at their lines, never left out. */
    @Test
    void thousandsAmongDecimalPointsAreRefused() {
        CsvTable t;
        try {
            t = CsvTable.read("t.csv", "a;b\n1;1.234,5\n2;0.5\n3;1.234.567\n4;1 234,5\n5;1.5\n6;2.5\n7;3.5\n8;4.5\n");
        } catch (DataFileException e) {
            throw new AssertionError("read refuses only a table of the wrong shape: " + e.getMessage(), e);
        }
        assertFalse(t.isText(1), "a column of numbers written wrongly is no column of text");
        DataFileException e = assertThrows(DataFileException.class, () -> t.requireNumbers(List.of(0, 1)));
        assertEquals(List.of(2, 4, 5), e.problems().stream().map(DataFileException.Problem::line).toList());
        assertEquals("field 2 (b): '1.234,5' is not a number (thousands separator? remove it)",
                e.problems().get(0).reason());
        assertTrue(e.problems().get(1).reason().contains("'1.234.567' is not a number (thousands separator?"));
    }

    /** A file mixing 1.5 and 1,5 is refused as before: the way most of its numbers use decides. */
    @Test
    void aFileMixingPointsAndCommasKeepsItsRefusal() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("mix.csv", "a;b\n1;1.234,5\n2;1,5\n3;1.5\n4;2,5\n"));
        assertEquals(List.of(4), e.problems().stream().map(DataFileException.Problem::line).toList());
        assertEquals("field 2 (b): '1.5' has a decimal point, but this file writes its numbers with a decimal comma "
                + "('1,5' on line 3): write every number the same way", e.reason());
    }

    @Test
    void aPercentWithADecimalCommaIsAFraction() throws DataFileException {
        CsvTable t = CsvTable.parse("p.csv", "a;b\n1;1,23%\n2;-0,5 %\n3;1.234,5%\n");
        assertArrayEquals(new double[] {0.0123, -0.005, 12.345}, t.column(1), 1e-15);
        assertEquals(new NumberForms(true, true, true), t.forms());
    }

    /** German and French Excel stock files (points, narrow no-break spaces) train a forecast with their notes. */
    @Test
    void germanAndFrenchExcelStockFilesAreRead() throws Exception {
        for (Locale locale : List.of(Locale.GERMANY, Locale.FRANCE)) {
            Path f = dir.resolve("aktien-" + locale + ".csv");
            Files.write(f, ExcelFiles.stock(40, locale).getBytes(StandardCharsets.UTF_8));
            CsvTable t = CsvTable.read(f.toString(), TextFiles.read(f).text());
            assertTrue(t.isText(0), "02.01.2024 is a date");
            t.requireNumbers(List.of(1, 2, 3, 4));
            double close = 1000 + 30 * Math.sin(0);
            assertEquals(close - 3, t.column(1)[0], 1e-9, locale.toString());
            assertEquals(900_000 + 7919 * 39, t.column(3)[39], locale.toString());
            assertEquals(Math.round(Math.sin(1) * 200) / 10000.0, t.column(4)[1], 1e-12);
            assertEquals(new NumberForms(true, true, true), t.forms(), locale.toString());
            CsvSeries.Loaded s = CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), 4, 1, 0.2, null));
            assertEquals(new NumberForms(true, true, true), s.forms());
        }
    }
}
