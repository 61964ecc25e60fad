package org.lstmlab.engine.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A measured value as a person reads it, in the command line's lines and the app's sentences alike: four
 * significant digits, never an exponent, whole numbers from a thousand up in groups of three ({@code 8,012},
 * {@code 231.2}, {@code 0.02312}). {@code 8e+03} says less to a student whose sales are in thousands than
 * {@code 8,012} does. The digits and separators are the same in every language (Chinese groups by three too).
 */
public final class PlainNumbers {
    /** Significant digits kept. */
    public static final int DIGITS = 4;
    /**
     * The smallest size written with significant digits where values are compared: below it, a caller's own
     * notation (an exponent, as the charts' axes write) reads better than a row of zeros.
     */
    public static final double SMALLEST = 1e-4;

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

    /**
     * Two values set side by side to be compared, a model's error and the naive forecast's: each with
     * {@link #significant four significant digits}, and when they lie within 10 % of each other (where a reader
     * compares their digits) below a thousand both with as many decimals as the one that needs more, so that
     * 0.01011 stands beside 0.01000, not beside 0.01, which reads as if it had been rounded more. Values further
     * apart, not finite, or from a thousand up are written as {@link #significant} writes them.
     */
    public static String[] pair(double a, double b) {
        String[] out = {significant(a), significant(b)};
        if (!(Math.abs(a - b) <= 0.1 * Math.max(Math.abs(a), Math.abs(b)))) {
            return out;
        }
        int decimals = Math.max(decimals(out[0]), decimals(out[1]));
        for (int i = 0; i < 2; i++) {
            double v = i == 0 ? a : b;
            if (Double.isFinite(v) && !out[i].contains(",") && decimals(out[i]) < decimals) {
                out[i] = new BigDecimal(out[i]).setScale(decimals).toPlainString();
            }
        }
        return out;
    }

    /** {@link #pair(double, double)} when both are at least {@link #SMALLEST} in size, else each as {@code small}
     * writes it. */
    public static String[] pair(double a, double b, DoubleFunction<String> small) {
        return Math.abs(a) >= SMALLEST && Math.abs(b) >= SMALLEST ? pair(a, b)
                : new String[] {small.apply(a), small.apply(b)};
    }

    private static int decimals(String s) {
        int dot = s.indexOf('.');
        return s.contains(",") || dot < 0 || !Character.isDigit(s.charAt(s.length() - 1)) ? 0 : s.length() - dot - 1;
    }
}
