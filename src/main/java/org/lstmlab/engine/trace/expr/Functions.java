package org.lstmlab.engine.trace.expr;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.lstmlab.engine.trace.expr.ExprError.Kind;

/**
 * The functions an expression may call. Element-wise: abs, exp, log, sqrt, tanh, sigmoid, relu, sign, isnan,
 * isinf, isfinite. Reductions to one number: max, min, sum, mean, norm (Euclidean), any, all, len, argmax, argmin;
 * {@code max(a, b)} and {@code min(a, b)} with two arguments are element-wise.
 */
final class Functions {
    static final List<String> NAMES = List.of("abs", "exp", "log", "sqrt", "tanh", "sigmoid", "relu", "sign",
            "isnan", "isinf", "isfinite", "max", "min", "sum", "mean", "norm", "any", "all", "len", "argmax", "argmin");

    private Functions() {
    }

    /**
     * Refuses a call that can never run, whatever the trace: an unknown function or a wrong number of arguments
     * (one; {@code max} and {@code min} also take two). The parser calls it, so such a mistake is never added.
     */
    static void check(String name, int count, int position) {
        if (!NAMES.contains(name)) {
            throw new ExprError(Kind.UNKNOWN_FUNCTION, position, "unknown function '" + name + "'", name);
        }
        boolean pair = count == 2 && (name.equals("max") || name.equals("min"));
        if (count != 1 && !pair) {
            throw new ExprError(Kind.WRONG_ARGUMENT_COUNT, position, name + " takes one argument, got "
                    + count, name, 1, count);
        }
    }

    static Value call(String name, List<Value> args, int position) {
        check(name, args.size(), position);
        if (args.size() == 2) {
            return Evaluator.combine(args.get(0), args.get(1), name, position);
        }
        Value a = args.get(0);
        return switch (name) {
            case "abs" -> map(a, Math::abs, false);
            case "exp" -> map(a, Math::exp, false);
            case "log" -> map(a, Math::log, false);
            case "sqrt" -> map(a, Math::sqrt, false);
            case "tanh" -> map(a, Math::tanh, false);
            case "sigmoid" -> map(a, v -> 1 / (1 + Math.exp(-v)), false);
            case "relu" -> map(a, v -> Math.max(0, v), false);
            case "sign" -> map(a, Math::signum, false);
            case "isnan" -> map(a, v -> Double.isNaN(v) ? 1 : 0, true);
            case "isinf" -> map(a, v -> Double.isInfinite(v) ? 1 : 0, true);
            case "isfinite" -> map(a, v -> Double.isFinite(v) ? 1 : 0, true);
            default -> Value.of(reduce(name, a.data()));
        };
    }

    private static Value map(Value a, DoubleUnaryOperator f, boolean logical) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(a.data()[i]);
        }
        return new Value(out, a.scalar(), logical);
    }

    private static double reduce(String name, double[] v) {
        double acc = switch (name) {
            case "max" -> Double.NEGATIVE_INFINITY;
            case "min" -> Double.POSITIVE_INFINITY;
            case "all" -> 1;
            default -> 0;
        };
        int arg = 0;
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            switch (name) {
                case "max" -> acc = Double.isNaN(x) || Double.isNaN(acc) ? Double.NaN : Math.max(acc, x);
                case "min" -> acc = Double.isNaN(x) || Double.isNaN(acc) ? Double.NaN : Math.min(acc, x);
                case "sum", "mean" -> acc += x;
                case "norm" -> acc += x * x;
                case "any" -> acc = acc != 0 || x != 0 && !Double.isNaN(x) ? 1 : 0;
                case "all" -> acc = acc != 0 && x != 0 && !Double.isNaN(x) ? 1 : 0;
                case "argmax" -> arg = x > v[arg] ? i : arg;
                case "argmin" -> arg = x < v[arg] ? i : arg;
                default -> { }
            }
        }
        return switch (name) {
            case "mean" -> acc / v.length;
            case "norm" -> Math.sqrt(acc);
            case "len" -> v.length;
            case "argmax", "argmin" -> arg;
            default -> acc;
        };
    }
}
