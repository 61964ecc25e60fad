package org.lstmlab.ui.debugger;

import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A sentence on show in the debugger (the status line, the message next to a field, a refusal). It keeps how the
 * sentence is written, not only the words: the bundle the sentence is read from follows View ▸ Language, so
 * {@link #relabel()} writes the same news in the new language.
 */
final class Sentence {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Supplier<String> sentence = () -> "";

    /** Shows the sentence {@code s} writes; {@code s} must read only values fixed when it was made. */
    void say(Supplier<String> s) {
        sentence = s;
        text.set(s.get());
    }

    /** Writes the sentence on show again, in the bundle's language now. */
    void relabel() {
        text.set(sentence.get());
    }

    /** The words on show now; empty when there is no message. */
    String get() {
        return text.get();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
