package org.lstmlab.engine.lessons;

import java.util.Locale;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.trace.expr.ExprError;

/**
 * Why a lesson's expression does not parse, as a message ({@code engine.expr.*}) whose English is the parser's own
 * sentence. Only the parser's problems can occur while a lesson is read; a problem of evaluation keeps its English.
 */
final class ExpressionReasons {
    private ExpressionReasons() {
    }

    static Message of(ExprError e) {
        Object[] args = e.args().stream().map(String::valueOf).toArray();
        return switch (e.kind()) {
            case UNEXPECTED_END -> args.length == 0 ? Message.of("engine.expr.unexpected_end")
                    : Message.of("engine.expr.expected_before_end", args);
            case EMPTY, UNEXPECTED_CHARACTER, UNEXPECTED_TOKEN, BAD_NUMBER, TOO_LONG, TOO_DEEP ->
                    Message.of("engine.expr." + e.kind().name().toLowerCase(Locale.ROOT), args);
            default -> Message.verbatim(e.getMessage());
        };
    }
}
