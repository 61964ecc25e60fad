package org.lstmlab.ui.learn;

import java.util.List;

import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.Step;

/**
 * What a lesson's step shows, its numbers filled in by the lesson's run in one language: its prose, its exercise
 * as it first shows (no hint, no verdict) and the exercise's hints, revealed one by one later.
 */
record StepView(String text, ExerciseView exercise, List<String> hints) {
    /**
     * Step {@code index} of the run's lesson, on the worker (filling in numbers may compute them); {@code feedback}
     * is the exercise's first line (that it was solved before, or nothing).
     */
    static StepView of(LessonRun r, int index, String feedback, String language) {
        Step s = r.lesson().steps().get(index);
        Exercise ex = s.exercise();
        if (ex == null) {
            return new StepView(r.fill(s.text(), language), null, List.of());
        }
        List<String> choices = ex.choices().stream().map(c -> r.fill(c, language)).toList();
        int correct = ex.kind() == Exercise.Kind.NUMERIC ? -1 : ex.correct();
        var ev = new ExerciseView(ex.kind(), r.fill(ex.prompt(), language), choices, correct, List.of(),
                !ex.hints().isEmpty(), feedback, null, null, -1, "");
        return new StepView(r.fill(s.text(), language), ev,
                ex.hints().stream().map(h -> r.fill(h, language)).toList());
    }
}
