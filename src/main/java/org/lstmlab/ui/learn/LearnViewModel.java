package org.lstmlab.ui.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.engine.lessons.Highlight;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.LessonFormatException;
import org.lstmlab.engine.lessons.LessonReader;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.Lessons;
import org.lstmlab.engine.lessons.QuotedNumbers;
import org.lstmlab.engine.lessons.Step;
import org.lstmlab.engine.lessons.Text;
import org.lstmlab.ui.common.I18n;

/**
 * The Learn tab's state and commands, free of scene-graph types so that plain tests drive it. A lesson runs on a
 * {@link LessonRun} on the worker (its numbers may need a training run); the FX thread only receives finished
 * views of a step. "Show me" repeats the step's actions on the debugger through the {@link LessonHost}.
 */
public final class LearnViewModel {
    /** One line of the lesson list. */
    public record LessonItem(String id, String title, String summary, String error, int solved, int exercises) {
    }

    private final ResourceBundle i18n;
    private final LessonProgress progress;
    private final String language;
    private LessonHost host = LessonHost.NONE;

    private final ObservableList<LessonItem> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper look = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasActions = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ExerciseView> exercise = new ReadOnlyObjectWrapper<>();

    private final StringProperty answerText = new SimpleStringProperty(this, "answerText", "");
    private LessonRun run;
    /** The number last checked on this step (as typed), and whether the answer was given away: see answer(). */
    private String checked;
    private boolean revealed;
    /** What to do again on the exercise once the lesson shows its step (restore), and while it is done again. */
    private ExerciseAnswer pending;
    private boolean quiet;
    private Path file;
    private int hintsShown;
    private List<String> hints = List.of();
    private final LessonWork work;

    /**
     * @param worker runs the engine (one thread at a time, in order)
     * @param fx     runs results on the FX thread
     */
    public LearnViewModel(ResourceBundle i18n, LessonProgress progress, Executor worker, Executor fx) {
        this.i18n = i18n;
        this.progress = progress;
        this.work = new LessonWork(worker, fx, (e, last) -> {
            if (last) {
                status.set("");
            }
            error.set(I18n.format(i18n, "learn.error.lesson", I18n.explain(i18n, e)));
        });
        this.language = Text.isChinese(i18n.getLocale()) ? "zh" : "en";
        refreshList();
    }

    public void setHost(LessonHost host) {
        this.host = host == null ? LessonHost.NONE : host;
    }

    /** {@code en} or {@code zh}: the lessons' language follows the app's. */
    public String language() {
        return language;
    }

    // ------------------------------------------------------------------------------------------------ properties

    public ObservableList<LessonItem> lessons() {
        return lessons;
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Step 2 of 9". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The step's prose with the engine's numbers filled in (LaTeX between $ signs). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** What to look at, in words ("Look at the equation lstm.f"), or empty. */
    public ReadOnlyStringProperty lookProperty() {
        return look.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why a lesson could not be opened or performed; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    /** Whether the step has actions for "show me". */
    public ReadOnlyBooleanProperty hasActionsProperty() {
        return hasActions.getReadOnlyProperty();
    }

    /** The step's exercise, or null. */
    /** The numeric answer as typed so far (the answer field shows it), checked or not. */
    public StringProperty answerTextProperty() {
        return answerText;
    }

    public ReadOnlyObjectProperty<ExerciseView> exerciseProperty() {
        return exercise.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------------------------------------ the list

    /** Reads the built-in lessons again; a malformed one shows its error and the others stay usable. */
    public void refreshList() {
        List<LessonItem> items = new ArrayList<>();
        for (Lessons.Entry e : Lessons.all()) {
            if (e.lesson() != null) {
                Lesson l = e.lesson();
                items.add(new LessonItem(l.id(), l.title().in(language), l.summary().in(language), "",
                        progress.solvedCount(l.id()), l.exerciseCount()));
            } else {
                items.add(new LessonItem(e.id(), e.id(), "", I18n.explain(i18n, e.error()), 0, 0));
            }
        }
        lessons.setAll(items);
    }

    // ------------------------------------------------------------------------------------------------ opening

    /** Opens a built-in lesson where the student left it. */
    public void open(String id) {
        try {
            start(Lessons.load(id), null);
        } catch (LessonFormatException e) {
            error.set(I18n.format(i18n, "learn.error.lesson", I18n.explain(i18n, e)));
        }
    }

    /** Opens a teacher's lesson file; a malformed file leaves everything as it was and says where it is wrong. */
    public void openFile(Path file) {
        work.submit(() -> {
            try {
                return LessonReader.read(file); // a file that cannot be read is a LessonFormatException too
            } catch (LessonFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, l -> start(l, file));
    }

    /** The teacher's file the open lesson came from, or null for a built-in lesson (or none open). */
    public Path lessonFile() {
        return lesson.get() == null ? null : file;
    }

    private void start(Lesson l, Path from) {
        error.set("");
        file = from;
        run = new LessonRun(l);
        lesson.set(l);
        title.set(l.title().in(language));
        int resume = Math.min(progress.step(l.id()), l.steps().size() - 1);
        go(resume);
    }

    /** What the student did on the step's exercise, in no language (View ▸ Language keeps it), or null. */
    public ExerciseAnswer answer() {
        Lesson l = lesson.get();
        ExerciseView ev = exercise.get();
        return l == null || ev == null ? null : new ExerciseAnswer(l.id(), step.get(), answerText.get(), checked,
                ev.hints().size(), ev.chosen(), revealed);
    }

    /** Does {@code a} again once the lesson opened next (after this call) shows its step; the debugger stays. */
    public void restore(ExerciseAnswer a) {
        pending = a;
    }

    /** Closes the lesson (the debugger keeps its state). */
    public void close() {
        work.forget();
        run = null;
        lesson.set(null);
        step.set(-1);
        exercise.set(null);
        text.set("");
        position.set("");
        refreshList();
    }

    // ------------------------------------------------------------------------------------------------ stepping

    public void next() {
        if (canNext.get()) {
            go(step.get() + 1);
        }
    }

    public void back() {
        if (canBack.get()) {
            go(step.get() - 1);
        }
    }

    private void go(int index) {
        LessonRun r = run;
        Lesson l = lesson.get();
        work.submit(() -> {
            r.performThrough(index);
            return StepView.of(r, index, progress.solved(l.id(), index) ? i18n.getString("learn.solvedBefore")
                    : "", language);
        }, v -> {
            if (r != run) {
                return;
            }
            Step s = l.steps().get(index);
            step.set(index);
            position.set(I18n.format(i18n, "learn.position", index + 1, l.steps().size()));
            text.set(v.text());
            highlight.set(s.highlight());
            host.highlight(s.highlight());
            look.set(s.highlight() == null ? "" : I18n.format(i18n, "learn.look." + s.highlight().kind().name(),
                    target(s.highlight())));
            hasActions.set(index > 0 || !s.actions().isEmpty() || !s.reveal().isEmpty());
            canBack.set(index > 0);
            canNext.set(index < l.steps().size() - 1);
            hintsShown = 0;
            hints = v.hints();
            checked = null;
            revealed = false;
            answerText.set("");
            exercise.set(v.exercise());
            status.set(index == l.steps().size() - 1 ? i18n.getString("learn.lastStep") : "");
            remember(() -> progress.reached(l.id(), index));
            ExerciseAnswer again = pending;
            pending = null;
            if (again != null && again.lesson().equals(l.id()) && again.step() == index) {
                quiet = true;  // the debugger shows what the answer showed already
                again.replay(this);
                work.submit(() -> null, done -> quiet = false);  // after the pieces the replay submitted
            }
        });
    }

    /** An equation by its name in the debugger's labels ("input gate"), a symbol as it is. */
    private String target(Highlight h) {
        String key = "debugger.eq." + h.target();
        return h.kind() == Highlight.Kind.EQUATION && i18n.containsKey(key) ? "\u201c" + i18n.getString(key)
                + "\u201d" : h.target();
    }

    /** Repeats the step's actions on the debugger. */
    public void showMe() {
        if (run == null || step.get() < 0) {
            return;
        }
        LessonRun r = run;
        int index = step.get();
        work.submit(() -> r.appliedThrough(index), all -> {
            if (r != run) {
                return;
            }
            for (LessonRun.Applied a : all) {
                if (replays(r, index, a)) {
                    host.apply(a, r);
                }
            }
            host.highlight(highlight.get());
            host.showDebugger();
        });
    }

    /** The debugger is rebuilt from every earlier step; a Train tab set-up is done by its own step's only. */
    private static boolean replays(LessonRun r, int index, LessonRun.Applied a) {
        return !(a.action() instanceof org.lstmlab.engine.lessons.Action.TrainTab)
                || index >= 0 && r.lesson().steps().get(index).actions().contains(a.action());
    }

    // ------------------------------------------------------------------------------------------------ exercises

    private Exercise currentExercise() {
        return run == null || step.get() < 0 ? null : run.lesson().steps().get(step.get()).exercise();
    }

    /** Checks a numeric answer against the engine's value. */
    public void checkNumber(String answer) {
        Exercise ex = currentExercise();
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
        LessonRun r = run;
        int index = step.get();
        work.submit(() -> {
            boolean right = r.isRight(ex, v);
            return new Verdict(right, right ? afterAnswer(r, index, ex) : Shown.NOTHING,
                    r.fill(ex.explanation(), language), "");
        }, verdict -> verdict(r, index, ex, verdict));
    }

    /** Answers a choice or prediction (0-based); a prediction then performs its run. */
    public void choose(int choice) {
        Exercise ex = currentExercise();
        if (ex == null || ex.kind() == Exercise.Kind.NUMERIC) {
            return;
        }
        LessonRun r = run;
        int index = step.get();
        if (ex.kind() == Exercise.Kind.PREDICT) {
            status.set(i18n.getString("learn.running"));
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

    /** On FX: shows what an answer unveiled on the debugger. */
    private void show(LessonRun r, Shown shown) {
        if (quiet) {
            return;
        }
        for (LessonRun.Applied a : shown.applied()) {
            if (replays(r, step.get(), a)) {
                host.apply(a, r);
            }
        }
        if (shown.again()) {
            host.highlight(highlight.get());
            host.showDebugger();
        }
    }

    private void verdict(LessonRun r, int index, Exercise ex, Verdict v) {
        if (r != run || index != step.get()) {
            return;
        }
        show(r, v.shown());
        boolean right = v.right();
        ExerciseView ev = exercise.get();
        boolean done = right || ex.kind() == Exercise.Kind.PREDICT;
        String feedback = right ? i18n.getString("learn.right") : ex.kind() == Exercise.Kind.PREDICT
                ? i18n.getString("learn.predictedWrong") : i18n.getString("learn.wrong");
        status.set("");
        exercise.set(ev.with(feedback, right, done ? v.explanation() : ev.explanation(), v.why()));
        if (right) {
            remember(() -> progress.solve(r.lesson().id(), index));
        }
    }

    /** Shows the next hint. */
    public void hint() {
        Exercise ex = currentExercise();
        ExerciseView ev = exercise.get();
        if (ex == null || ev == null || hintsShown >= hints.size()) {
            return;
        }
        hintsShown++;
        exercise.set(ev.withHints(List.copyOf(hints.subList(0, hintsShown)), hintsShown < hints.size()));
    }

    /** Gives up: shows the engine's answer and the explanation. */
    public void reveal() {
        Exercise ex = currentExercise();
        ExerciseView ev = exercise.get();
        if (ex == null || ev == null) {
            return;
        }
        revealed = true;
        LessonRun r = run;
        int index = step.get();
        work.submit(() -> {
            Shown shown = afterAnswer(r, index, ex);
            String key = ex.kind() == Exercise.Kind.NUMERIC ? QuotedNumbers.format(r.answer(ex), ".4g")
                    : r.fill(ex.choices().get(ex.correct()), language);
            return new Given(shown, key, r.fill(ex.explanation(), language));
        }, g -> {
            if (r != run || index != step.get()) {
                return;
            }
            show(r, g.shown());
            exercise.set(exercise.get().with(I18n.format(i18n, "learn.answerWas", g.key()), Boolean.FALSE,
                    g.explanation()));
        });
    }

    private record Given(Shown shown, String key, String explanation) {
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private interface IoAction {
        void run() throws IOException;
    }

    private void remember(IoAction save) {
        try {
            save.run();
        } catch (IOException e) {
            status.set(I18n.format(i18n, "learn.error.progress", I18n.explain(i18n, e)));
        }
    }
}
