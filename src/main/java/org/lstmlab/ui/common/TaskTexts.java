package org.lstmlab.ui.common;

import java.util.ResourceBundle;

import org.lstmlab.engine.tasks.Task;

/**
 * A task's title, description and success criterion in the user's language, from the label bundles under the
 * task's {@link Task#messageKey()}. A task the bundles do not know yet (one added since) shows the engine's English.
 */
public final class TaskTexts {
    private TaskTexts() {
    }

    /** A short name for menus, e.g. "Adding problem"; the command-line name when the bundles have none. */
    public static String title(ResourceBundle i18n, Task task) {
        String key = task.messageKey() + ".title";
        return i18n.containsKey(key) ? i18n.getString(key) : task.name();
    }

    /**
     * The task as a choice in a list of tasks: its title, and for a character model on a bundled text, the text,
     * "Character model: sonnets" (the user's text is the file chosen beside the list).
     */
    public static String choice(ResourceBundle i18n, Task task) {
        if (task instanceof org.lstmlab.engine.tasks.CharLmTask c && c.text() != null) {
            return I18n.format(i18n, "task.charlm.on", title(i18n, task),
                    i18n.getString("task.charlm.text." + c.text()));
        }
        return title(i18n, task);
    }

    /**
     * One line saying what the task asks of the model; a list among its values (a file's columns) is joined as the
     * language does, cut to a readable length ({@link org.lstmlab.engine.text.NameList#readable}).
     */
    public static String description(ResourceBundle i18n, Task task) {
        String key = task.messageKey() + ".description";
        Object[] args = task.descriptionArgs().stream().map(a -> a instanceof java.util.List<?> l
                ? org.lstmlab.engine.text.NameList.readable(l.stream().map(String::valueOf).toList()).in(i18n)
                : a).toArray();
        // a list cut short ends in a full-width bracket in Chinese: no space after it, as around a name
        return i18n.containsKey(key) ? I18n.format(i18n, key, args).replace("） ", "）") : task.description();
    }

    /** What the task asks ({@link #description}) and, for a character model on a bundled text, where it is from. */
    public static String about(ResourceBundle i18n, Task task) {
        if (task instanceof org.lstmlab.engine.tasks.CharLmTask c && c.text() != null) {
            return description(i18n, task) + "\n" + i18n.getString("task.charlm.source." + c.text());
        }
        return description(i18n, task);
    }

    /** When the task counts as solved. */
    public static String criterion(ResourceBundle i18n, Task task) {
        String key = task.messageKey() + ".criterion";
        return i18n.containsKey(key) ? I18n.format(i18n, key) : task.criterion();
    }
}
