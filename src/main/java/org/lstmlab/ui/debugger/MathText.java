package org.lstmlab.ui.debugger;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time indices of the catalogue's plain-text formulas written as a reader expects them on screen: {@code c_{t−1}}
 * becomes cₜ₋₁, {@code x_t} xₜ, {@code δh_t^next} δhₜⁿᵉˣᵗ. Subscripts that name a gate or a weight ({@code W_hf},
 * {@code da_n}) stay as they are: they are the trace symbols a watch or breakpoint is typed with.
 */
final class MathText {
    /** {@code _{t−1}}, {@code _{t+1}}, {@code _{10}}: a braced time index or number. */
    private static final Pattern BRACED = Pattern.compile("_\\{(t?(?:[−+-]\\d+)?|\\d+)\\}");
    /** {@code _t} or {@code _1} standing alone (not the start of a longer name such as {@code _tanh}). */
    private static final Pattern SINGLE = Pattern.compile("_([t0-9])(?![A-Za-z0-9_])");
    private static final String FROM = "t0123456789+-−";
    private static final String TO = "ₜ₀₁₂₃₄₅₆₇₈₉₊₋₋";

    private MathText() {
    }

    static String readable(String s) {
        if (s.indexOf('_') < 0 && s.indexOf('^') < 0) {
            return s;
        }
        String out = replace(BRACED, s);
        out = replace(SINGLE, out);
        return out.replace("^next", "ⁿᵉˣᵗ");
    }

    private static String replace(Pattern p, String s) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(subscript(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String subscript(String index) {
        StringBuilder sb = new StringBuilder(index.length());
        for (char c : index.toCharArray()) {
            sb.append(TO.charAt(FROM.indexOf(c)));
        }
        return sb.toString();
    }
}
