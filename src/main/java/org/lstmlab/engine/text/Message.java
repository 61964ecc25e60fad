package org.lstmlab.engine.text;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A sentence the engine says to a user, as the key of its template in the engine's message bundle
 * ({@code org/lstmlab/i18n/engine.properties} and its {@code _zh_CN} twin) and the arguments to fill in. The
 * command line prints it in English ({@link #english()}, also every exception's {@code getMessage()}); the app
 * formats it with its own labels ({@link #in(ResourceBundle)}), so a Chinese window shows a Chinese sentence.
 * An argument may itself be a message (a reason inside a "line 3: …" frame) or a list of names
 * ({@link NameList}, joined as the reader's language joins them); numbers the user typed or the engine measured are
 * passed as text, so that no locale regroups their digits.
 */
public record Message(String key, List<Object> args) {
    /** The engine's message bundle. */
    public static final String BUNDLE = "org.lstmlab.i18n.engine";
    /** A sentence the engine has no template for yet (English in every language). */
    public static final String VERBATIM = "engine.verbatim";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** An English sentence passed on as it is. */
    public static Message verbatim(String text) {
        return of(VERBATIM, text);
    }

    /** The sentence in English, as the command line prints it. */
    public String english() {
        return in(ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK));
    }

    /** The sentence with the templates of {@code bundle} (any bundle holding the engine's keys). */
    public String in(ResourceBundle bundle) {
        Object[] a = new Object[args.size()];
        for (int i = 0; i < a.length; i++) {
            Object x = args.get(i);
            a[i] = x instanceof Message m ? m.in(bundle) : x instanceof NameList l ? l.in(bundle) : x;
        }
        return new MessageFormat(HanSpacing.tidy(bundle.getString(key), bundle.getLocale(), a), bundle.getLocale())
                .format(a);
    }

    @Override
    public String toString() {
        return english();
    }
}
