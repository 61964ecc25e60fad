package org.lstmlab.engine.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A measured value as a person reads it, in the command line's lines and the app's sentences alike: four
 * significant digits, never an exponent, whole numbers from a thousand up in groups of three ({@code 8,012},
 * {@code 231.2}, {@code 0.02312}). {@code 8e+03} says less to a student whose sales are in thousands than
 * {@code 8,012} does. The digits and separators are the same in every language (Chinese groups by three too).
 */
public final class PlainNumbers {
    /** Significant digits kept. */
    public static final int DIGITS = 4;

    private PlainNumbers() {
    }

    /** {@code v} with {@link #DIGITS} significant digits; {@code NaN}, {@code ∞} and {@code -∞} as such. */
    public static String significant(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(DIGITS)).stripTrailingZeros();
        if (b.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return String.format(Locale.ROOT, "%,d", b.toBigInteger());
        }
        return b.toPlainString();
    }
}
