package org.lstmlab.engine.math;

/**
 * Sigmoid and tanh built only from additions, multiplications, fused multiply-adds and one division, so that the
 * scalar code here and the Vector API code in {@code simd.VectorPointwise}, which performs the same operations in
 * the same order, give the same bits, compiled or interpreted. (The Vector API's own EXP and TANH do not: the
 * interpreter computes them one way and the compiled intrinsic another, which would make training results depend on
 * when the JIT got to them.)
 *
 * <p>Both need e^y only for y ≤ 0: {@code σ(x) = 1/(1 + e^(−|x|))} for x ≥ 0 and {@code e^(−|x|)/(1 + e^(−|x|))}
 * otherwise; {@code tanh|x| = −expm1(−2|x|) / (2 + expm1(−2|x|))}, with the sign put back. e^y is computed by
 * Cody–Waite reduction {@code y = k·ln 2 + r}, |r| ≤ ln2/2, a degree-13 Taylor polynomial for e^r and an exponent
 * shift; expm1 uses the polynomial directly when |y| ≤ ln2/2, where e^y − 1 would cancel. Accuracy: a few ulp.
 */
public final class GateMath {
    /** Below this y, e^y is 0 to double precision (and 2^k would leave the normal range). */
    public static final double MIN_EXP_ARG = -708.0;
    public static final double INV_LN2 = 1.4426950408889634;
    public static final double LN2_HI = Double.longBitsToDouble(0x3FE62E42FEE00000L);  // low bits zero: k·LN2_HI exact
    public static final double LN2_LO = Double.longBitsToDouble(0x3DEA39EF35793C76L);
    /** 1.5·2^52: adding it rounds a double below 2^51 to an integer held in the low mantissa bits. */
    public static final double ROUNDER = 6755399441055744.0;
    public static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    public static final double HALF_LN2 = 0.34657359027997264;

    /** 1/n! for n = 13 down to 2, the Horner coefficients of e^r − 1 − r over r². */
    static final double[] INV_FACT = {
        1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
        1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5};

    private GateMath() {
    }

    /** Coefficient i (0 = 1/13!, ..., 11 = 1/2!) of the polynomial, for the vector twin. */
    public static double coefficient(int i) {
        return INV_FACT[i];
    }

    public static int coefficients() {
        return INV_FACT.length;
    }

    /** e^r − 1 for |r| ≤ ln2/2: r + r²·(1/2! + r·(1/3! + ... + r/13!)). */
    static double expm1Small(double r) {
        double p = INV_FACT[0];
        for (int i = 1; i < INV_FACT.length; i++) {
            p = Math.fma(p, r, INV_FACT[i]);
        }
        return Math.fma(p, r * r, r);
    }

    /** e^y for y ≤ 0; 0 below {@link #MIN_EXP_ARG}, where the true value is under 3e-308. */
    public static double expNonPositive(double y) {
        double v = Math.max(y, MIN_EXP_ARG);
        double shifted = Math.fma(v, INV_LN2, ROUNDER);
        double k = shifted - ROUNDER;
        double r = Math.fma(-k, LN2_HI, v);
        r = Math.fma(-k, LN2_LO, r);
        double er = expm1Small(r) + 1.0;
        long kBits = Double.doubleToRawLongBits(shifted) - ROUNDER_BITS;
        double scale = Double.longBitsToDouble((kBits + 1023) << 52);
        return y < MIN_EXP_ARG ? 0.0 : er * scale;
    }

    /** e^y − 1 for y ≤ 0, without cancellation near 0. */
    public static double expm1NonPositive(double y) {
        return y > -HALF_LN2 ? expm1Small(y) : expNonPositive(y) - 1.0;
    }

    public static double sigmoid(double x) {
        double e = expNonPositive(-Math.abs(x));
        double inv = 1.0 / (1.0 + e);
        return x >= 0 ? inv : e * inv;
    }

    public static double tanh(double x) {
        double m = expm1NonPositive(-2.0 * Math.abs(x));
        double t = -m / (2.0 + m);
        return x < 0 ? -t : t;
    }
}
