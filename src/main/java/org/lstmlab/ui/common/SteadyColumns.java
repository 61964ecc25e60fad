package org.lstmlab.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;

/**
 * The input columns of a file just read that rise by the same step every row (a row number, a clock), found on the
 * reading thread, and the note the tab's message gives about them: the model learns from them only where a window
 * lies, and the validation rows lie beyond every value it trained on. {@code rest} is what Input columns could say.
 */
record SteadyColumns(List<String> steady, List<String> rest) {
    /** The steady inputs of {@code task} (none unless it forecasts or classifies a CSV file's rows). */
    static SteadyColumns of(Task task) {
        if (!(task instanceof SeriesTask s)) {
            return new SteadyColumns(List.of(), List.of());
        }
        List<String> steady = s.steadyInputs();
        return new SteadyColumns(steady, s.scaling().inputs().stream().filter(c -> !steady.contains(c)).toList());
    }

    /** The note in the bundle's language, when there is a steady input. */
    Optional<String> note(ResourceBundle i18n) {
        if (steady.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(", ", steady);
        return Optional.of(rest.isEmpty() ? I18n.format(i18n, "training.message.steadyOnly", steady.size(), names)
                : I18n.format(i18n, "training.message.steady", steady.size(), names, String.join(",", rest)));
    }
}
