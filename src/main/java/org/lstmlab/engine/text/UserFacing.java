package org.lstmlab.engine.text;

/** An exception whose message is meant for the user: the app shows {@link #userMessage()} in its own language. */
public interface UserFacing {
    Message userMessage();
}
