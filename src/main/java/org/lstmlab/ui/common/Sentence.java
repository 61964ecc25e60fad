package org.lstmlab.ui.common;

import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A sentence on show (a status line, the message next to a field, a refusal, news of a saved file). It keeps how the
 * sentence is written, not only the words: the bundle the sentence is read from follows View ▸ Language, so
 * {@link #relabel()} writes the same news in the new language.
 */
public final class Sentence {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Supplier<String> sentence = () -> "";

    /** Shows the sentence {@code s} writes; {@code s} must read only values fixed when it was made. */
    public void say(Supplier<String> s) {
        sentence = s;
        text.set(s.get());
    }

    /** Writes the sentence on show again, in the bundle's language now. */
    public void relabel() {
        text.set(sentence.get());
    }

    /** The words on show now; empty when there is no message. */
    public String get() {
        return text.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
