package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.trace.Equation;
import org.lstmlab.ui.debugger.Substitution.Kind;
import org.lstmlab.ui.debugger.Substitution.Token;

/**
 * What an equation's "Copy LaTeX" menu items put on the clipboard, for a teacher's slides: the equation as the
 * catalogue writes it ({@link org.lstmlab.engine.trace.EquationCatalogue}, never a copy), and the current
 * equation with its numbers as the substitution shows it, turned into LaTeX; and the name its picture is saved
 * under. No toolkit here.
 */
final class EquationCopies {
    /** The Unicode of the substitution's formulas, in LaTeX. */
    private static final Map<Character, String> SYMBOLS = Map.ofEntries(
            Map.entry('σ', "\\sigma "), Map.entry('δ', "\\delta "), Map.entry('·', " \\cdot "),
            Map.entry('⊙', " \\odot "), Map.entry('−', "-"), Map.entry('…', "\\ldots "), Map.entry('²', "^2"),
            Map.entry('Σ', "\\sum"));
    /** The readable time indices ({@link MathText}) back as the characters they stand for. */
    private static final String SUBSCRIPTS = "ₜ₀₁₂₃₄₅₆₇₈₉₊₋";
    private static final String PLAIN = "t0123456789+-";
    private static final String NEXT = "ⁿᵉˣᵗ";

    private EquationCopies() {
    }

    /** The equation in LaTeX, symbols only: the catalogue's own text. */
    static String latex(Equation equation) {
        return equation.latex();
    }

    /**
     * The equation with the numbers of the followed unit, as the substitution's formula lines show them (those
     * holding a number: a line of words is left out), in LaTeX; several lines are gathered one under the other.
     * Null when there is no substitution or it has no numbers.
     */
    static String withNumbers(Substitution s) {
        if (s == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < s.lines().size(); k++) {
            List<Token> line = s.lines().get(k);
            if (s.parts().get(k) == Substitution.Part.FORMULA && line.stream().anyMatch(EquationCopies::number)) {
                StringBuilder sb = new StringBuilder();
                for (Token t : line) {
                    sb.append(number(t) ? number(t.text()) : text(t.text()));
                }
                lines.add(sb.toString().replaceAll(" {2,}", " ").strip());
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        return lines.size() == 1 ? lines.get(0)
                : "\\begin{gathered}" + String.join(" \\\\ ", lines) + "\\end{gathered}";
    }

    private static boolean number(Token t) {
        return (t.kind() == Kind.VALUE || t.kind() == Kind.RESULT || t.kind() == Kind.FOLLOWED)
                && !Double.isNaN(t.value());
    }

    /** A number as shown ("(−0.279)", "−1.235e-7") in LaTeX: the ASCII minus, a power of ten written out. */
    static String number(String shown) {
        String s = shown.replace('−', '-');
        int e = s.indexOf('e') >= 0 ? s.indexOf('e') : s.indexOf('E');
        if (e < 0) {
            return s;
        }
        int end = s.endsWith(")") ? s.length() - 1 : s.length();
        String exponent = s.substring(e + 1, end);
        if (exponent.startsWith("+")) {
            exponent = exponent.substring(1);
        }
        return s.substring(0, e) + " \\times 10^{" + exponent + "}" + s.substring(end);
    }

    /**
     * Formula text in LaTeX: Greek letters, products and the minus sign as commands, subscripts ({@code a_i},
     * {@code W_hh}, the readable {@code cₜ₋₁}) and the {@code next} superscript braced, tanh and relu as operators.
     */
    static String text(String s) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (s.startsWith("tanh", k)) {
                out.append("\\tanh ");
                k += 4;
            } else if (s.startsWith("relu", k)) {
                out.append("\\mathrm{ReLU}");
                k += 4;
            } else if (s.startsWith(NEXT, k)) {
                out.append("^{\\mathrm{next}}");
                k += NEXT.length();
            } else if (SUBSCRIPTS.indexOf(c) >= 0) {
                int end = k;
                StringBuilder index = new StringBuilder();
                while (end < s.length() && SUBSCRIPTS.indexOf(s.charAt(end)) >= 0) {
                    index.append(PLAIN.charAt(SUBSCRIPTS.indexOf(s.charAt(end))));
                    end++;
                }
                out.append("_{").append(index).append('}');
                k = end;
            } else if (c == '_') {
                int end = k + 1;
                while (end < s.length() && Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) < 128) {
                    end++;
                }
                out.append(end == k + 1 ? "_" : "_{" + s.substring(k + 1, end) + "}");
                k = end;
            } else {
                out.append(SYMBOLS.getOrDefault(c, String.valueOf(c)));
                k++;
            }
        }
        return out.toString();
    }

    /**
     * The equation's result named for a file ({@code c_t}, {@code da_o_t}, {@code dh_t-1_next}): its left-hand
     * side in the catalogue's LaTeX without commands' backslashes, braces and spaces.
     */
    static String fileDetail(Equation equation) {
        String lhs = equation.latex().split("=", 2)[0];
        String s = lhs.replace("\\delta", "d").replace("\\mathrm", "").replace("\\odot", "")
                .replace("\\tilde", "").replace("^", "_").replace(",", "_");
        return s.replaceAll("[^A-Za-z0-9_+-]", "");
    }
}
