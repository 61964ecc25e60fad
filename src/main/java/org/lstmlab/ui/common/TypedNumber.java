package org.lstmlab.ui.common;

/**
 * A number as a user types it into any field of the app: what a Chinese input method types counts as its plain
 * form (full-width digits, signs and letters such as {@code ５０}, {@code －１.５}, {@code ０．５}, the full stop
 * {@code 。} for the point), and so does the minus sign {@code −}. Only plain decimal notation is a number: not
 * Java's {@code 1d}, hexadecimal, {@code NaN} or infinities.
 */
public final class TypedNumber {
    private TypedNumber() {
    }

    /** The text in plain characters, without surrounding spaces (full-width forms, {@code −} and {@code 。}). */
    public static String plain(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c));
        return b.toString().strip().replace('\u2212', '-').replace('\u3002', '.').replace('\uff61', '.');
    }

    /** The finite number the text is, or null (not a number, NaN, too large for a double). */
    public static Double parseFinite(String text) {
        if (text == null) {
            return null;
        }
        String s = plain(text);
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }
}
