package org.lstmlab.ui.learn;

import java.util.List;

import org.lstmlab.engine.lessons.Exercise;

/**
 * An exercise of the Learn tab as shown, in one language: prompt, choices, the hints revealed so far, the verdict
 * ({@code feedback}, {@code right}: null before any answer), the explanation (null until the exercise is done) and
 * the choice answered ({@code chosen}, or -1), and {@code why} that choice is wrong, as the lesson says it (its
 * feedback, prose with the numbers filled in), or empty. {@code correct} is the right choice (from 0; -1 for a
 * number), which {@link #mark} shows only once the exercise is done.
 */
public record ExerciseView(Exercise.Kind kind, String prompt, List<String> choices, int correct, List<String> hints,
                           boolean moreHints, String feedback, Boolean right, String explanation, int chosen,
                           String why) {
    /** How a choice is drawn, so that a class can read from afar which one was right and which one was chosen. */
    public enum ChoiceMark {
        /** Not answered yet: a plain choice. */
        OPEN,
        /** The exercise is done and this is the right choice, chosen or given away. */
        RIGHT,
        /** This choice was answered and is wrong. */
        WRONG,
        /** The exercise is done and this choice is neither right nor chosen: still plainly readable. */
        OTHER
    }

    /** How choice {@code k} is drawn now. */
    public ChoiceMark mark(int k) {
        boolean done = explanation != null;
        if (done && k == correct) {
            return ChoiceMark.RIGHT;
        }
        if (k == chosen && Boolean.FALSE.equals(right)) {
            return ChoiceMark.WRONG;
        }
        return done ? ChoiceMark.OTHER : ChoiceMark.OPEN;
    }

    /** The same exercise with a verdict and an explanation (and why the choice is wrong, as before). */
    ExerciseView with(String feedback, Boolean right, String explanation) {
        return with(feedback, right, explanation, why);
    }

    /** The same exercise with a verdict, an explanation and why the choice is wrong. */
    ExerciseView with(String feedback, Boolean right, String explanation, String why) {
        return new ExerciseView(kind, prompt, choices, correct, hints, moreHints, feedback, right, explanation,
                chosen, why);
    }

    /** The same exercise with these hints shown. */
    ExerciseView withHints(List<String> shown, boolean more) {
        return new ExerciseView(kind, prompt, choices, correct, shown, more, feedback, right, explanation,
                chosen, why);
    }

    /** The same exercise with choice {@code k} answered. */
    ExerciseView withChosen(int k) {
        return new ExerciseView(kind, prompt, choices, correct, hints, moreHints, feedback, right, explanation,
                k, why);
    }
}
