package org.lstmlab.ui.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers in scientific notation as the engine and the lessons write them ({@code 4.77e-08}, {@code 4.67e-6})
 * drawn as a reader expects, 4.77 × 10⁻⁸: in a formula as LaTeX (the Learn tab's prose), in running text with
 * superscript digits (the Train tab's checkup). In text the spaces around × do not break, so a narrow pane wraps the
 * line before or after the number, never inside it (it used to wrap 4.77e-08 at its hyphen).
 */
public final class ScientificNumbers {
    /**
     * A number in scientific notation: digits, e, an exponent; not the e of e^{a} or of a word, and not followed by
     * more digits (a full stop after it ends a sentence).
     */
    private static final Pattern SCIENTIFIC =
            Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)e([+-]?\\d+)(?!\\w|\\.\\d)");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    /** U+00A0: a space that does not break (every font has it). */
    private static final String KEEP = "\u00a0";

    private ScientificNumbers() {
    }

    /** {@code x = 4.67e-6} as {@code x = 4.67 \times 10^{-6}}; the rest of the formula as it is. */
    public static String latex(String formula) {
        return replace(formula, (mantissa, exponent) -> mantissa + " \\times 10^{" + exponent + "}");
    }

    /** "is 4.77e-08 times" as "is 4.77 × 10⁻⁸ times", the spaces around × not breaking; the rest as it is. */
    public static String text(String text) {
        return replace(text, (mantissa, exponent) -> mantissa + KEEP + "×" + KEEP + "10" + superscript(exponent));
    }

    /** An exponent in superscript digits, {@code -8} as ⁻⁸. */
    public static String superscript(int e) {
        StringBuilder sb = new StringBuilder();
        if (e < 0) {
            sb.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }

    private interface Power {
        String write(String mantissa, int exponent);
    }

    private static String replace(String s, Power power) {
        Matcher m = SCIENTIFIC.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int exponent = Integer.parseInt(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(power.write(m.group(1), exponent)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
