package org.lstmlab.engine.lessons;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a number the engine computed is written into a lesson's text: {@code {{name}}} with four significant digits
 * (whole numbers as they are), or {@code {{name:FORMAT}}} with FORMAT one of {@code .Ng} (N significant digits),
 * {@code .Nf} (N decimals), {@code .Ne} (scientific), {@code .N%} (a fraction as a percentage) or {@code d} (a whole
 * number with thousands separators).
 */
public final class QuotedNumbers {
    private static final Pattern FORMAT = Pattern.compile("\\.(\\d)([gfe%])|d");

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
            case "%" -> minus(String.format(Locale.ROOT, "%." + n + "f", 100 * v)) + "%";
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

    /** Numbers keep the ASCII minus, so that they also work inside LaTeX. */
    private static String minus(String s) {
        return s;
    }

    /** The text with every {@code {{name}}} replaced by its number; an unknown name is an error. */
    public static String fill(String text, Map<String, Double> numbers) {
        Matcher m = LessonReader.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Double v = numbers.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("{{" + m.group(1) + "}} has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(v, m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
