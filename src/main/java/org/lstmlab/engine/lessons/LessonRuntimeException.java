package org.lstmlab.engine.lessons;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.UserFacing;

/**
 * A lesson action or number that the engine cannot perform or compute, with the lesson file and line:
 * {@link #getMessage()} is the English of the command line ({@code forget-gate.yaml:42: timestep 99 is outside
 * 1..20}), {@link #userMessage()} the same in the app's language. The reason is the cause's own message when it
 * has one ({@link RunReasons}); an unexpected cause keeps its English inside the translated place.
 */
public final class LessonRuntimeException extends RuntimeException implements UserFacing {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;

    public LessonRuntimeException(String source, int line, RuntimeException cause) {
        super(source + ":" + line + ": " + cause.getMessage(), cause);
        this.source = source;
        this.line = line;
    }

    /** The file, the line and the reason, in the language of the bundle it is formatted with. */
    @Override
    public Message userMessage() {
        return Message.of("engine.lesson.atLine", source, Integer.toString(line), RunReasons.of(getCause()));
    }
}
