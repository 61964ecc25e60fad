package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.text.Message;

/**
 * A row with a field too many (a decimal comma in a comma-separated file, most often) is named with its likely
 * cause, and is not buried under the "not a number" of every date and label in columns of words, which are no
 * problem until they are used.
 */
class CsvRaggedRowTest {
    private static final String HEAD = "time,load,temp,label\n";

    private static String rows(int n, String bad, int at) {
        StringBuilder b = new StringBuilder(HEAD);
        for (int r = 0; r < n; r++) {
            b.append(r == at ? bad : "09:00:0" + r + "," + (0.5 + r) + "," + (20 + r) + ",idle").append('\n');
        }
        return b.toString();
    }

    @Test
    void aDecimalCommaIsTheOnlyProblemNamedAndItsCauseIsSaid() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvTable.read("x.csv", rows(8, "09:00:03,1,5,23,idle", 3)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(0, e.more(), e.getMessage());
        assertEquals(5, e.line(), "the header is line 1: " + e.getMessage());
        assertEquals("expected 4 fields, saw 5: '1,5' in fields 2 and 3 looks like one number with a decimal comma;"
                + " write it with a point (or quote it, or separate the fields with ;)", e.reason());
        String zh = e.problems().get(0).why().in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE));
        assertTrue(zh.contains("“1,5”") && zh.contains("小数逗号"), zh);
    }

    @Test
    void aFieldTooManyWithoutADecimalCommaIsSaidPlainlyAndABadNumberBesideItStillCounts() {
        String text = rows(8, "09:00:03,1.5,23,idle,extra", 3).replace("09:00:06,6.5,", "09:00:06,6.5x,");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvTable.read("x.csv", text));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("expected 4 fields, saw 5", e.problems().get(0).reason());
        assertEquals(8, e.problems().get(1).line());
        assertTrue(e.problems().get(1).reason().contains("field 2 (load)"), e.getMessage());
    }
}
