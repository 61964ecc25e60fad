package org.lstmlab.ui.common;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's labels. They live in several property files under {@code org/lstmlab/i18n} (one per part of the app,
 * so that each stays small), which this class merges into one bundle for FXML's {@code %key} lookups. A key may be
 * defined in one file only.
 */
public final class I18n {
    /** The bundles merged, in lookup order. */
    public static final List<String> BUNDLES = List.of(
            "org.lstmlab.i18n.messages", "org.lstmlab.i18n.debugger", "org.lstmlab.i18n.training",
            "org.lstmlab.i18n.learn");

    private I18n() {
    }

    /** All labels for the locale (English where a translation lacks a key). */
    public static ResourceBundle bundle(Locale locale) {
        Map<String, Object> all = new HashMap<>();
        Locale found = Locale.ROOT;
        for (String name : BUNDLES) {
            ResourceBundle part;
            try {
                part = ResourceBundle.getBundle(name, locale);
            } catch (MissingResourceException absent) {
                continue;
            }
            if (!part.getLocale().toString().isEmpty()) {
                found = part.getLocale();
            }
            for (String key : Collections.list(part.getKeys())) {
                all.put(key, part.getObject(key));
            }
        }
        return new Merged(all, found);
    }

    /** The message for {@code key} with its {@code {0}}-style arguments filled in. */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    }

    private static final class Merged extends ResourceBundle {
        private final Map<String, Object> values;
        private final Locale locale;

        Merged(Map<String, Object> values, Locale locale) {
            this.values = values;
            this.locale = locale;
        }

        @Override
        protected Object handleGetObject(String key) {
            return values.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(values.keySet());
        }

        @Override
        public Locale getLocale() {
            return locale;
        }
    }
}
