package org.lstmlab.ui.training;

import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.lstmlab.ui.common.Sentence;

/**
 * The Train tab's message line and the details under it: news ("Saved the model") or a problem (shown in red), and
 * every problem of a refused data file. Each keeps how it is written, so that View ▸ Language writes it again.
 */
final class TabMessage {
    private final Sentence message = new Sentence();
    private final ReadOnlyBooleanWrapper isError = new ReadOnlyBooleanWrapper(false);
    private final Sentence details = new Sentence();

    ReadOnlyStringProperty textProperty() {
        return message.textProperty();
    }

    ReadOnlyBooleanProperty isErrorProperty() {
        return isError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty detailsProperty() {
        return details.textProperty();
    }

    /** Shows news; {@code text} writes it in the bundle's language, and again after View ▸ Language. */
    void info(Supplier<String> text) {
        isError.set(false);
        message.say(text);
    }

    /** Shows a problem, written as {@link #info} writes news. */
    void error(Supplier<String> text) {
        isError.set(true);
        message.say(text);
    }

    /** Shows the details {@code text} writes (one problem a line), or none when it writes "". */
    void details(Supplier<String> text) {
        details.say(text);
    }

    /** Writes the message and the details again, in the bundle's language now. */
    void relabel() {
        message.relabel();
        details.relabel();
    }
}
