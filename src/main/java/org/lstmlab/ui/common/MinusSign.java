package org.lstmlab.ui.common;

import java.util.regex.Pattern;

/**
 * Negative numbers as the user reads them: with the minus sign − (U+2212), as the lessons' prose and the debugger's
 * substitution panel write them, not the hyphen '-'. An exponent's sign stays '-' (−1.257e-16), and so does a
 * hyphen between words. For display only: what is typed, saved, exported or shown as code keeps the ASCII '-' (and
 * a typed − reads as '-', {@link TypedNumber}).
 */
public final class MinusSign {
    /** A number's sign: a '-' after no letter, digit or point, before a digit, a point, ∞ or "inf". */
    private static final Pattern NEGATIVE = Pattern.compile("(?<![\\p{L}\\p{N}.])-(?=[\\d.\u221e]|inf)");

    private MinusSign() {
    }

    /**
     * The text with the minus sign − for every number's ASCII sign in it: {@code [0.5, -1.2e-5]} as
     * [0.5, −1.2e-5].
     */
    public static String of(String text) {
        return NEGATIVE.matcher(text).replaceAll("\u2212");
    }
}
