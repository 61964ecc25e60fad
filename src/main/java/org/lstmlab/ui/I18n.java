package org.lstmlab.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The app's one resource bundle: every label the user reads comes from {@code org/lstmlab/i18n/messages}. */
public final class I18n {
    public static final String BUNDLE = "org.lstmlab.i18n.messages";

    private I18n() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** The message for {@code key} with its {@code {0}}-style arguments filled in. */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    }
}
