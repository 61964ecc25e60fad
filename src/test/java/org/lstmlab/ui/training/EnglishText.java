package org.lstmlab.ui.training;

import java.util.regex.Pattern;

/** Finds English prose in text meant to be Chinese: three or more ASCII words in a row ("is not a number"). */
public final class EnglishText {
    private static final Pattern SENTENCE = Pattern.compile("[A-Za-z]+(?:[ ,;:'()-]+[A-Za-z]+){2,}");

    private EnglishText() {
    }

    /** True when the text has a run of three or more English words; names like "Vector API" or "GB18030" pass. */
    public static boolean hasSentence(String text) {
        return SENTENCE.matcher(text).find();
    }
}
