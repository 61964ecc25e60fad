package org.lstmlab.ui.learn;

/** A numeric answer as students type it into a lesson's exercise. */
final class TypedNumbers {
    private TypedNumbers() {
    }

    /**
     * The number, or null: a comma for the decimal point and a Unicode minus are accepted, and so is what a Chinese
     * input method types (full-width digits and signs, {@code ０．５}, the full stop {@code 。} and comma
     * {@code ，} for the point). Only plain decimal notation counts: not Java's {@code 1d}, {@code NaN} or hex.
     */
    static Double parse(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c));  // full-width
        String t = b.toString().strip().replace('\u2212', '-').replace('\u3002', '.').replace('\uff61', '.');
        if (t.matches("-?\\d+,\\d+")) {
            t = t.replace(',', '.');
        }
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }
}
