package org.lstmlab.engine.lessons;

import java.util.Locale;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.trace.expr.ExprError;

/**
 * Why a lesson's expression does not parse or cannot be evaluated, as a message ({@code engine.expr.*}) whose English
 * is the expression's own sentence: the parser's problems while a lesson is read, the evaluator's (an unknown name or
 * function, an index out of range, ...) while it runs. A kind that cannot occur in a lesson keeps its English.
 */
final class ExpressionReasons {
    private ExpressionReasons() {
    }

    static Message of(ExprError e) {
        Object[] args = e.args().stream().map(String::valueOf).toArray();
        if (e.kind() == ExprError.Kind.UNEXPECTED_CHARACTER && fullWidth(String.valueOf(args[0]))) {
            return Message.of("engine.expr.full_width", args);   // a Chinese input method left on: “…”, （…）, ，
        }
        return switch (e.kind()) {
            case UNEXPECTED_END -> args.length == 0 ? Message.of("engine.expr.unexpected_end")
                    : Message.of("engine.expr.expected_before_end", args);
            // a matrix named where one number is needed (its name), or a vector (its size)
            case NOT_A_SCALAR -> e.args().isEmpty() ? Message.verbatim(e.getMessage())
                    : Message.of(e.args().get(0) instanceof String ? "engine.expr.matrix_not_scalar"
                    : "engine.expr.not_a_scalar", args);
            case EMPTY, UNEXPECTED_CHARACTER, UNEXPECTED_TOKEN, BAD_NUMBER, TOO_LONG, TOO_DEEP, UNKNOWN_NAME,
                    UNKNOWN_FUNCTION, WRONG_ARGUMENT_COUNT, INDEX_OUT_OF_RANGE, INDEX_NOT_INTEGER, SIZE_MISMATCH,
                    NOT_A_MATRIX -> Message.of("engine.expr." + e.kind().name().toLowerCase(Locale.ROOT), args);
            default -> Message.verbatim(e.getMessage());
        };
    }

    private static boolean fullWidth(String c) {
        int cp = c.isEmpty() ? 0 : c.codePointAt(0);
        return cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF || cp >= 0x2018 && cp <= 0x201F;
    }
}
