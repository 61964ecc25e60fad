package org.lstmlab.engine.tasks;

import java.util.Locale;
import java.util.ResourceBundle;

import org.lstmlab.engine.text.Message;

/** A task's name as an argument of the engine's sentences ({@link Task#title()}). */
final class TaskTitles {
    private static final String PREFIX = "engine.task.name.";
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(Message.BUNDLE, Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private TaskTitles() {
    }

    /**
     * {@code engine.task.name.X} for the task whose labels are under {@code task.X} ({@link Task#messageKey()}),
     * when the bundle has it; else the command-line name as it is.
     */
    static Message of(String messageKey, String name) {
        String key = PREFIX + messageKey.substring(messageKey.indexOf('.') + 1);
        return ENGLISH.containsKey(key) ? Message.of(key) : Message.verbatim(name);
    }
}
