package org.lstmlab.ui.training;

import java.nio.file.Path;

import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.ui.common.DataFileFields;

/**
 * Which of the data fields apply to a task; the others are hidden, not greyed out.
 *
 * @param encoding   the encoding of the user's file (a CSV series or a text file)
 * @param csv        columns and target (a CSV series)
 * @param horizon    whether the horizon applies (a CSV series forecast); a class target names each window by its own
 *                   last row's label, so that the horizon row says it does not apply instead (why: its tooltip)
 * @param steps      the sequence length: a built-in task's length when it can change, or a CSV series' window
 * @param stepsKey   the label of the length field: {@code training.steps} or {@code training.window}
 * @param stepsMin   the shortest length
 * @param stepsMax   the longest length
 * @param embedding  the embedding size: a task whose inputs are tokens may read them through a table
 */
public record FieldsShown(boolean encoding, boolean csv, boolean horizon, boolean steps, String stepsKey, int stepsMin,
                          int stepsMax, boolean embedding) {

    /** The fields of a task whose inputs are not tokens: no embedding size. */
    public FieldsShown(boolean encoding, boolean csv, boolean horizon, boolean steps, String stepsKey, int stepsMin,
                       int stepsMax) {
        this(encoding, csv, horizon, steps, stepsKey, stepsMin, stepsMax, false);
    }

    /**
     * The fields of task {@code t}, made from the user's {@code file} unless that was refused (then null when no file
     * was chosen). A CSV file that was refused shows its columns, target, horizon and encoding beside the task the
     * form still has, so that the student can leave out the column the message names and press Start; its window
     * shows once the file is read. The horizon does not apply to a target of classes: one read so, or one the
     * student said is ({@code classesTicked}).
     */
    static FieldsShown of(Task t, Path file, boolean classesTicked) {
        boolean userFile = file != null;
        boolean forecast = DataFileFields.horizonApplies(t, classesTicked);
        if (t instanceof SeriesTask) {
            return new FieldsShown(true, true, forecast, true, "training.window", 1, UserData.MAX_WINDOW);
        }
        if (userFile && !UserData.isText(file)) {
            return new FieldsShown(true, true, forecast, false, "training.window", 1, UserData.MAX_WINDOW);
        }
        boolean tokens = t != null && t.readsTokens();
        if (t == null || !t.lengthAdjustable()) {
            return new FieldsShown(userFile, false, false, false, "training.steps", 1, 1, tokens);
        }
        return new FieldsShown(userFile, false, false, true, "training.steps", t.minSteps(), t.maxSteps(), tokens);
    }
}
