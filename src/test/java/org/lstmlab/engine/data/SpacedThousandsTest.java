package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.text.Message;

/**
 * Spaces between thousands (a plain space, a no-break space U+00A0, a narrow no-break space U+202F) in any file, by
 * {@link DecimalMarks}' one rule: in a comma-separated file {@code 1 234.5} is 1234.5, as {@code "1,234.5"} is; in a
 * file separated by semicolons or tabs the fraction's mark counts as any number's ({@code 1 234.5} is read among
 * decimal points and refused among decimal commas), and {@code 1 234} is a thousand in either. What is not three
 * digits a group, or has a decimal comma in a comma-separated file, is refused at its line and field, saying why.
 */
class SpacedThousandsTest {
    private static final List<String> SPACES = List.of(" ", "\u00A0", "\u202F");

    @Test
    void spacesBetweenThousandsAreReadInACommaSeparatedFile() throws DataFileException {
        for (String sp : SPACES) {
            CsvTable t = CsvTable.parse("en.csv", "a,b\n1,1" + sp + "234.5\n2,12" + sp + "345" + sp + "678\n3,-2"
                    + sp + "000.25\n4,7.5\n");
            String what = "U+" + Integer.toHexString(sp.charAt(0));
            assertArrayEquals(new double[] {1234.5, 12345678, -2000.25, 7.5}, t.column(1), what);
            assertEquals(new NumberForms(false, true, false), t.forms(), "thousands said once, " + what);
        }
    }

    /** "1,234" alone may be one and a bit; beside 1 234.5, which can be nothing else, it is a thousand. */
    @Test
    void aCommaBeforeThreeDigitsIsAThousandBesideASpacedOne() throws DataFileException {
        CsvTable t = CsvTable.parse("en.csv", "a,b\n1,\"1,234\"\n2,1\u202F234.5\n");
        assertArrayEquals(new double[] {1234, 1234.5}, t.column(1));
    }

    /** In a tab-separated file of decimal points, 1 234.5 is 1234.5 and 1.234 stays one and a bit. */
    @Test
    void spacesBetweenThousandsAreReadAmongDecimalPoints() throws DataFileException {
        CsvTable t = CsvTable.parse("en.tsv", "a\tb\n1\t1 234.5\n2\t0.5\n3\t1.234\n4\t2\u00A0000\n");
        assertArrayEquals(new double[] {1234.5, 0.5, 1.234, 2000}, t.column(1));
        assertEquals(new NumberForms(false, true, false), t.forms());
    }

    /** 1 234.5 among decimal commas has a point the file does not use: refused at its line, never read. */
    @Test
    void aSpacedNumberWithAPointAmongDecimalCommasIsRefused() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("fr.csv", "a;b\n1;0,5\n2;1 234.5\n3;1 234,5\n4;2,5\n"));
        assertEquals("fr.csv", e.file());
        assertEquals(List.of(3), e.problems().stream().map(DataFileException.Problem::line).toList());
        assertEquals("field 2 (b): '1 234.5' has a decimal point, but this file writes its numbers with a decimal"
                + " comma ('0,5' on line 2): write every number the same way", e.reason());
    }

    /** Digits that a space splits otherwise than in threes: no thousands, and no word either; said so. */
    @Test
    void spacesThatDoNotSeparateThreeDigitsAreRefusedSayingWhy() {
        for (String v : List.of("12 34.5", "1 2345", "1\u00A0234\u00A056")) {
            DataFileException e = assertThrows(DataFileException.class,
                    () -> CsvTable.parse("en.csv", "a,b\n1,0.5\n2," + v + "\n"), v);
            assertEquals(3, e.line(), v);
            assertTrue(e.getMessage().startsWith("en.csv: line 3: field 2 (b): "), e.getMessage());
            assertEquals("field 2 (b): '" + v + "' is not a number (a space separates thousands only, between groups"
                    + " of three digits: 1 234 567.5)", e.reason(), v);
        }
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("en.csv", "a,b\n1,0.5\n2,12 34.5\n"));
        String zh = e.why().in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE));
        assertEquals("第 2 个字段（b）：“12 34.5”不是数字（空格只能用作千位分隔符，三位数字一组，如 1 234 567.5）", zh);
    }

    /**
     * A comma-separated file has no decimal comma: "1 234,5" (quoted) is refused as one, at its line and field;
     * mixed marks and a first group starting with 0 as a thousands separator to remove.
     */
    @Test
    void ambiguousSpacedNumbersInACommaSeparatedFileAreRefused() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.parse("en.csv", "a,b\n1,0.5\n2,\"1 234,5\"\n"));
        assertEquals(3, e.line());
        assertEquals("field 2 (b): '1 234,5' is not a number (decimal comma? use a point)", e.reason());
        for (String v : List.of("\"1,234 567.5\"", "0 123.5", "\"1 234,567\"")) {
            DataFileException m = assertThrows(DataFileException.class,
                    () -> CsvTable.parse("en.csv", "a,b\n1,0.5\n2," + v + "\n"), v);
            assertEquals(3, m.line(), v);
            assertTrue(m.reason().startsWith("field 2 (b): '" + v.replace("\"", "") + "' is not a number ("),
                    m.reason());
        }
    }
}
