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
 * no link. The student copies them to look them up or cite them: all of them, numbered as shown and one a line
 * ("Copy all", which then says "Copied" until the sources close, or Ctrl+C while they show), or one, as the file
 * writes it (its menu's "Copy").
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
    private final ReadOnlyStringWrapper copyAll = new ReadOnlyStringWrapper("");

    LessonSources(ResourceBundle i18n) {
        this.i18n = i18n;
        copyAll.set(i18n.getString("learn.sources.copyAll"));
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

    /** "Copy all" under the sources; "Copied" once they were, until they close. */
    public ReadOnlyStringProperty copyAllProperty() {
        return copyAll.getReadOnlyProperty();
    }

    /**
     * The text "Copy all" (or Ctrl+C) puts on the clipboard: the references numbered as the dock shows them, one a
     * line ("1. K. Cho, …"), without a line end after the last; empty when the lesson cites nothing.
     */
    public String copyAll() {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < references.size(); k++) {
            text.append(k == 0 ? "" : "\n").append(k + 1).append(". ").append(references.get(k));
        }
        copied(!references.isEmpty());
        return text.toString();
    }

    /**
     * The text a reference's "Copy" puts on the clipboard: reference {@code k} (0-based) as the file writes it. The
     * button is left as it was: this copies one, not all.
     */
    public String copy(int k) {
        return references.get(k);
    }

    private void copied(boolean copied) {
        copyAll.set(i18n.getString(copied ? "learn.sources.copied" : "learn.sources.copyAll"));
    }

    /** Shows the sources, or the step again if they are on show. */
    public void toggle() {
        shown.set(!shown.get() && any.get());
        copied(false);
    }

    /** Shows the step again. */
    public void hide() {
        shown.set(false);
        copied(false);
    }

    /** The lesson {@code l} opened (null: closed); the step shows. */
    void lesson(Lesson l) {
        List<String> refs = l == null ? List.of() : l.references();
        references.setAll(refs);
        any.set(!refs.isEmpty());
        link.set(refs.isEmpty() ? "" : I18n.format(i18n, "learn.sources.link", refs.size()));
        hide();
        atEnd.set(false);
    }

    /** The lesson went to step {@code index} (0-based) of {@code steps}: the step shows. */
    void step(int index, int steps) {
        back.set(I18n.format(i18n, "learn.sources.back", index + 1));
        hide();
        atEnd.set(any.get() && index == steps - 1);
    }
}
