package org.lstmlab.ui.common;

import java.util.ResourceBundle;

import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.Message;

/** The naive predictor a verdict compares with, as the Train tab's verdict and the Compare tab's chart name it. */
public final class BaselineNames {
    private BaselineNames() {
    }

    /**
     * The naive predictor, "repeating the last value", "always the training mean", or the one answer it gives,
     * "always 'sitting'".
     */
    public static String of(ResourceBundle i18n, TaskScore s) {
        Message name = s.baselineName();
        return I18n.format(i18n, name.key(), name.args().toArray());
    }
}
