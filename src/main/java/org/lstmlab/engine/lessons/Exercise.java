package org.lstmlab.engine.lessons;

import java.util.List;

/**
 * A question with a checked answer, hints shown one at a time, and an explanation shown after the answer.
 * <ul>
 * <li>{@link Kind#NUMERIC}: the answer is the engine's value of {@code answer} (an expression, as in
 * {@link ValueDef.Expr}, at timestep {@code t}); the student's number is right within {@code tolerance}.</li>
 * <li>{@link Kind#CHOICE}: one of {@code choices} is {@code correct}; {@code check}, when given, must hold in the
 * engine so that the key cannot go stale.</li>
 * <li>{@link Kind#PREDICT}: a choice made before {@code run} is performed; the run's numbers then decide
 * {@code check}, and the explanation quotes them.</li>
 * </ul>
 * A choice or prediction may say why a wrong choice is wrong: {@code feedback} has one text per choice,
 * {@link Text#EMPTY} where it says nothing (always for the right one, which the explanation explains).
 */
public record Exercise(int line, Kind kind, Text prompt, String answer, int t, double tolerance, List<Text> choices,
                       int correct, String check, List<Action> run, List<Text> hints, Text explanation,
                       List<Text> feedback) {
    public Exercise {
        choices = List.copyOf(choices);
        run = List.copyOf(run);
        hints = List.copyOf(hints);
        feedback = List.copyOf(feedback);
    }

    /** Why choice {@code k} (from 0) is wrong, or {@link Text#EMPTY}. */
    public Text feedback(int k) {
        return k >= 0 && k < feedback.size() ? feedback.get(k) : Text.EMPTY;
    }

    public enum Kind {
        NUMERIC, CHOICE, PREDICT
    }
}
