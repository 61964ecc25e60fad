package org.lstmlab.engine.trace.expr;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The syntax tree of a breakpoint condition or a watch expression, as {@link ExprParser} builds it. Names stand for
 * trace symbols ({@code f}, {@code c}, {@code dh}), weight blocks ({@code W_if}) or the position ({@code t},
 * {@code layer}); a {@link Scope} gives them values when {@link Evaluator} runs.
 */
public sealed interface Expr {

    /** A number literal. */
    record Num(double value) implements Expr {
    }

    /** A name, resolved by the scope. */
    record Name(String name) implements Expr {
    }

    /** {@code target[i]} or {@code target[i, j]} (0-based). */
    record Index(Expr target, List<Expr> indices) implements Expr {
        public Index {
            indices = List.copyOf(indices);
        }
    }

    /** {@code -a} or {@code !a}. */
    record Unary(String op, Expr operand) implements Expr {
    }

    /** {@code a op b} with op one of + - * / ^ < <= > >= == != && ||. */
    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    /** {@code name(args)}: one of {@link Functions#NAMES}. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** Every name the expression reads, sorted. */
    default Set<String> names() {
        Set<String> out = new TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Name n) {
            out.add(n.name());
        } else if (e instanceof Index i) {
            collect(i.target(), out);
            i.indices().forEach(x -> collect(x, out));
        } else if (e instanceof Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Call c) {
            c.args().forEach(x -> collect(x, out));
        }
    }
}
