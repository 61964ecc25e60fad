package org.lstmlab.ui.debugger;

import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.engine.trace.expr.Evaluator;
import org.lstmlab.engine.trace.expr.Expr;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.engine.trace.expr.ExprParser;
import org.lstmlab.engine.trace.expr.TraceScope;
import org.lstmlab.engine.trace.expr.Value;

/**
 * An expression such as {@code c[2]}, {@code f} or {@code o * tanh(c)}, shown with its value at the cursor and a
 * sparkline over time (of the value itself when it is one number, else of the followed unit).
 */
public record Watch(String text, Expr expr) {

    /** Its value at one place: a number or vector, "not yet computed", or an error. */
    public record Reading(Value value, boolean pending, ExprError error) {
    }

    public static Watch parse(String text) {
        return new Watch(text.trim(), ExprParser.parseWithCalls(text));
    }

    /** The value at the cursor; pending when the cursor has not reached the equation that computes it. */
    public Reading read(Trace trace, Cursor cursor) {
        int at = Availability.ofAll(expr.names(), trace.cell(), cursor.direction());
        if (at == Availability.NEVER) {
            return new Reading(null, false, new ExprError(ExprError.Kind.NOT_YET_COMPUTED, -1,
                    "gradients exist in backward mode only"));
        }
        if (at > cursor.equation()) {
            return new Reading(null, true, null);
        }
        try {
            return new Reading(Evaluator.evaluate(expr, new TraceScope(trace, cursor.layer(), cursor.t(), 0)), false,
                    null);
        } catch (ExprError e) {
            return new Reading(null, false, e);
        }
    }

    /**
     * The steps of the cursor's layer (from, to exclusive) whose value is computed at the cursor, which its sparkline
     * may draw: in forward mode the steps before the cursor's, and the cursor's own once the cursor has reached the
     * equation that computes the last name read; in backward mode every step when it reads no gradient, else the
     * steps after the cursor's (the backward pass walks from the last one) and the cursor's own once reached. Empty
     * for a gradient in forward mode.
     */
    public int[] computedSteps(Trace trace, Cursor cursor) {
        int steps = trace.steps();
        int t = cursor.t();
        int at = Availability.ofAll(expr.names(), trace.cell(), cursor.direction());
        if (at == Availability.NEVER) {
            return new int[] {0, 0};
        }
        boolean here = at <= cursor.equation();
        if (cursor.direction() == Direction.FORWARD) {
            return new int[] {0, Math.min(steps, here ? t + 1 : t)};
        }
        if (Availability.ofAll(expr.names(), trace.cell(), Direction.FORWARD) != Availability.NEVER) {
            return new int[] {0, steps};
        }
        return new int[] {here ? t : t + 1, steps};
    }

    /** The value over all timesteps of a layer (NaN where it cannot be evaluated); element {@code unit} of vectors. */
    public double[] series(Trace trace, int layer, int unit) {
        double[] out = new double[trace.steps()];
        for (int t = 0; t < out.length; t++) {
            try {
                Value v = Evaluator.evaluate(expr, new TraceScope(trace, layer, t, 0));
                out[t] = v.scalar() ? v.data()[0] : v.data()[Math.min(unit, v.size() - 1)];
            } catch (ExprError e) {
                out[t] = Double.NaN;
            }
        }
        return out;
    }
}
