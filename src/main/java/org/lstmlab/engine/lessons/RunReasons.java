package org.lstmlab.engine.lessons;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.UserFacing;
import org.lstmlab.engine.trace.expr.ExprError;

/**
 * Why a lesson could not go on, as a message: the engine's own sentence for a refusal ({@code engine.run.*},
 * {@code engine.weightView.*}, {@code engine.task.*}, a training setting), the expression's problem for an
 * {@link ExprError} ({@code engine.expr.*}), else the exception's English as it is.
 */
final class RunReasons {
    private RunReasons() {
    }

    static Message of(Throwable cause) {
        if (cause instanceof UserFacing u) {
            return u.userMessage();
        }
        if (cause instanceof ExprError e) {
            return ExpressionReasons.of(e);
        }
        String text = cause == null ? null : cause.getMessage();
        return Message.verbatim(text != null ? text : cause == null ? "" : cause.getClass().getSimpleName());
    }
}
