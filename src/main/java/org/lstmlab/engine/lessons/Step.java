package org.lstmlab.engine.lessons;

import java.util.List;
import java.util.Map;

/**
 * One step of a lesson: prose (with LaTeX between {@code $…$} and engine numbers as {@code {{name}}}), the actions
 * that set the app up ("show me"), what to highlight, the numbers it defines, the claims about them that must hold,
 * and an optional exercise.
 *
 * @param line    line of the step in its file
 * @param values  named numbers the engine computes after the actions, in order
 * @param checks  conditions over the named numbers that must hold (the claims the prose makes about them)
 */
public record Step(int line, Text text, List<Action> actions, Highlight highlight, Map<String, ValueDef> values,
                   List<Check> checks, Exercise exercise) {
    public Step {
        actions = List.copyOf(actions);
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        checks = List.copyOf(checks);
    }

    /** A condition in the debugger's expression language over the named numbers, e.g. {@code squashed_c < 1}. */
    public record Check(int line, String expr) {
    }
}
