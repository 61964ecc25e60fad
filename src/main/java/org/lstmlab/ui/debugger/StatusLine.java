package org.lstmlab.ui.debugger;

import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The debugger's status line. It keeps how its sentence is written, not only the words: the bundle the sentence is
 * read from follows View ▸ Language, so {@link #relabel()} writes the same news in the new language.
 */
final class StatusLine {
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

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
