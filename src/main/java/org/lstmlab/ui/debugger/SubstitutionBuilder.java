package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.debugger.Substitution.Kind;
import org.lstmlab.ui.debugger.Substitution.Token;

/**
 * Fills an equation with the trace's numbers: first the equation for the followed unit, then every vector it reads
 * or writes, then the weight rows (or, backward, columns) involved. Long vectors are shortened to their first and
 * last units and the followed unit with its neighbours. A token's text is for display (a negative number with the
 * minus sign −, {@link Numbers#display}); its value is the number itself.
 */
public final class SubstitutionBuilder {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)\\}");
    private static final int SHORT = 10;

    private SubstitutionBuilder() {
    }

    /**
     * The equation at the cursor with its numbers substituted, for {@code unit}; {@code symbols} (one per timestep,
     * null where there is none) names what the input of layer 0 encodes, and is shown after the {@code x} line,
     * e.g. {@code x = [0, 1, 0, …]   'good'}; {@code columns} (a CSV file's input columns, or empty) names the
     * entries of that {@code x}, e.g. {@code x = [0.87, −0.55]   (temp, load)}, when they all fit on the line.
     */
    public static Substitution build(Trace trace, Cursor cursor, int unit, Equation eq, List<String> symbols,
                                     List<String> columns) {
        List<List<Token>> lines = new ArrayList<>();
        List<Substitution.Part> parts = new ArrayList<>();
        int layer = cursor.layer();
        int t = cursor.t();
        int j = Math.max(0, Math.min(unit, trace.hiddenSize() - 1));
        List<String> formulas = UnitFormulas.of(eq.id());
        for (int k = 0; k < formulas.size(); k++) {
            lines.add(formula(trace, layer, t, j, formulas.get(k), k == 0));
            parts.add(Substitution.Part.FORMULA);
        }
        for (List<Token> line : PreActivation.lines(trace, eq, layer, t, j)) {
            lines.add(line);
            parts.add(Substitution.Part.PRE_ACTIVATION);
        }
        Set<String> vectors = new LinkedHashSet<>();
        vectors.addAll(eq.inputs());
        vectors.addAll(eq.intermediates());
        vectors.add(eq.output());
        for (String s : vectors) {
            if (readable(trace, s)) {
                List<Token> line = vectorLine(s, trace.vector(s, layer, t, 0), unitFor(trace, s, layer, j));
                if (s.equals("x") && layer == 0 && t < symbols.size() && symbols.get(t) != null) {
                    line.add(Token.text("   '" + symbols.get(t) + "'"));
                } else if (s.equals("x") && layer == 0 && !columns.isEmpty()
                        && columns.size() == trace.layer(0).inputSize() && columns.size() <= SHORT) {
                    line.add(Token.text("   (" + String.join(", ", columns) + ")"));
                }
                lines.add(line);
                parts.add(eq.inputs().contains(s) ? Substitution.Part.OPERAND : Substitution.Part.COMPUTED);
            }
        }
        for (String s : eq.inputs()) {
            if (s.startsWith("W_") || s.startsWith("b_")) {
                lines.add(weightLine(trace.weights(layer, s), s, j, eq.direction() == org.lstmlab.engine.trace
                        .Direction.BACKWARD, Math.min(j, trace.layer(layer).inputSize() - 1)));
                parts.add(Substitution.Part.WEIGHT);
            }
        }
        return new Substitution(lines.stream().map(SubstitutionBuilder::withReadableIndices).toList(), parts);
    }

    /** The line with its text in {@link MathText#readable} form (cₜ₋₁, not {@code c_{t−1}}). */
    private static List<Token> withReadableIndices(List<Token> line) {
        List<Token> out = new ArrayList<>(line.size());
        for (Token k : line) {
            String text = MathText.readable(k.text());   // trace symbols (h_prev, dh_next) have no time index
            out.add(text.equals(k.text()) ? k : new Token(text, k.kind(), k.symbol(), k.unit(), k.col(), k.value()));
        }
        return out;
    }

    static boolean readable(Trace trace, String s) {
        return trace.has(s) && !(s.equals("da") && trace.cell().isGru());
    }

    /** The unit index that stands for the followed unit in a vector of this symbol (x and dx have D entries). */
    static int unitFor(Trace trace, String symbol, int layer, int j) {
        return Math.min(j, trace.size(symbol, layer) - 1);
    }

    private static List<Token> formula(Trace trace, int layer, int t, int j, String template, boolean first) {
        List<Token> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        int lastPlaceholder = -1;
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (!spans.isEmpty()) {
            lastPlaceholder = spans.size() - 1;
        }
        for (int k = 0; k < spans.size(); k++) {
            int[] sp = spans.get(k);
            out.add(Token.text(template.substring(last, sp[0]).replace("#", Integer.toString(j))));
            String sym = template.substring(sp[0] + 1, sp[1] - 1);
            int u = unitFor(trace, sym, layer, j);
            double v = trace.vector(sym, layer, t, 0)[u];
            Kind kind = first && k == lastPlaceholder ? Kind.RESULT : Kind.VALUE;
            String text = Numbers.display(v);
            boolean bracketed = sp[0] > 0 && template.charAt(sp[0] - 1) == '(' && sp[1] < template.length()
                    && template.charAt(sp[1]) == ')';
            out.add(new Token(kind == Kind.VALUE && v < 0 && !bracketed ? "(" + text + ")" : text, kind, sym, u, -1,
                    v));
            last = sp[1];
        }
        out.add(Token.text(template.substring(last).replace("#", Integer.toString(j))));
        return out;
    }

    /** {@code name = [v0, v1, …, vj, …, vn]} with the followed unit marked. */
    static List<Token> vectorLine(String name, double[] v, int focus) {
        List<Token> out = new ArrayList<>();
        out.add(new Token(name, Kind.SYMBOL, name, -1, -1, Double.NaN));
        out.add(Token.text(" = ["));
        appendEntries(out, v, focus, name, -1, false);
        out.add(Token.text("]"));
        return out;
    }

    private static List<Token> weightLine(GateView w, String name, int j, boolean column, int inputUnit) {
        List<Token> out = new ArrayList<>();
        if (w.cols() == 1) {
            out.add(new Token(name + "[" + j + "]", Kind.SYMBOL, name, -1, -1, Double.NaN));
            out.add(Token.text(" = "));
            double v = w.get(j, 0);
            out.add(new Token(Numbers.display(v), Kind.WEIGHT, name, j, 0, v));
            return out;
        }
        if (column) {
            int col = name.equals("W_ih") ? inputUnit : j;
            double[] v = new double[w.rows()];
            for (int r = 0; r < v.length; r++) {
                v[r] = w.get(r, col);
            }
            out.add(new Token(name + "[:, " + col + "]", Kind.SYMBOL, name, -1, -1, Double.NaN));
            out.add(Token.text(" = ["));
            appendEntries(out, v, -1, name, col, true);
        } else {
            out.add(new Token(name + "[" + j + ", :]", Kind.SYMBOL, name, -1, -1, Double.NaN));
            out.add(Token.text(" = ["));
            appendEntries(out, w.row(j), -1, name, j, false);
        }
        out.add(Token.text("]"));
        return out;
    }

    /**
     * Appends the shown entries. For weights, {@code fixed} is the row (or, with {@code byColumn}, the column) and
     * each entry is one weight token.
     */
    private static void appendEntries(List<Token> out, double[] v, int focus, String name, int fixed,
                                      boolean byColumn) {
        int prev = -1;
        for (int i : shown(v.length, focus)) {
            if (prev >= 0) {
                out.add(Token.text(i == prev + 1 ? ", " : ", "));
            }
            if (i > prev + 1) {
                out.add(new Token("…", Kind.ELLIPSIS, name, -1, -1, Double.NaN));
                out.add(Token.text(", "));
            }
            String text = Numbers.display(v[i]);
            if (fixed >= 0) {
                int row = byColumn ? i : fixed;
                int col = byColumn ? fixed : i;
                out.add(new Token(text, Kind.WEIGHT, name, row, col, v[i]));
            } else {
                out.add(new Token(text, i == focus ? Kind.FOLLOWED : Kind.VALUE, name, i, -1, v[i]));
            }
            prev = i;
        }
        if (prev < v.length - 1) {
            out.add(Token.text(", "));
            out.add(new Token("…", Kind.ELLIPSIS, name, -1, -1, Double.NaN));
        }
    }

    /** Which indices of a vector of n values are shown: all when short, else the ends and the focus. */
    static List<Integer> shown(int n, int focus) {
        if (n <= SHORT) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            return all;
        }
        TreeSet<Integer> s = new TreeSet<>(List.of(0, 1, 2, n - 2, n - 1));
        if (focus >= 0) {
            for (int i = focus - 1; i <= focus + 1; i++) {
                if (i >= 0 && i < n) {
                    s.add(i);
                }
            }
        }
        return new ArrayList<>(s);
    }
}
