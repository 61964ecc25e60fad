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
import java.util.Set;

/**
 * The app's labels. They live in several property files under {@code org/lstmlab/i18n} (one per part of the app,
 * so that each stays small), which this class merges into one bundle for FXML's {@code %key} lookups. A key may be
 * defined in one file only; every file has a {@code _zh_CN} twin with the same keys.
 */
public final class I18n {
    /** The bundles merged, in lookup order. */
    public static final List<String> BUNDLES = List.of(
            "org.lstmlab.i18n.messages", "org.lstmlab.i18n.debugger", "org.lstmlab.i18n.training",
            "org.lstmlab.i18n.tasks", "org.lstmlab.i18n.learn", "org.lstmlab.i18n.interop",
            "org.lstmlab.i18n.explain", org.lstmlab.engine.text.Message.BUNDLE);

    /** The languages the app speaks, in the order of the View ▸ Language menu. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    /** Never falls back to the system's locale: English asked for on a Chinese system is English. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private I18n() {
    }

    /**
     * The supported language closest to {@code wanted}: Simplified Chinese for any Chinese locale (zh, zh-CN,
     * zh-TW, zh-Hans...), English for everything else.
     */
    public static Locale supported(Locale wanted) {
        return wanted != null && wanted.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** All labels for the locale (English where a translation lacks a key). */
    public static ResourceBundle bundle(Locale locale) {
        Map<String, Object> all = new HashMap<>();
        Locale found = Locale.ROOT;
        for (String name : BUNDLES) {
            ResourceBundle part;
            try {
                part = ResourceBundle.getBundle(name, locale, NO_FALLBACK);
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

    /**
     * A bundle whose language can change while the app runs. The main window gives it to every view and view model,
     * so that a message made after View ▸ Language is in the new language.
     */
    public static Live live(Locale locale) {
        return new Live(bundle(supported(locale)));
    }

    /** The message for {@code key} with its {@code {0}}-style arguments filled in. */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        String pattern = org.lstmlab.engine.text.HanSpacing.tidy(bundle.getString(key), bundle.getLocale(), args);
        return Fonts.drawable(new MessageFormat(pattern, bundle.getLocale()).format(args), bundle.getLocale());
    }

    /**
     * {@code items} as the language lists them: "10, 25, 50" in English, "10、25、50" in Chinese, as the engine's
     * sentences join names ({@link org.lstmlab.engine.text.NameList}).
     */
    public static String list(ResourceBundle bundle, java.util.List<?> items) {
        return org.lstmlab.engine.text.NameList.of(items.stream().map(String::valueOf).toList()).in(bundle);
    }

    /** An engine's sentence in the app's language. */
    public static String message(ResourceBundle bundle, org.lstmlab.engine.text.Message message) {
        return Fonts.drawable(message.in(bundle), bundle.getLocale());
    }

    /**
     * Why something failed, for the user: the engine's own sentence in the app's language when the exception has
     * one ({@link org.lstmlab.engine.text.UserFacing}, also behind a wrapping exception), else its message (see
     * {@link org.lstmlab.engine.text.Reasons}).
     */
    public static String explain(ResourceBundle bundle, Throwable t) {
        return Fonts.drawable(org.lstmlab.engine.text.Reasons.of(t).in(bundle), bundle.getLocale());
    }

    /** See {@link #live(Locale)}. */
    public static final class Live extends ResourceBundle {
        private volatile ResourceBundle current;

        private Live(ResourceBundle first) {
            this.current = first;
        }

        /** Switches to the labels of {@code locale} (one of {@link #LANGUAGES}). */
        public void use(Locale locale) {
            current = bundle(supported(locale));
        }

        @Override
        protected Object handleGetObject(String key) {
            ResourceBundle now = current;
            return now.containsKey(key) ? now.getObject(key) : null;
        }

        @Override
        protected Set<String> handleKeySet() {
            return current.keySet();
        }

        @Override
        public Enumeration<String> getKeys() {
            return current.getKeys();
        }

        @Override
        public Locale getLocale() {
            return current.getLocale();
        }
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
        protected Set<String> handleKeySet() {
            return values.keySet();
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
