package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.debugger.Substitution.Kind;
import org.lstmlab.ui.debugger.Substitution.Token;

/**
 * The pre-activation of the followed unit written out with its numbers, so that nobody has to do the dot products
 * by hand: {@code W[j,:]·x_t} and {@code U[j,:]·h_{t−1}} as their terms (the first three and the last two of a long
 * vector), then {@code a = W·x + b + U·h + b} with the four numbers, ending in the engine's own value. The two
 * products are the only numbers the debugger computes itself; {@link #parts} returns them so that a test can check
 * that they add up to the engine's pre-activation.
 */
final class PreActivation {
    /** Vectors up to this long are written out in full. */
    static final int ALL_TERMS = 6;

    /** Which weights and which trace symbol make the pre-activation of an equation. */
    private record Names(String wx, String bx, String wh, String bh, String sum, String label) {
    }

    private PreActivation() {
    }

    /**
     * The weights and the pre-activation of a forward equation, read from the equation itself: the weights it
     * reads ({@code W_i?}, {@code b_i?}, {@code W_h?}, {@code b_h?}) and the pre-activation it computes on the way
     * ({@code a_?}, or the simple RNN's {@code a}); null for an equation without one.
     */
    private static Names names(Equation eq) {
        if (eq.direction() != Direction.FORWARD || eq.intermediates().contains("gi_n")) {
            return null;
        }
        String wx = first(eq.inputs(), "W_i");
        String bx = first(eq.inputs(), "b_i");
        String wh = first(eq.inputs(), "W_h");
        String bh = first(eq.inputs(), "b_h");
        String sum = eq.intermediates().stream().filter(s -> s.equals("a") || s.startsWith("a_")).findFirst()
                .orElse(null);
        if (wx == null || bx == null || wh == null || bh == null || sum == null) {
            return null;
        }
        return new Names(wx, bx, wh, bh, sum, sum.equals("a") ? "a_t" : sum);
    }

    /**
     * The vector the recurrent weights multiply: h_{t−1}, or for the GRU that resets before the product (Cho et al.
     * 2014, Keras' {@code reset_after=False}) the candidate's r_t ⊙ h_{t−1}.
     */
    private static String recurrent(Equation eq) {
        return eq.intermediates().contains("r_h") ? "r_h" : "h_prev";
    }

    private static String first(List<String> names, String prefix) {
        return names.stream().filter(n -> n.startsWith(prefix)).findFirst().orElse(null);
    }

    /** The lines for an equation at layer, t (0-based) and unit j; none for an equation without a pre-activation. */
    static List<List<Token>> lines(Trace trace, Equation equation, int layer, int t, int j) {
        List<List<Token>> out = new ArrayList<>();
        if (equation.direction() == Direction.FORWARD && equation.intermediates().contains("gi_n")) {
            double[] x = trace.vector("x", layer, t, 0);
            String rec = recurrent(equation);
            double[] h = trace.vector(rec, layer, t, 0);
            String name = rec.equals("r_h") ? "(r_t ⊙ h_{t−1})" : "h_{t−1}";
            out.add(product(trace.weights(layer, "W_in"), j, x, "x", "x_t"));
            out.add(sum("gi_n", j, trace.weights(layer, "W_in"), trace.weights(layer, "b_in"), x, "x",
                    trace.value("gi_n", layer, t, 0, j)));
            out.add(product(trace.weights(layer, "W_hn"), j, h, rec, name));
            out.add(sum("gh_n", j, trace.weights(layer, "W_hn"), trace.weights(layer, "b_hn"), h, rec,
                    trace.value("gh_n", layer, t, 0, j)));
            return out;
        }
        Names n = names(equation);
        if (n == null) {
            return out;
        }
        double[] x = trace.vector("x", layer, t, 0);
        double[] h = trace.vector("h_prev", layer, t, 0);
        GateView wx = trace.weights(layer, n.wx());
        GateView wh = trace.weights(layer, n.wh());
        out.add(product(wx, j, x, "x", "x_t"));
        out.add(product(wh, j, h, "h_prev", "h_{t−1}"));
        double bx = trace.weights(layer, n.bx()).get(j, 0);
        double bh = trace.weights(layer, n.bh()).get(j, 0);
        List<Token> line = new ArrayList<>();
        line.add(new Token(n.label() + "[" + j + "]", Kind.SYMBOL, n.sum(), -1, -1, Double.NaN));
        line.add(Token.text(" = "));
        line.add(value(dot(wx, j, x), null, -1, false));
        line.add(Token.text(" + "));
        line.add(new Token(bracket(bx), Kind.WEIGHT, n.bx(), j, 0, bx));
        line.add(Token.text(" + "));
        line.add(value(dot(wh, j, h), null, -1, true));
        line.add(Token.text(" + "));
        line.add(new Token(bracket(bh), Kind.WEIGHT, n.bh(), j, 0, bh));
        line.add(Token.text(" = "));
        line.add(value(trace.value(n.sum(), layer, t, 0, j), n.sum(), j, false));
        out.add(line);
        return out;
    }

    /**
     * The numbers the lines add for an equation with a pre-activation, at (layer, t, j): {W·x, b_x, U·h, b_h}
     * (for the GRU candidate: {W_in·x, b_in, W_hn·h, b_hn}); null for other equations.
     */
    static double[] parts(Trace trace, Equation equation, int layer, int t, int j) {
        Names n = equation.direction() == Direction.FORWARD && equation.intermediates().contains("gi_n")
                ? new Names("W_in", "b_in", "W_hn", "b_hn", null, null) : names(equation);
        if (n == null) {
            return null;
        }
        return new double[] {dot(trace.weights(layer, n.wx()), j, trace.vector("x", layer, t, 0)),
            trace.weights(layer, n.bx()).get(j, 0),
            dot(trace.weights(layer, n.wh()), j, trace.vector(recurrent(equation), layer, t, 0)),
            trace.weights(layer, n.bh()).get(j, 0)};
    }

    /** {@code Σ_k W[j,k]·v[k] = w0·v0 + w1·v1 + ⋯ + w(n−1)·v(n−1) = s}. */
    private static List<Token> product(GateView w, int j, double[] v, String symbol, String vectorName) {
        List<Token> line = new ArrayList<>();
        line.add(new Token(w.name() + "[" + j + ",:]·" + vectorName, Kind.SYMBOL, w.name(), -1, -1, Double.NaN));
        line.add(Token.text(" = "));
        List<Integer> shown = terms(v);
        int prev = -1;
        for (int k : shown) {
            if (prev >= 0) {
                line.add(Token.text(" + "));
            }
            if (k > prev + 1) {
                line.add(new Token("⋯", Kind.ELLIPSIS, w.name(), -1, -1, Double.NaN));
                line.add(Token.text(" + "));
            }
            double wk = w.get(j, k);
            line.add(new Token(bracket(wk), Kind.WEIGHT, w.name(), j, k, wk));
            line.add(Token.text("·"));
            line.add(value(v[k], symbol, symbol.equals("x") ? -1 : k, true));
            prev = k;
        }
        if (prev < v.length - 1) {
            line.add(Token.text(" + "));
            line.add(new Token("⋯", Kind.ELLIPSIS, w.name(), -1, -1, Double.NaN));
        }
        line.add(Token.text(" = "));
        line.add(value(dot(w, j, v), null, -1, false));
        if (shown.size() < v.length) {
            line.add(Token.text("   (k = 0, …, " + (v.length - 1) + ")"));
        }
        return line;
    }

    /** {@code gi_n[j] = W·x + b = s}: the GRU candidate's two sums, each with its own bias. */
    private static List<Token> sum(String symbol, int j, GateView w, GateView b, double[] v, String vSymbol,
                                   double engine) {
        List<Token> line = new ArrayList<>();
        line.add(new Token(symbol + "[" + j + "]", Kind.SYMBOL, symbol, -1, -1, Double.NaN));
        line.add(Token.text(" = "));
        line.add(value(dot(w, j, v), null, -1, false));
        line.add(Token.text(" + "));
        double bj = b.get(j, 0);
        line.add(new Token(bracket(bj), Kind.WEIGHT, b.name(), j, 0, bj));
        line.add(Token.text(" = "));
        line.add(value(engine, symbol, j, false));
        return line;
    }

    /**
     * Which terms of a product with {@code v} are written: all of a short one; of a long one whose other entries are
     * zero (a one-hot input) the non-zero ones, which make the whole sum; else the first three and the last two.
     */
    static List<Integer> terms(double[] v) {
        int n = v.length;
        List<Integer> k = new ArrayList<>();
        List<Integer> nonZero = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (v[i] != 0) {
                nonZero.add(i);
            }
        }
        if (n > ALL_TERMS && !nonZero.isEmpty() && nonZero.size() <= ALL_TERMS - 1) {
            return nonZero;
        }
        for (int i = 0; i < n; i++) {
            if (n <= ALL_TERMS || i < 3 || i >= n - 2) {
                k.add(i);
            }
        }
        return k;
    }

    private static double dot(GateView w, int j, double[] v) {
        double s = 0;
        for (int k = 0; k < v.length; k++) {
            s += w.get(j, k) * v[k];
        }
        return s;
    }

    private static Token value(double v, String symbol, int unit, boolean bracketed) {
        return new Token(bracketed ? bracket(v) : Numbers.display(v), Kind.VALUE, symbol, unit, -1, v);
    }

    /** A negative number in brackets, so that {@code 0.5·(−0.2)} reads right. */
    private static String bracket(double v) {
        String s = Numbers.display(v);
        return v < 0 ? "(" + s + ")" : s;
    }
}
