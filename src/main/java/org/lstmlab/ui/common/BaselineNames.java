package org.lstmlab.ui.common;

import java.util.Locale;
import java.util.ResourceBundle;

import org.lstmlab.engine.tasks.TaskScore;

/** The naive predictor a verdict compares with, as the Train tab's verdict and the Compare tab's chart name it. */
public final class BaselineNames {
    private BaselineNames() {
    }

    /** The naive predictor, "repeating the last value", or the one answer it gives, "always 'sitting'". */
    public static String of(ResourceBundle i18n, TaskScore s) {
        if (s.baselineAnswer() != null) {
            return I18n.format(i18n, "training.baseline.majorityAnswer", s.baselineAnswer());
        }
        return i18n.getString("training.baseline." + s.baseline().name().toLowerCase(Locale.ROOT));
    }
}
