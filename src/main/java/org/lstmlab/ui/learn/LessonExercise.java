package org.lstmlab.ui.learn;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.QuotedNumbers;
import org.lstmlab.ui.common.I18n;

/**
 * The exercise of the lesson step on show: checks a typed number or a choice against the engine (on the worker),
 * gives the hints one at a time or the answer away, and says right or wrong with the explanation. A right answer
 * counts as solved; what an answer unveils goes to the debugger ({@link LessonReplay}). What the student did is
 * kept, in no language ({@link #answer}), so that View ▸ Language can do it again.
 */
final class LessonExercise {
    private final ResourceBundle i18n;
    private final String language;
    private final LessonWork work;
    private final LessonReplay replay;
    private final Supplier<LessonRun> run;
    private final IntSupplier step;
    private final Consumer<String> status;
    private final ObjIntConsumer<String> solved;
    private final ReadOnlyObjectWrapper<ExerciseView> exercise = new ReadOnlyObjectWrapper<>();
    private final StringProperty answerText = new SimpleStringProperty(this, "answerText", "");
    /** The number last checked on this step (as typed), and whether the answer was given away: see answer(). */
    private String checked;
    private boolean revealed;
    private int hintsShown;
    private List<String> hints = List.of();

    /**
     * @param run    the lesson's run, or null when none is open
     * @param step   the step on show (from 0), or -1
     * @param status shows a line in the tab's status ("Running…", or empty)
     * @param solved records that a lesson's step (by id and index) was solved
     */
    LessonExercise(ResourceBundle i18n, String language, LessonWork work, LessonReplay replay,
                   Supplier<LessonRun> run, IntSupplier step, Consumer<String> status, ObjIntConsumer<String> solved) {
        this.i18n = i18n;
        this.language = language;
        this.work = work;
        this.replay = replay;
        this.run = run;
        this.step = step;
        this.status = status;
        this.solved = solved;
    }

    ReadOnlyObjectProperty<ExerciseView> exerciseProperty() {
        return exercise.getReadOnlyProperty();
    }

    StringProperty answerTextProperty() {
        return answerText;
    }

    /** A step is on show: its exercise (or none), unanswered, with its hints still to give. */
    void show(StepView v) {
        hintsShown = 0;
        hints = v.hints();
        checked = null;
        revealed = false;
        answerText.set("");
        exercise.set(v.exercise());
    }

    /** No step is on show. */
    void clear() {
        exercise.set(null);
    }

    /** What the student did on the exercise of lesson {@code lessonId}'s step on show, or null with no exercise. */
    ExerciseAnswer answer(String lessonId) {
        ExerciseView ev = exercise.get();
        return ev == null ? null : new ExerciseAnswer(lessonId, step.getAsInt(), answerText.get(), checked,
                ev.hints().size(), ev.chosen(), revealed);
    }

    private Exercise current() {
        LessonRun r = run.get();
        int index = step.getAsInt();
        return r == null || index < 0 ? null : r.lesson().steps().get(index).exercise();
    }

    /** Checks a numeric answer against the engine's value. */
    void checkNumber(String answer) {
        Exercise ex = current();
        ExerciseView ev = exercise.get();
        if (ex == null || ex.kind() != Exercise.Kind.NUMERIC || ev == null) {
            return;
        }
        checked = answer;
        Double v = TypedNumbers.parse(answer);
        if (v == null) {
            exercise.set(ev.with(I18n.format(i18n, "learn.notNumber", answer == null ? "" : answer.strip()), null,
                    ev.explanation()));
            return;
        }
        LessonRun r = run.get();
        int index = step.getAsInt();
        work.submit(() -> {
            boolean right = r.isRight(ex, v);
            return new Verdict(right, right ? afterAnswer(r, index, ex) : Shown.NOTHING,
                    r.fill(ex.explanation(), language), "");
        }, verdict -> verdict(r, index, ex, verdict));
    }

    /** Answers a choice or prediction (0-based); a prediction then performs its run. */
    void choose(int choice) {
        Exercise ex = current();
        if (ex == null || ex.kind() == Exercise.Kind.NUMERIC) {
            return;
        }
        LessonRun r = run.get();
        int index = step.getAsInt();
        if (ex.kind() == Exercise.Kind.PREDICT) {
            status.accept(i18n.getString("learn.running"));
        }
        work.submit(() -> {
            boolean right = r.isRight(ex, choice);
            Shown shown = right || ex.kind() == Exercise.Kind.PREDICT ? afterAnswer(r, index, ex) : Shown.NOTHING;
            String why = right ? "" : r.fill(ex.feedback(choice), language);   // after a prediction's run
            return new Verdict(right, shown, r.fill(ex.explanation(), language), why);
        }, verdict -> {
            if (exercise.get() != null) {
                exercise.set(exercise.get().withChosen(choice));
            }
            verdict(r, index, ex, verdict);
        });
    }

    /** {@code why}: why the choice is wrong (its feedback), or empty. */
    private record Verdict(boolean right, Shown shown, String explanation, String why) {
    }

    /**
     * What the debugger is to show once an exercise is answered: the step all again, when it held actions back
     * ({@code reveal}) that may be shown now, from wherever the debugger is; otherwise a prediction's run.
     */
    private record Shown(List<LessonRun.Applied> applied, boolean again) {
        static final Shown NOTHING = new Shown(List.of(), false);
    }

    /** On the worker: the exercise of step {@code index} is answered; performs a prediction's run. */
    private static Shown afterAnswer(LessonRun r, int index, Exercise ex) {
        boolean held = !r.unveil(index).isEmpty();
        List<LessonRun.Applied> ran = ex.kind() == Exercise.Kind.PREDICT ? r.runPrediction(ex) : List.of();
        return held ? new Shown(r.appliedThrough(index), true) : new Shown(ran, false);
    }

    /** Whether the answer to step {@code index} of {@code r} still concerns what is on show. */
    private boolean stillOnShow(LessonRun r, int index) {
        return r == run.get() && index == step.getAsInt();
    }

    private void verdict(LessonRun r, int index, Exercise ex, Verdict v) {
        if (!stillOnShow(r, index)) {
            return;
        }
        replay.unveiled(r, index, v.shown().applied(), v.shown().again());
        boolean right = v.right();
        ExerciseView ev = exercise.get();
        boolean done = right || ex.kind() == Exercise.Kind.PREDICT;
        String feedback = right ? i18n.getString("learn.right") : ex.kind() == Exercise.Kind.PREDICT
                ? i18n.getString("learn.predictedWrong") : i18n.getString("learn.wrong");
        status.accept("");
        exercise.set(ev.with(feedback, right, done ? v.explanation() : ev.explanation(), v.why()));
        if (right) {
            solved.accept(r.lesson().id(), index);
        }
    }

    /** Shows the next hint. */
    void hint() {
        Exercise ex = current();
        ExerciseView ev = exercise.get();
        if (ex == null || ev == null || hintsShown >= hints.size()) {
            return;
        }
        hintsShown++;
        exercise.set(ev.withHints(List.copyOf(hints.subList(0, hintsShown)), hintsShown < hints.size()));
    }

    /** Gives up: shows the engine's answer and the explanation. */
    void reveal() {
        Exercise ex = current();
        ExerciseView ev = exercise.get();
        if (ex == null || ev == null) {
            return;
        }
        revealed = true;
        LessonRun r = run.get();
        int index = step.getAsInt();
        work.submit(() -> {
            Shown shown = afterAnswer(r, index, ex);
            // a choice that is a sentence ends with its own full stop, and the message adds one
            String key = ex.kind() == Exercise.Kind.NUMERIC ? QuotedNumbers.format(r.answer(ex), ".4g")
                    : r.fill(ex.choices().get(ex.correct()), language).strip().replaceFirst("[.。]$", "");
            return new Given(shown, key, r.fill(ex.explanation(), language));
        }, g -> {
            if (!stillOnShow(r, index)) {
                return;
            }
            replay.unveiled(r, index, g.shown().applied(), g.shown().again());
            exercise.set(exercise.get().with(I18n.format(i18n, "learn.answerWas", g.key()), Boolean.FALSE,
                    g.explanation()));
        });
    }

    private record Given(Shown shown, String key, String explanation) {
    }
}
