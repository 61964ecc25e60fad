package org.lstmlab.ui.common;

import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.text.Message;

/**
 * What the Train and Compare tabs show of a run's checkup, in the reader's language: each warning sign with its
 * numbers and what to try, and a link to the lesson that explains the first sign that has one. Empty when the run
 * shows none. Small and large numbers read 4.77 × 10⁻⁸, not 4.77e-08 (which a narrow pane wrapped at its hyphen), and
 * a percentage keeps its % on its line.
 */
public final class CheckupPanel {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lessonTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<String> lesson = new ReadOnlyObjectWrapper<>();
    private List<Checkup.Finding> shown = List.of();
    private Message progress;
    private LessonLauncher lessons;

    /** The signs, one paragraph each ("⚠ what the run measured. What to try."), or empty. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The link's text, "Lesson: Vanishing gradients: measure them", or empty when there is no lesson to open. */
    public ReadOnlyStringProperty lessonTitleProperty() {
        return lessonTitle.getReadOnlyProperty();
    }

    /** Where lessons open (MainWindow's Learn tab); without one, no link is offered. */
    public void setLessonLauncher(LessonLauncher launcher) {
        this.lessons = launcher;
    }

    /**
     * Shows {@code signs}, then {@code progress} (what the score did, from {@code LearningProgress.forCheckup}, or
     * null): alone when there is no sign, so that an unsolved run always gets an answer, and as the last paragraph
     * under the signs, so that a student sees whether the model learns in spite of them.
     */
    public void show(ResourceBundle i18n, List<Checkup.Finding> signs, Message progress) {
        shown = List.copyOf(signs);
        this.progress = progress;
        StringBuilder sb = new StringBuilder();
        String first = null;
        for (Checkup.Finding f : shown) {
            sb.append(sb.length() == 0 ? "" : "\n").append(unbroken(I18n.format(i18n, "training.checkup.sign",
                    f.text().in(i18n), f.advice().in(i18n))));
            first = first == null && f.lesson() != null ? f.lesson() : first;
        }
        String score = progress == null ? "" : unbroken(progress.in(i18n));
        text.set(sb.length() == 0 ? score : I18n.format(i18n, "training.checkup.title", shown.size()) + "\n" + sb
                + (score.isEmpty() ? "" : "\n" + score));
        String title = first == null || lessons == null ? null : lessons.title(first);
        lesson.set(title == null ? null : first);
        lessonTitle.set(title == null ? "" : I18n.format(i18n, "training.checkup.lesson", title));
    }

    /** Numbers a narrow pane must not break: 4.77e-08 as 4.77 × 10⁻⁸, and no line break between 14.0 and its %. */
    static String unbroken(String text) {
        return Percent.keepTogether(ScientificNumbers.text(text));
    }

    /** The same signs in the bundle's language (after View ▸ Language). */
    public void relabel(ResourceBundle i18n) {
        show(i18n, shown, progress);
    }

    public void clear() {
        shown = List.of();
        progress = null;
        text.set("");
        lesson.set(null);
        lessonTitle.set("");
    }

    /** Opens the lesson the link names. */
    public void openLesson() {
        if (lessons != null && lesson.get() != null) {
            lessons.open(lesson.get());
        }
    }
}
