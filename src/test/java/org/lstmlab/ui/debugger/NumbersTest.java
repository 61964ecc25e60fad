package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Numbers print with a decimal point whatever the locale, and only finite numbers parse. */
class NumbersTest {

    @Test
    void formatting() {
        assertEquals("0.3974", Numbers.format(0.39744));
        assertEquals("-0.0600", Numbers.format(-0.06));
        assertEquals("1.0000", Numbers.format(0.99996));
        assertEquals("123.46", Numbers.format(123.456));
        assertEquals("0", Numbers.format(0));
        assertEquals("-2.449e-16", Numbers.format(-2.449e-16));
        assertEquals("1.235e5", Numbers.format(123456));
        assertEquals("-1.000e-5", Numbers.format(-0.00001));
        assertEquals("0.0010", Numbers.format(0.001));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("-inf", Numbers.format(Double.NEGATIVE_INFINITY));
    }

    /** Shorter forms for a shrunk diagram: one or two digits fewer, rounded, still with a point and no comma. */
    @Test
    void briefForms() {
        assertEquals("0.5425", Numbers.brief(0.54248, 0));
        assertEquals("0.542", Numbers.brief(0.54248, 1));
        assertEquals("0.54", Numbers.brief(0.54248, 2));
        assertEquals("-0.06", Numbers.brief(-0.06, 2));
        assertEquals("123.5", Numbers.brief(123.456, 1));
        assertEquals("123", Numbers.brief(123.456, 2));
        assertEquals("-1.26e-16", Numbers.brief(-1.257e-16, 1));
        assertEquals("-1.3e-16", Numbers.brief(-1.257e-16, 2));
        assertEquals("-1e-16", Numbers.brief(-1.257e-16, 3), "the last form: the power of ten");
        assertEquals("0.54", Numbers.brief(0.54248, 3), "a fixed number keeps two decimals");
        assertEquals("1.2e5", Numbers.brief(123456, 2));
        assertEquals("1.0e-5", Numbers.brief(0.00001, 2));
        assertEquals("0", Numbers.brief(0, 2));
        assertEquals("NaN", Numbers.brief(Double.NaN, 1));
        for (double v : new double[] {0.54248, -1.257e-16, 123456, -77.7}) {
            assertEquals(v, Double.parseDouble(Numbers.brief(v, 2)), Math.abs(v) * 0.06, "the same number, rounded");
            assertEquals(true, Numbers.brief(v, 2).length() < Numbers.format(v).length(), "shorter: " + v);
        }
    }

    @Test
    void parsing() {
        assertEquals(-0.5, Numbers.parseFinite(" -0.5 "));
        assertEquals(1e-3, Numbers.parseFinite("1e-3"));
        assertEquals(0.5, Numbers.parseFinite(".5"));
        assertNull(Numbers.parseFinite("NaN"));
        assertNull(Numbers.parseFinite("Infinity"));
        assertNull(Numbers.parseFinite("1e999"));
        assertNull(Numbers.parseFinite("0,5"));
        assertNull(Numbers.parseFinite("abc"));
        assertNull(Numbers.parseFinite(""));
    }
}
