package org.lstmlab.engine.text;

/**
 * An argument the engine refuses (a size that does not fit in memory, a setting out of range), with the reason as a
 * {@link Message}: {@link #getMessage()} is its English for the command line, the app shows
 * {@link #userMessage()} in its own language.
 */
public class Refusal extends IllegalArgumentException implements UserFacing {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public Refusal(Message message) {
        super(message.english());
        this.message = message;
    }

    /** A refusal with the template {@code key} of the engine's bundle and its arguments. */
    public static Refusal of(String key, Object... args) {
        return new Refusal(Message.of(key, args));
    }

    @Override
    public Message userMessage() {
        return message;
    }
}
