package org.lstmlab.ui.debugger;

import org.lstmlab.engine.trace.expr.Expr;
import org.lstmlab.engine.trace.expr.ExprParser;

/**
 * A condition on trace values, such as {@code f[0] < 0.2}; Continue stops at the first position where it holds.
 *
 * @param text    what the user typed
 * @param expr    its parsed form
 * @param enabled whether Continue tests it
 */
public record Breakpoint(String text, Expr expr, boolean enabled) {

    /** Parses the text; throws {@link org.lstmlab.engine.trace.expr.ExprError} when it is not an expression. */
    public static Breakpoint parse(String text) {
        return new Breakpoint(text.trim(), ExprParser.parseWithCalls(text), true);
    }

    public Breakpoint withEnabled(boolean on) {
        return new Breakpoint(text, expr, on);
    }
}
