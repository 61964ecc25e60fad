package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers typed into a lesson's text that look like the engine's results: a decimal with three or more significant
 * digits, e.g. "$z_3[0] = 0.350$", outside placeholders, code spans and code blocks. A lesson quotes such a number
 * as a placeholder, {@code {{z3:.3f}}}, so that it cannot disagree with the engine; settings a teacher chose
 * ("a learning rate of 0.01", "within 0.0025 of 1") have fewer digits and are left alone.
 */
final class TypedNumbers {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.{])\\d+\\.\\d+(?!\\w|\\.\\d|})");
    private static final Pattern CODE = Pattern.compile("(?s)```.*?```|`[^`\\n]*`|\\{\\{[^}]*\\}\\}");

    private TypedNumbers() {
    }

    /**
     * One sentence for each such number in {@code text}: the number, and the lesson's number nearest to it when one
     * is within a quarter of it, so that a number copied from an older run or computed by hand names what the
     * engine measures now.
     */
    static List<String> in(String text, Map<String, Double> numbers) {
        List<String> out = new ArrayList<>();
        for (String typed : numbers(text)) {
            double v = Double.parseDouble(typed);
            String nearest = null;
            double best = 0.25;
            for (Map.Entry<String, Double> e : numbers.entrySet()) {
                double d = Math.abs(e.getValue() - v) / Math.max(Math.abs(v), 1e-12);
                if (d <= best) {
                    best = d;
                    nearest = e.getKey();
                }
            }
            String format = ".%df".formatted(typed.length() - typed.indexOf('.') - 1);
            String hint = nearest == null ? "" : String.format(Locale.ROOT, " (the engine's %s is %s: {{%s:%s}})",
                    nearest, QuotedNumbers.format(numbers.get(nearest), format), nearest, format);
            out.add("the number " + typed + " is typed in" + hint + "; a number the engine computes is written as a "
                    + "placeholder, defined under values, so that it always agrees with the engine");
        }
        return out;
    }

    /** The numbers typed into {@code text} where a placeholder belongs, as typed, in their order. */
    static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(CODE.matcher(text).replaceAll(" "));
        while (m.find()) {
            if (m.group().replace(".", "").replaceFirst("^0+", "").length() >= 3) {
                out.add(m.group());
            }
        }
        return out;
    }
}
