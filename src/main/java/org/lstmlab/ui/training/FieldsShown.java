package org.lstmlab.ui.training;

import java.nio.file.Path;

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

    /**
     * The fields of task {@code t}, made from the user's {@code file} unless that was refused (then null when no file
     * was chosen). A CSV file that was refused shows its columns, target, horizon and encoding beside the task the
     * form still has, so that the student can leave out the column the message names and press Start; its window
     * shows once the file is read.
     */
    static FieldsShown of(Task t, Path file) {
        boolean userFile = file != null;
        if (t instanceof SeriesTask) {
            return new FieldsShown(true, true, true, "training.window", 1, UserData.MAX_WINDOW);
        }
        if (userFile && !UserData.isText(file)) {
            return new FieldsShown(true, true, false, "training.window", 1, UserData.MAX_WINDOW);
        }
        if (t == null || !t.lengthAdjustable()) {
            return new FieldsShown(userFile, false, false, "training.steps", 1, 1);
        }
        return new FieldsShown(userFile, false, true, "training.steps", t.minSteps(), t.maxSteps());
    }
}
