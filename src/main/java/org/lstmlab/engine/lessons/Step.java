package org.lstmlab.engine.lessons;

import java.util.List;
import java.util.Map;

/**
 * One step of a lesson: prose (with LaTeX between {@code $…$} and engine numbers as {@code {{name}}}), the actions
 * that set the app up ("show me"), the actions that would show the exercise's answer and so wait for it, what to
 * highlight, the numbers it defines, the claims about them that must hold, and an optional exercise.
 *
 * @param line    line of the step in its file
 * @param reveal  actions performed with {@code actions} (the numbers see them) that "show me" holds back until the
 *                exercise is answered, its answer shown, or the step left: they would show the answer
 * @param values  named numbers the engine computes after the actions and the reveal, in order
 * @param checks  conditions over the named numbers that must hold (the claims the prose makes about them)
 */
public record Step(int line, Text text, List<Action> actions, List<Action> reveal, Highlight highlight,
                   Map<String, ValueDef> values, List<Check> checks, Exercise exercise) {
    public Step {
        actions = List.copyOf(actions);
        reveal = List.copyOf(reveal);
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        checks = List.copyOf(checks);
    }

    /** A condition in the debugger's expression language over the named numbers, e.g. {@code squashed_c < 1}. */
    public record Check(int line, String expr) {
    }
}
