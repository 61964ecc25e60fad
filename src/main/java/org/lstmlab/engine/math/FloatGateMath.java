package org.lstmlab.engine.math;

/**
 * {@link GateMath} in float32, for the {@code float32} training precision: sigmoid and tanh from additions,
 * multiplications, fused multiply-adds, one division and an exponent shift, so that this scalar code and the vector
 * code in {@code simd.VectorFloatCells}, which performs the same operations in the same order, give the same bits,
 * compiled or interpreted (the Vector API's own EXP and TANH do not: their interpreted and compiled forms differ).
 *
 * <p>The construction of GateMath's, with float constants and one path for every argument: e^y for y ≤ 0 by
 * Cody–Waite reduction {@code y = k·ln 2 + r}, |r| ≤ ln2/2, a degree-7 Taylor polynomial for p = e^r − 1 (its
 * truncation error r⁸/8! is below 0.1 ulp of float) and s = 2^k by an exponent shift, combined with one fused
 * multiply-add ({@code e^y − 1 = s·p + (s − 1)}), which is also exact near 0 where k = 0; arguments below
 * {@link #MIN_EXP_ARG} (e^−87 ≈ 1.6e-38, just above the smallest normal float) are clamped to it. Fewer operations
 * than two paths and a blend matter here: a vector kernel whose operations exceed C2's inlining budget
 * ({@code NodeCountInliningCutoff}) leaves Vector API calls uninlined, and those run boxed, many times slower.
 * Accuracy: within 3 ulp of float (FloatCellKernelsTest measures it).
 */
public final class FloatGateMath {
    /** Arguments of e^y below this are clamped to it (2^k would leave the normal range). */
    public static final float MIN_EXP_ARG = -87.0f;
    public static final float INV_LN2 = 1.44269504f;
    /** ln 2 to 16 bits (low mantissa bits zero), the rest in {@link #LN2_LO}. */
    public static final float LN2_HI = Float.intBitsToFloat(0x3F317200);
    public static final float LN2_LO = Float.intBitsToFloat(0x35BFBE8E);
    /** 1.5·2^23: adding it rounds a float below 2^22 to an integer held in the low mantissa bits. */
    public static final float ROUNDER = 12582912.0f;
    public static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);

    /** 1/n! for n = 7 down to 2, the Horner coefficients of e^r − 1 − r over r². */
    static final float[] INV_FACT = {1.0f / 5040.0f, 1.0f / 720.0f, 1.0f / 120.0f, 1.0f / 24.0f, 1.0f / 6.0f, 0.5f};

    private FloatGateMath() {
    }

    /** Coefficient i (0 = 1/7!, ..., 5 = 1/2!) of the polynomial, for the vector twin. */
    public static float coefficient(int i) {
        return INV_FACT[i];
    }

    /** e^r − 1 for |r| ≤ ln2/2: r + r²·(1/2! + r·(1/3! + ... + r/7!)). */
    static float expm1Small(float r) {
        float p = INV_FACT[0];
        for (int i = 1; i < INV_FACT.length; i++) {
            p = Math.fma(p, r, INV_FACT[i]);
        }
        return Math.fma(p, r * r, r);
    }

    /**
     * The reduction of y ≤ 0: {@code shifted}'s low mantissa bits hold k = round(y / ln 2) and the result is the
     * reduced argument r = y − k·ln 2, |r| ≤ ln2/2 (y clamped to {@link #MIN_EXP_ARG} first).
     */
    private static float reduced(float v, float shifted) {
        float k = shifted - ROUNDER;
        float r = Math.fma(-k, LN2_HI, v);
        return Math.fma(-k, LN2_LO, r);
    }

    /** 2^k for the k that {@code shifted} holds (k in −126..0: a normal float). */
    private static float scale(float shifted) {
        int kBits = Float.floatToRawIntBits(shifted) - ROUNDER_BITS;
        return Float.intBitsToFloat((kBits + 127) << 23);
    }

    /**
     * e^y − 1 for y ≤ 0 (below {@link #MIN_EXP_ARG} as at it: −1 to float precision), without cancellation near 0:
     * with p = e^r − 1 and s = 2^k, {@code e^y − 1 = s·p + (s − 1)} in one fused multiply-add (s − 1 is exact for
     * k ≥ −24); for |y| &lt; ln2/2, k = 0 and the result is p itself.
     */
    public static float expm1NonPositive(float y) {
        float v = Math.max(y, MIN_EXP_ARG);
        float shifted = Math.fma(v, INV_LN2, ROUNDER);
        float p = expm1Small(reduced(v, shifted));
        float s = scale(shifted);
        return Math.fma(s, p, s - 1.0f);
    }

    /**
     * σ(x) = 1/(1 + e^−|x|) for x ≥ 0, e^−|x|/(1 + e^−|x|) otherwise; e^−|x| = s·p + s and
     * 1 + e^−|x| = s·p + (s + 1).
     */
    public static float sigmoid(float x) {
        float v = Math.max(-Math.abs(x), MIN_EXP_ARG);
        float shifted = Math.fma(v, INV_LN2, ROUNDER);
        float p = expm1Small(reduced(v, shifted));
        float s = scale(shifted);
        float e = Math.fma(s, p, s);
        float inv = 1.0f / Math.fma(s, p, s + 1.0f);
        return x < 0 ? e * inv : inv;
    }

    /** tanh|x| = −m/(m + 2) with m = e^(−2|x|) − 1, the sign put back. */
    public static float tanh(float x) {
        float m = expm1NonPositive(Math.abs(x) * -2.0f);
        float t = -m / (m + 2.0f);
        return x < 0 ? -t : t;
    }
}
