package org.lstmlab.ui.learn;

import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.ui.common.I18n;

/**
 * The works the open lesson cites (its file's {@code references:}), for the lesson dock's "Sources": a link beside
 * the step's position opens them in place of the step, and going back finds the step as it was left (scrolled,
 * answered). Each reference is shown as the file writes it, in either language (authors, titles and venues keep
 * their Latin letters); only the heading and the links follow the app's language. A lesson citing nothing offers
 * no link.
 */
public final class LessonSources {
    private final ResourceBundle i18n;
    private final ObservableList<String> references = FXCollections.observableArrayList();
    private final ObservableList<String> shownReferences = FXCollections.unmodifiableObservableList(references);
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper link = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper back = new ReadOnlyStringWrapper("");

    LessonSources(ResourceBundle i18n) {
        this.i18n = i18n;
    }

    /** The open lesson's references, in the file's order; empty when it cites nothing or no lesson is open. */
    public ObservableList<String> references() {
        return shownReferences;
    }

    /** Whether the lesson cites anything: the "Sources" link shows only then. */
    public ReadOnlyBooleanProperty anyProperty() {
        return any.getReadOnlyProperty();
    }

    /** Whether the sources show in place of the step. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /**
     * Whether the student is on the lesson's last step of a lesson citing something: "Sources →" then takes the
     * place of Next, which has nowhere to go, so that the lesson ends on the works it draws on.
     */
    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    /** "Sources (3)": the link beside the step's position. */
    public ReadOnlyStringProperty linkProperty() {
        return link.getReadOnlyProperty();
    }

    /** "← Back to step 4": under the sources, back to the step the student was on. */
    public ReadOnlyStringProperty backProperty() {
        return back.getReadOnlyProperty();
    }

    /** Shows the sources, or the step again if they are on show. */
    public void toggle() {
        shown.set(!shown.get() && any.get());
    }

    /** Shows the step again. */
    public void hide() {
        shown.set(false);
    }

    /** The lesson {@code l} opened (null: closed); the step shows. */
    void lesson(Lesson l) {
        List<String> refs = l == null ? List.of() : l.references();
        references.setAll(refs);
        any.set(!refs.isEmpty());
        link.set(refs.isEmpty() ? "" : I18n.format(i18n, "learn.sources.link", refs.size()));
        shown.set(false);
        atEnd.set(false);
    }

    /** The lesson went to step {@code index} (0-based) of {@code steps}: the step shows. */
    void step(int index, int steps) {
        back.set(I18n.format(i18n, "learn.sources.back", index + 1));
        shown.set(false);
        atEnd.set(any.get() && index == steps - 1);
    }
}
