package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Percentages keep their % on the number's line, and read the same whatever the machine's locale. */
class PercentTest {
    @Test
    void aFractionReadsAsAPercentageWithANoBreakSpaceBeforeItsSign() {
        assertEquals("64.8\u00a0%", Percent.of(0.648, 1));
        assertEquals("90\u00a0%", Percent.of(0.9, 0));
        assertEquals("16\u00a0%", Percent.of(0.16, 0));
        assertEquals("100.0\u00a0%", Percent.of(1, 1));
    }

    @Test
    void aMachineThatWritesCommasStillWritesAPoint() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("20.2\u00a0%", Percent.of(0.202, 1));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aSentenceKeepsEachPercentageWholeAndOtherSpacesAsTheyAre() {
        assertEquals("from 30.0\u00a0% to 65\u00a0% in 3 epochs",
                Percent.keepTogether("from 30.0 % to 65 % in 3 epochs"));
        assertEquals("⚠ 90.0\u00a0% of the gate values", Percent.keepTogether("⚠ 90.0 % of the gate values"));
        assertEquals("a % alone", Percent.keepTogether("a % alone"));
    }
}
