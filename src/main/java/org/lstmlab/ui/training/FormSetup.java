package org.lstmlab.ui.training;

import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.I18n;

/**
 * The run the Train tab's form describes: what a checkpoint records of it (task, length, cell, units, layers,
 * validation split, the user's data file) and the training settings; or, when a field is not a number or the
 * engine refuses a setting, why there is none, in the app's language.
 */
final class FormSetup {
    private FormSetup() {
    }

    /**
     * The run {@code form} describes, or null once {@code refused} was given the reason. A run on the user's file
     * reads it again when it starts (the encoding, columns, window or horizon may have changed since it was read).
     */
    static RunSetup of(ResourceBundle i18n, TrainingForm form, Consumer<Supplier<String>> refused) {
        Task t = form.task.get();
        try {
            TrainingConfig c = form.config();
            RunRecord record = record(form);
            RunSetup.TaskSource source = () -> t;
            if (record.data() != null) {
                source = record::openTask;
            }
            return new RunSetup(source, record, c, null);
        } catch (TrainingForm.FieldException e) {
            refused.accept(() -> I18n.format(i18n, "training.error.notNumber", i18n.getString(e.field()), e.text()));
        } catch (IllegalArgumentException e) {
            refused.accept(() -> I18n.format(i18n, "training.message.cannotStart", I18n.explain(i18n, e)));
        }
        return null;
    }

    /** The form's data and model, as a checkpoint records them. */
    private static RunRecord record(TrainingForm form) {
        Task t = form.task.get();
        UserData.Request data = form.chosenData();
        boolean csv = data != null && !data.charLm();
        int steps = csv || !t.lengthAdjustable() ? 0 : form.steps.get();
        int embedding = t.readsTokens() && !csv ? form.embedding.get() : 0;   // the field shows for tokens only
        return new RunRecord(t.name(), steps, form.cell.get(), form.units.get(), Math.max(1, form.layers.get()),
                form.validationSplit.get(), 0, 0, data, embedding);
    }
}
