package org.lstmlab.engine.interop;

import java.util.Locale;
import java.util.ResourceBundle;

import org.lstmlab.engine.text.Message;

/**
 * The words in the comments of generated code, in one language: the Train tab's code panel speaks the window's
 * language, as Chinese textbooks comment their code in Chinese; the files {@code export} writes keep English. The
 * code itself (names, arguments, shapes' letters) is the same in every language.
 */
public final class CodeComments {
    /** The comments of the files the command line writes. */
    public static final CodeComments ENGLISH = new CodeComments(ResourceBundle.getBundle(Message.BUNDLE, Locale.ROOT));

    private final ResourceBundle bundle;

    private CodeComments(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The comments in {@code locale}'s language (English for a language the app does not speak). */
    public static CodeComments in(Locale locale) {
        return new CodeComments(ResourceBundle.getBundle(Message.BUNDLE, locale));
    }

    /** The comment text of {@code engine.code.KEY} with its arguments (strings, so that no locale regroups them). */
    String say(String key, String... args) {
        return Message.of("engine.code." + key, (Object[]) args).in(bundle);
    }
}
