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
        assertEquals("1.235e+05", Numbers.format(123456));
        assertEquals("-1.000e-05", Numbers.format(-0.00001));
        assertEquals("0.0010", Numbers.format(0.001));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("-inf", Numbers.format(Double.NEGATIVE_INFINITY));
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
