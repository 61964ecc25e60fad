package org.lstmlab.ui.debugger;

import java.util.Locale;
import java.util.ResourceBundle;

import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.ui.common.I18n;

/** Translates expression errors: key {@code debugger.expr.<kind>} with the error's arguments. */
final class ExprMessages {
    private ExprMessages() {
    }

    static String of(ResourceBundle i18n, ExprError e) {
        String key = "debugger.expr." + e.kind().name().toLowerCase(Locale.ROOT);
        if (!i18n.containsKey(key)) {
            return e.getMessage();
        }
        return I18n.format(i18n, key, e.args().toArray());
    }
}
