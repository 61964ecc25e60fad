package org.lstmlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;

/**
 * The tasks a task box offers, the Train tab's and the Compare tab's: the built-in tasks, with the character model
 * once for each bundled text ({@link CharLmTask#TEXTS}), each named by {@link TaskTexts#choice}.
 */
public final class TaskChoices {
    private TaskChoices() {
    }

    /**
     * The built-in tasks in their order, the character model once for each bundled text in its place (the sonnets,
     * the built-in task charlm, then the others), before the user's file, which is chosen beside the box.
     */
    public static List<Task> all() {
        List<Task> all = new ArrayList<>();
        for (Task t : Tasks.all()) {
            if (t.name().equals("charlm")) {
                CharLmTask.TEXTS.forEach(n -> all.add(CharLmTask.bundled(n)));
            } else {
                all.add(t);
            }
        }
        return List.copyOf(all);
    }
}
