package org.lstmlab.ui.training;

import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;

/**
 * Which of the data fields apply to a task; the others are hidden, not greyed out.
 *
 * @param encoding   the encoding of the user's file (a CSV series or a text file)
 * @param csv        columns, target and horizon (a CSV series)
 * @param steps      the sequence length: a built-in task's length when it can change, or a CSV series' window
 * @param stepsKey   the label of the length field: {@code training.steps} or {@code training.window}
 * @param stepsMin   the shortest length
 * @param stepsMax   the longest length
 */
public record FieldsShown(boolean encoding, boolean csv, boolean steps, String stepsKey, int stepsMin,
                          int stepsMax) {

    /** The fields of task {@code t}, made from the user's file when {@code userFile}. */
    static FieldsShown of(Task t, boolean userFile) {
        if (t instanceof SeriesTask) {
            return new FieldsShown(true, true, true, "training.window", 1, UserData.MAX_WINDOW);
        }
        if (t == null || !t.lengthAdjustable()) {
            return new FieldsShown(userFile, false, false, "training.steps", 1, 1);
        }
        return new FieldsShown(userFile, false, true, "training.steps", t.minSteps(), t.maxSteps());
    }
}
