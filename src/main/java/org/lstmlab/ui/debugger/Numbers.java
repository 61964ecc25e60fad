package org.lstmlab.ui.debugger;

import java.util.Locale;

import org.lstmlab.ui.common.MinusSign;
import org.lstmlab.ui.common.TypedNumber;

/**
 * How the debugger prints numbers: four significant figures, scientific notation for very small or large values,
 * and always a decimal point (never a comma), so that what is shown can be typed back into an editor or a
 * breakpoint.
 */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a < 1e-3 || a >= 1e5) {
            return scientific(v, 3);
        }
        return fixed(v, a >= 100 ? 2 : 4);
    }

    /**
     * v in scientific notation with {@code decimals} digits after the point and the exponent as the lessons and the
     * checkup write it, without padding or a plus sign: 1.330e-8, 1.235e5 (String.format writes 1.330e-08).
     */
    private static String scientific(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "e", v);
        int e = s.indexOf('e');
        return s.substring(0, e + 1) + Integer.parseInt(s.substring(e + 1));
    }

    /**
     * {@link #format} as the substitution panel shows it: a negative number with the minus sign − (U+2212), as the
     * lessons' prose and the panel's own operators write it (an exponent's sign stays '-', as in the prose:
     * −1.257e-16). For display only: what is typed, saved or exported keeps {@link #format}'s ASCII '-' (and a typed
     * − reads as '-', {@link TypedNumber}).
     */
    public static String display(double v) {
        return signed(format(v));
    }

    /**
     * The text with the minus sign − for every number's ASCII sign in it (not an exponent's, nor a hyphen between
     * words): for a hover tip that quotes numbers, e.g. {@code h[0] = -0.279} or {@code [0.5, -1.2E-5]}.
     */
    public static String signed(String text) {
        return MinusSign.of(text);
    }

    /**
     * {@link #format} with {@code fewer} (0, 1 or 2; 3 in scientific notation) digits less, for a drawing too small
     * to hold the whole number: 0.5425 as 0.543 and 0.54, -1.257e-16 as -1.26e-16, -1.3e-16 and -1e-16 (the
     * exponent without its padding).
     */
    public static String brief(double v, int fewer) {
        double a = Math.abs(v);
        if (fewer <= 0 || Double.isNaN(v) || Double.isInfinite(v) || a == 0) {
            return format(v);
        }
        if (a < 1e-3 || a >= 1e5) {
            return scientific(v, 3 - Math.min(fewer, 3));
        }
        return fixed(v, (a >= 100 ? 2 : 4) - Math.min(fewer, 2));
    }

    /** v with a fixed number of decimals, rounded half away from zero (String.format is slow on every step). */
    static String fixed(double v, int decimals) {
        long scale = decimals == 2 ? 100 : decimals == 4 ? 10000 : (long) Math.pow(10, decimals);
        long n = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(12);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale);
        if (decimals == 0) {
            return sb.toString();
        }
        sb.append('.');
        String frac = Long.toString(n % scale);
        for (int k = frac.length(); k < decimals; k++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }

    /** Parses a finite number typed by the user; null when the text is not one ({@link TypedNumber}). */
    public static Double parseFinite(String text) {
        return TypedNumber.parseFinite(text);
    }
}
