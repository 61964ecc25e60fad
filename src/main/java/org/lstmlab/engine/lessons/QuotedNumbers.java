package org.lstmlab.engine.lessons;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a number the engine computed is written into a lesson's text: {@code {{name}}} with four significant digits
 * (whole numbers as they are), or {@code {{name:FORMAT}}} with FORMAT one of {@code .Ng} (N significant digits),
 * {@code .Nf} (N decimals), {@code .Ne} (scientific), {@code .N%} (a fraction as a percentage: "97.6 %", with the
 * space before the sign that the app writes everywhere) or {@code d} (a whole number with thousands separators).
 */
public final class QuotedNumbers {
    private static final Pattern FORMAT = Pattern.compile("\\.(\\d)([gfe%])|d");
    /**
     * Formulas and code spans in a line of prose, as the Learn tab reads them (bold is matched too, since it is
     * read first where the two overlap, but it stays prose).
     */
    private static final Pattern SPANS = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(.+?)\\$|\\*\\*(.+?)\\*\\*|`([^`]+)`");

    private QuotedNumbers() {
    }

    static boolean validFormat(String f) {
        return FORMAT.matcher(f.strip()).matches();
    }

    /** Writes {@code v} in the format (null or empty for the default). */
    public static String format(double v, String format) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        String f = format == null ? "" : format.strip();
        if (f.isEmpty()) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : significant(v, 4);
        }
        if (f.equals("d")) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        Matcher m = FORMAT.matcher(f);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown number format '" + f + "'");
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "f" -> minus(String.format(Locale.ROOT, "%." + n + "f", v));
            case "%" -> minus(String.format(Locale.ROOT, "%." + n + "f", 100 * v)) + " %";
            case "e" -> scientific(v, n);
            default -> significant(v, Math.max(1, n));
        };
    }

    private static String significant(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            String s = new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                    .toPlainString();
            return minus(s);
        }
        return scientific(v, digits - 1);
    }

    private static String scientific(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        return minus(mantissa) + "e" + Integer.toString(exp);
    }

    /** A number on its own keeps the ASCII minus (it also works inside LaTeX, and students type it); see fill. */
    private static String minus(String s) {
        return s;
    }

    /**
     * The text with every {@code {{name}}} replaced by its number; an unknown name is an error. A negative number
     * in prose gets the minus sign − that the prose writes; in a formula, a code span or a code block it keeps the
     * ASCII '-' (LaTeX draws that as a minus; code is what one types).
     */
    public static String fill(String text, Map<String, Double> numbers) {
        boolean[] literal = literal(text);
        Matcher m = LessonReader.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Double v = numbers.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("{{" + m.group(1) + "}} has no value");
            }
            String n = format(v, m.group(2));
            if (!literal[m.start()] && n.startsWith("-")) {
                n = "\u2212" + n.substring(1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(n));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Which characters of the text are in a formula, a code span or a code block (lines between ```). */
    private static boolean[] literal(String text) {
        boolean[] literal = new boolean[text.length()];
        boolean block = false;
        int start = 0;
        for (String line : text.split("\n", -1)) {
            boolean fence = line.strip().startsWith("```");
            block ^= fence;
            if (fence || block) {
                java.util.Arrays.fill(literal, start, start + line.length(), true);
            } else {
                Matcher m = SPANS.matcher(line);
                while (m.find()) {
                    if (m.group(3) == null) {
                        java.util.Arrays.fill(literal, start + m.start(), start + m.end(), true);
                    }
                }
            }
            start += line.length() + 1;
        }
        return literal;
    }
}
