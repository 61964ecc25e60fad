package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-written F16 and BF16 conversions against known bit patterns, exhaustively and at the rounding edges. */
class HalfFloatsTest {
    @Test
    void knownF16Values() {
        assertEquals(1.0, HalfFloats.f16ToDouble(0x3C00));
        assertEquals(-2.0, HalfFloats.f16ToDouble(0xC000));
        assertEquals(65504.0, HalfFloats.f16ToDouble(0x7BFF));
        assertEquals(0x1p-14, HalfFloats.f16ToDouble(0x0400)); // smallest normal
        assertEquals(0x1p-24, HalfFloats.f16ToDouble(0x0001)); // smallest subnormal
        assertEquals(0x3FFp-24, HalfFloats.f16ToDouble(0x03FF)); // largest subnormal
        assertEquals(0.333251953125, HalfFloats.f16ToDouble(0x3555));
        assertEquals(Double.POSITIVE_INFINITY, HalfFloats.f16ToDouble(0x7C00));
        assertEquals(Double.NEGATIVE_INFINITY, HalfFloats.f16ToDouble(0xFC00));
        assertTrue(Double.isNaN(HalfFloats.f16ToDouble(0x7E00)));
        assertTrue(Double.isNaN(HalfFloats.f16ToDouble(0x7C01)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(HalfFloats.f16ToDouble(0x8000)));
    }

    @Test
    void knownBf16Values() {
        assertEquals(1.0, HalfFloats.bf16ToDouble(0x3F80));
        assertEquals(-2.0, HalfFloats.bf16ToDouble(0xC000));
        assertEquals(0x1.FEp127, HalfFloats.bf16ToDouble(0x7F7F)); // largest finite
        assertEquals(0x1p-133, HalfFloats.bf16ToDouble(0x0001)); // smallest subnormal
        assertEquals(Double.POSITIVE_INFINITY, HalfFloats.bf16ToDouble(0x7F80));
        assertTrue(Double.isNaN(HalfFloats.bf16ToDouble(0x7FC0)));
    }

    @Test
    void everyF16AndBf16PatternRoundTrips() {
        for (int bits = 0; bits < 0x10000; bits++) {
            double f16 = HalfFloats.f16ToDouble(bits);
            double bf16 = HalfFloats.bf16ToDouble(bits);
            if (!Double.isNaN(f16)) {
                assertEquals(bits, HalfFloats.doubleToF16(f16), "F16 " + Integer.toHexString(bits));
            }
            if (!Double.isNaN(bf16)) {
                assertEquals(bits, HalfFloats.doubleToBf16(bf16), "BF16 " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void bf16DecodingAgreesWithTheTopHalfOfAFloat() {
        assertEquals((double) Float.intBitsToFloat(0x40490000), HalfFloats.bf16ToDouble(0x4049));
    }

    @Test
    void encodingRoundsToNearestTiesToEven() {
        double ulp = 0x1p-10; // F16 spacing just above 1
        assertEquals(0x3C00, HalfFloats.doubleToF16(1 + ulp / 2)); // tie: stays on even 1.0
        assertEquals(0x3C02, HalfFloats.doubleToF16(1 + 3 * ulp / 2)); // tie: up to even mantissa 2
        assertEquals(0x3C01, HalfFloats.doubleToF16(1 + ulp / 2 + 0x1p-40)); // just past the tie
        assertEquals(0x3C00, HalfFloats.doubleToF16(Math.nextDown(1 + ulp / 2)));
        // Rounding carries into the exponent: just below 2 rounds to 2.0.
        assertEquals(0x4000, HalfFloats.doubleToF16(2 - 0x1p-12));
        // Subnormals and the subnormal/normal boundary.
        assertEquals(0x0001, HalfFloats.doubleToF16(0x1p-24));
        assertEquals(0x0000, HalfFloats.doubleToF16(0x1p-25)); // tie between 0 and 2^-24: even is 0
        assertEquals(0x0001, HalfFloats.doubleToF16(0x1.8p-25));
        assertEquals(0x0400, HalfFloats.doubleToF16(0x3FF.8p-24)); // rounds up into the smallest normal
        assertEquals(0x8000, HalfFloats.doubleToF16(-1e-300));
        // No double rounding through float: this value is just above an F16 tie but rounds to the tie as a float.
        double justAboveTie = 1 + ulp / 2 + 0x1p-30;
        assertEquals(1 + ulp / 2, (double) (float) justAboveTie);
        assertEquals(0x3C01, HalfFloats.doubleToF16(justAboveTie));
    }

    @Test
    void overflowAndSpecialValues() {
        assertEquals(0x7BFF, HalfFloats.doubleToF16(65519.99));
        assertEquals(0x7C00, HalfFloats.doubleToF16(65520)); // the tie above the largest finite goes to infinity
        assertEquals(0xFC00, HalfFloats.doubleToF16(-1e10));
        assertEquals(0x7C00, HalfFloats.doubleToF16(Double.POSITIVE_INFINITY));
        assertEquals(0x7E00, HalfFloats.doubleToF16(Double.NaN));
        assertEquals(0x8000, HalfFloats.doubleToF16(-0.0));
        assertEquals(0x7F80, HalfFloats.doubleToBf16(0x1.FFp127)); // the BF16 overflow tie
        assertEquals(0x7F7F, HalfFloats.doubleToBf16(Math.nextDown(0x1.FFp127)));
        assertEquals(0x7FC0, HalfFloats.doubleToBf16(Double.NaN));
        assertEquals(0x3F80, HalfFloats.doubleToBf16(1 + 0x1p-8)); // tie to even
        assertEquals(0x3F82, HalfFloats.doubleToBf16(1 + 3 * 0x1p-8));
        assertEquals(0x0000, HalfFloats.doubleToBf16(Double.MIN_VALUE));
    }
}
