package org.lstmlab.engine.trace.expr;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.trace.expr.ExprError.Kind;

/**
 * Evaluates an {@link Expr} in a {@link Scope}. Arithmetic and comparisons work element by element; a scalar
 * combines with every element of a vector; two vectors must have the same length. Indices are 0-based.
 * Constants: {@code pi}, {@code nan}, {@code inf}.
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static Value evaluate(Expr e, Scope scope) {
        if (e instanceof Expr.Num n) {
            return Value.of(n.value());
        }
        if (e instanceof Expr.Name n) {
            return switch (n.name()) {
                case "pi" -> Value.of(Math.PI);
                case "nan" -> Value.of(Double.NaN);
                case "inf" -> Value.of(Double.POSITIVE_INFINITY);
                default -> scope.value(n.name());
            };
        }
        if (e instanceof Expr.Index i) {
            return index(i, scope);
        }
        if (e instanceof Expr.Unary u) {
            Value a = evaluate(u.operand(), scope);
            double[] out = new double[a.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = u.op().equals("-") ? -a.data()[k] : (a.data()[k] != 0 && !Double.isNaN(a.data()[k]) ? 0 : 1);
            }
            return new Value(out, a.scalar(), u.op().equals("!"));
        }
        if (e instanceof Expr.Binary b) {
            return combine(evaluate(b.left(), scope), evaluate(b.right(), scope), b.op(), -1);
        }
        Expr.Call c = (Expr.Call) e;
        List<Value> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(evaluate(a, scope));
        }
        return Functions.call(c.function(), args, -1);
    }

    private static Value index(Expr.Index i, Scope scope) {
        List<Integer> idx = new ArrayList<>();
        for (Expr x : i.indices()) {
            double v = evaluate(x, scope).asScalar();
            if (v != Math.rint(v)) {
                throw new ExprError(Kind.INDEX_NOT_INTEGER, -1, "index " + v + " is not a whole number", v);
            }
            idx.add((int) v);
        }
        Scope.Matrix m = i.target() instanceof Expr.Name n ? scope.matrix(n.name()) : null;
        if (m != null) {
            int row = check(idx.get(0), m.rows());
            if (idx.size() == 1) {
                double[] out = new double[m.cols()];
                for (int col = 0; col < out.length; col++) {
                    out[col] = m.get(row, col);
                }
                return Value.vector(out);
            }
            return Value.of(m.get(row, check(idx.get(1), m.cols())));
        }
        if (idx.size() == 2) {
            throw new ExprError(Kind.NOT_A_MATRIX, -1, "two indices need a weight matrix such as W_if[row, col]");
        }
        Value v = evaluate(i.target(), scope);
        return Value.of(v.data()[check(idx.get(0), v.size())]);
    }

    private static int check(int index, int size) {
        if (index < 0 || index >= size) {
            throw new ExprError(Kind.INDEX_OUT_OF_RANGE, -1, "index " + index + " is outside 0.." + (size - 1), index,
                    size - 1);
        }
        return index;
    }

    static Value combine(Value a, Value b, String op, int position) {
        if (!a.scalar() && !b.scalar() && a.size() != b.size()) {
            throw new ExprError(Kind.SIZE_MISMATCH, position, "cannot combine vectors of " + a.size() + " and "
                    + b.size() + " values", a.size(), b.size());
        }
        int n = Math.max(a.size(), b.size());
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double x = a.data()[a.scalar() ? 0 : k];
            double y = b.data()[b.scalar() ? 0 : k];
            out[k] = apply(op, x, y);
        }
        boolean logical = switch (op) {
            case "<", "<=", ">", ">=", "==", "!=", "&&", "||" -> true;
            default -> false;
        };
        return new Value(out, a.scalar() && b.scalar(), logical);
    }

    private static double apply(String op, double x, double y) {
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> x / y;
            case "^" -> Math.pow(x, y);
            case "max" -> Math.max(x, y);
            case "min" -> Math.min(x, y);
            case "<" -> x < y ? 1 : 0;
            case "<=" -> x <= y ? 1 : 0;
            case ">" -> x > y ? 1 : 0;
            case ">=" -> x >= y ? 1 : 0;
            case "==" -> x == y ? 1 : 0;
            case "!=" -> x != y ? 1 : 0;
            case "&&" -> truthy(x) && truthy(y) ? 1 : 0;
            case "||" -> truthy(x) || truthy(y) ? 1 : 0;
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    private static boolean truthy(double v) {
        return v != 0 && !Double.isNaN(v);
    }
}
