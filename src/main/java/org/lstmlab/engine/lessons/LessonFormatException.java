package org.lstmlab.engine.lessons;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.UserFacing;

/**
 * A lesson file that cannot be used, with where and why: {@code forget-gate.yaml:42: steps[3].exercise.answer:
 * ...}. Line numbers count from 1; 0 means the file as a whole. The reason is a {@link Message}
 * ({@code engine.lesson.*}): {@link #getMessage()} is the English of the command line, {@link #userMessage()} the
 * same with the file, line and field in the app's language.
 */
public final class LessonFormatException extends Exception implements UserFacing {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final String field;
    private final transient Message why;

    public LessonFormatException(String file, int line, String field, Message why) {
        super(where(file, line, field, why).english());
        this.file = file;
        this.line = line;
        this.field = field;
        this.why = why;
    }

    /** The reason with its place: "file:line: field: reason", leaving out a line of 0 and an empty field. */
    private static Message where(String file, int line, String field, Message why) {
        String at = Integer.toString(line);
        if (line > 0) {
            return field.isEmpty() ? Message.of("engine.lesson.atLine", file, at, why)
                    : Message.of("engine.lesson.at", file, at, field, why);
        }
        return field.isEmpty() ? Message.of("engine.file.named", file, why)
                : Message.of("engine.lesson.atField", file, field, why);
    }

    /** The whole message (file, line, field and reason), in the language of the bundle it is formatted with. */
    @Override
    public Message userMessage() {
        return where(file, line, field, why);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    /** The reason in English, without the place. */
    public String reason() {
        return why.english();
    }
}
