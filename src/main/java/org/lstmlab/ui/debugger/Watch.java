package org.lstmlab.ui.debugger;

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
