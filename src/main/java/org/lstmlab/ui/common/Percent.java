package org.lstmlab.ui.common;

import java.util.Locale;

/**
 * Percentages as the app writes them, "64.8 %", with a no-break space (U+00A0) before the sign: a narrow pane then
 * never leaves "64.8" at the end of one line and "%" alone at the start of the next.
 */
public final class Percent {
    /** The space between a number and its %. */
    private static final String SPACE = "\u00a0";

    private Percent() {
    }

    /** {@code fraction} (0.648) as a percentage with {@code decimals} digits after the point ("64.8 %"). */
    public static String of(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", 100 * fraction) + SPACE + "%";
    }

    /** {@code text} with the space between a digit and a following % made no-break ("14.0 %" stays whole). */
    public static String keepTogether(String text) {
        return text.replaceAll("(\\d) %", "$1" + SPACE + "%");
    }
}
