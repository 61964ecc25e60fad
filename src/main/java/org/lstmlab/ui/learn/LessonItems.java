package org.lstmlab.ui.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.Lessons;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.learn.LearnViewModel.LessonItem;

/**
 * The lines of the Learn tab's lesson list: each built-in lesson's title and summary in the lessons' language, with
 * the exercises the student solved of it; a malformed lesson by its id with the reason, so the others stay usable.
 */
final class LessonItems {
    private LessonItems() {
    }

    /** The built-in lessons as they are now, in order; {@code language} is {@code en} or {@code zh}. */
    static List<LessonItem> read(ResourceBundle i18n, LessonProgress progress, String language) {
        List<LessonItem> items = new ArrayList<>();
        for (Lessons.Entry e : Lessons.all()) {
            if (e.lesson() != null) {
                Lesson l = e.lesson();
                try {
                    progress.align(l);   // a lesson changed since: its exercises solved matched by their keys
                } catch (java.io.IOException notWritten) {
                    // aligned in memory; the file is written again, and any error shown, at the next answer
                }
                items.add(new LessonItem(l.id(), l.title().in(language), l.summary().in(language), "",
                        progress.solvedCount(l.id()), l.exerciseCount(), progress.started(l.id())));
            } else {
                items.add(new LessonItem(e.id(), e.id(), "", I18n.explain(i18n, e.error()), 0, 0, false));
            }
        }
        return items;
    }
}
