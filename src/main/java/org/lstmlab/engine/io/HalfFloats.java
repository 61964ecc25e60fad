package org.lstmlab.engine.io;

/**
 * IEEE 754 binary16 ({@code F16}) and bfloat16 ({@code BF16}) conversions, written by hand because Java 17 has no
 * {@code Float.float16ToFloat}. Both directions are exact where they can be: decoding is exact, encoding rounds
 * a {@code double} once, to nearest with ties to even, straight to the 16-bit format (no detour through
 * {@code float}, which would round twice). Overflow gives infinity; NaN gives a quiet NaN with the sign kept.
 */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** The value of the binary16 bit pattern in the low 16 bits of {@code bits}. */
    public static double f16ToDouble(int bits) {
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        double magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24; // subnormal (or zero): mantissa units of 2^-24
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = Math.scalb((double) (0x400 | mantissa), exponent - 25); // 1.m × 2^(e-15)
        }
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    /** The value of the bfloat16 bit pattern in the low 16 bits of {@code bits}: the top half of a float. */
    public static double bf16ToDouble(int bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** {@code value} rounded to the nearest binary16, as a bit pattern in the low 16 bits. */
    public static int doubleToF16(double value) {
        return encode(value, 5, 10);
    }

    /** {@code value} rounded to the nearest bfloat16, as a bit pattern in the low 16 bits. */
    public static int doubleToBf16(double value) {
        return encode(value, 8, 7);
    }

    /** Round to a binary format with {@code expBits} exponent bits and {@code mantBits} stored mantissa bits. */
    private static int encode(double value, int expBits, int mantBits) {
        int bias = (1 << (expBits - 1)) - 1;
        int expAllOnes = ((1 << expBits) - 1) << mantBits;
        int sign = Double.doubleToRawLongBits(value) < 0 ? 1 << (expBits + mantBits) : 0;
        if (Double.isNaN(value)) {
            return sign | expAllOnes | (1 << (mantBits - 1));
        }
        double a = Math.abs(value);
        // Halfway between the largest finite value and 2^(bias+1): at or above it, rounding gives infinity.
        double overflow = Math.scalb(2.0 - Math.scalb(1.0, -(mantBits + 1)), bias);
        if (a >= overflow) {
            return sign | expAllOnes;
        }
        int e = Math.getExponent(a);
        if (e < 1 - bias) {
            // Below the smallest normal: count units of the smallest subnormal. Rounding up to 2^mantBits
            // lands exactly on the encoding of the smallest normal, which is correct.
            return sign | (int) Math.rint(Math.scalb(a, bias - 1 + mantBits));
        }
        // Normal: a = m × 2^(e - mantBits) with m in [2^mantBits, 2^(mantBits+1)); a carry into the exponent
        // (m rounding up to 2^(mantBits+1)) is handled by the addition.
        int m = (int) Math.rint(Math.scalb(a, mantBits - e));
        return sign | (((e + bias) << mantBits) + m - (1 << mantBits));
    }
}
