package org.lstmlab.engine.lessons;

import java.util.Locale;

/** A piece of lesson text in English and Simplified Chinese, side by side as the lesson file holds them. */
public record Text(String en, String zh) {
    public Text {
        en = en == null ? "" : en;
        zh = zh == null ? "" : zh;
    }

    /** The text in a language, {@code en} or {@code zh}. */
    public String in(String language) {
        return language.equals("zh") ? zh : en;
    }

    public static boolean isChinese(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh");
    }

    public static final Text EMPTY = new Text("", "");
}
