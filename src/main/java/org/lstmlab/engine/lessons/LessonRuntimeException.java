package org.lstmlab.engine.lessons;

/** A lesson action or number that the engine cannot perform or compute, with the lesson file and line. */
public final class LessonRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LessonRuntimeException(String source, int line, String message, Throwable cause) {
        super(source + ":" + line + ": " + message, cause);
    }
}
