package org.lstmlab.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Values a person reads keep four significant digits and never turn into {@code 8e+03}. */
class PlainNumbersTest {
    @Test
    void largeValuesAreWholeNumbersInGroupsOfThree() {
        assertEquals("8,012", PlainNumbers.significant(8012.4));
        assertEquals("8,000", PlainNumbers.significant(8000.0));
        assertEquals("8,000", PlainNumbers.significant(7999.96), "rounding up to a new thousand");
        assertEquals("1,000", PlainNumbers.significant(999.96), "rounding up past a thousand groups it");
        assertEquals("1,235,000", PlainNumbers.significant(1_234_567));
        assertEquals("-12,350", PlainNumbers.significant(-12_345.6));
        assertEquals("1,000,000,000,000,000,000,000", PlainNumbers.significant(1e21));
    }

    @Test
    void smallValuesKeepFourSignificantDigitsWithoutTrailingZeros() {
        assertEquals("231.2", PlainNumbers.significant(231.23));
        assertEquals("12.34", PlainNumbers.significant(12.3449));
        assertEquals("0.5", PlainNumbers.significant(0.5));
        assertEquals("0.02312", PlainNumbers.significant(0.023123));
        assertEquals("0.00001235", PlainNumbers.significant(1.2346e-5));
        assertEquals("0", PlainNumbers.significant(0.0));
        assertEquals("0", PlainNumbers.significant(-0.0));
    }

    @Test
    void twoValuesComparedShowTheSameDecimals() {
        assertEquals(List.of("0.01011", "0.01000"), List.of(PlainNumbers.pair(0.010111, 0.0100001)));
        assertEquals(List.of("0.0101", "0.0102"), List.of(PlainNumbers.pair(0.0101, 0.0102)));
        assertEquals(List.of("2.95", "3.00"), List.of(PlainNumbers.pair(2.95, 3)));
        assertEquals(List.of("0.538", "2.86"), List.of(PlainNumbers.pair(0.538, 2.86)), "far apart: as they are");
        assertEquals(List.of("8,012", "0.5"), List.of(PlainNumbers.pair(8012.4, 0.5)), "thousands stay whole");
        assertEquals(List.of("0.01011", "0.01000"), List.of(PlainNumbers.pair(0.010111, 0.0100001, v -> "small")));
        assertEquals(List.of("small", "small"), List.of(PlainNumbers.pair(0.010111, 0.00009, v -> "small")),
                "one below 1e-4: both in the caller's notation");
        assertEquals(List.of("small", "small"), List.of(PlainNumbers.pair(Double.NaN, 0.5, v -> "small")));
        assertEquals(List.of("NaN", "0.01"), List.of(PlainNumbers.pair(Double.NaN, 0.01)));
    }

    @Test
    void neverAnExponent() {
        for (double v = 1e-9; v < 1e18; v *= 3.7) {
            String s = PlainNumbers.significant(v);
            assertFalse(s.contains("e") || s.contains("E"), s);
            double back = Double.parseDouble(s.replace(",", ""));
            assertEquals(v, back, v * 5e-4, s);
        }
    }

    @Test
    void notANumberSaysSo() {
        assertEquals("NaN", PlainNumbers.significant(Double.NaN));
        assertEquals("∞", PlainNumbers.significant(Double.POSITIVE_INFINITY));
        assertEquals("-∞", PlainNumbers.significant(Double.NEGATIVE_INFINITY));
    }
}
