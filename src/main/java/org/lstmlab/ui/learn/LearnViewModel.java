package org.lstmlab.ui.learn;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
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
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.LessonFormatException;
import org.lstmlab.engine.lessons.LessonReader;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.Lessons;
import org.lstmlab.engine.lessons.Step;
import org.lstmlab.engine.lessons.Text;
import org.lstmlab.engine.lessons.TypedNumberNotes;
import org.lstmlab.engine.text.Message;
import org.lstmlab.ui.common.I18n;

/**
 * The Learn tab's state and commands, free of scene-graph types so that plain tests drive it: the lesson list
 * ({@link LessonItems}), opening a lesson where the student left it, and stepping through it. A lesson runs on a
 * {@link LessonRun} on the worker (its numbers may need a training run); the FX thread only receives finished
 * views of a step. The step's exercise is {@link LessonExercise}'s; "Show me" repeats the step's actions on the
 * debugger through the {@link LessonHost} ({@link LessonReplay}).
 */
public final class LearnViewModel {
    /** One line of the lesson list; {@code started}: past its first step or with an exercise solved. */
    public record LessonItem(String id, String title, String summary, String error, int solved, int exercises,
                             boolean started) {
    }

    private final ResourceBundle i18n;
    private final LessonProgress progress;
    private final String language;
    private final LessonReplay replay = new LessonReplay();

    private final ObservableList<LessonItem> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper look = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper forgotten = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    /** The progress the last "Reset progress" took, for its undo; null when there is nothing to undo. */
    private LessonProgress.Forgotten undo;
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasActions = new ReadOnlyBooleanWrapper(false);
    private LessonRun run;
    /** What to do again on the exercise once the lesson shows its step (restore). */
    private ExerciseAnswer pending;
    private Path file;
    private final LessonWork work;
    private final LessonExercise exercises;
    private final LessonSources sources;

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
        this.exercises = new LessonExercise(i18n, language, work, replay, () -> run, step::get, status::set,
                (id, index) -> remember(() -> progress.solve(id, index)));
        this.sources = new LessonSources(i18n);
        refreshList();
    }

    public void setHost(LessonHost host) {
        replay.setHost(host);
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

    /**
     * The notes on the teacher's file open, for its author: the numbers typed into its text where a placeholder
     * belongs ({@link TypedNumberNotes}), which {@code lessons --verify} refuses, a line each after a heading; they
     * do not stop the lesson and stay, on every step, until it is closed. Empty for a built-in lesson.
     */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** "“…” starts afresh: …" after "Reset progress", while its undo is offered; empty otherwise. */
    public ReadOnlyStringProperty forgottenProperty() {
        return forgotten.getReadOnlyProperty();
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

    /** The numeric answer as typed so far (the answer field shows it), checked or not. */
    public StringProperty answerTextProperty() {
        return exercises.answerTextProperty();
    }

    /** The works the open lesson cites, shown on request in place of its step. */
    public LessonSources sources() {
        return sources;
    }

    /** The step's exercise, or null. */
    public ReadOnlyObjectProperty<ExerciseView> exerciseProperty() {
        return exercises.exerciseProperty();
    }

    // ------------------------------------------------------------------------------------------------ the list

    /** Reads the built-in lessons again; a malformed one shows its error and the others stay usable. */
    public void refreshList() {
        lessons.setAll(LessonItems.read(i18n, progress, language));
    }

    /**
     * Starts a lesson afresh: it opens at its first step with no exercise solved (a teacher about to show it to a
     * class, a student on a shared computer). The list says so and offers {@link #undoForget} until the next one.
     */
    public void forget(String id) {
        LessonItem item = lessons.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
        if (item == null || !item.started()) {
            return;
        }
        try {
            undo = progress.forget(id);
            forgotten.set(I18n.format(i18n, "learn.forgotten", item.title()));
            error.set("");
        } catch (IOException e) {
            error.set(I18n.format(i18n, "learn.error.progress", I18n.explain(i18n, e)));
        }
        refreshList();
    }

    /** Gives back the progress the last {@link #forget} took. */
    public void undoForget() {
        if (undo == null) {
            return;
        }
        try {
            progress.restore(undo);
            undo = null;
            forgotten.set("");
        } catch (IOException e) {
            error.set(I18n.format(i18n, "learn.error.progress", I18n.explain(i18n, e)));
        }
        refreshList();
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
                Lesson l = LessonReader.read(file); // a file that cannot be read is a LessonFormatException too
                return new Opened(l, TypedNumberNotes.of(l));
            } catch (LessonFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, o -> {
            start(o.lesson(), file);
            notes.set(notesText(o.notes()));
        });
    }

    /** A teacher's lesson as read, and the notes on its file. */
    private record Opened(Lesson lesson, List<Message> notes) {
    }

    /** Most notes shown; the command line lists the others. */
    private static final int NOTES_SHOWN = 5;

    private String notesText(List<Message> all) {
        if (all.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(i18n.getString("learn.notes"));
        all.stream().limit(NOTES_SHOWN).forEach(m -> b.append("\n\u2022 ").append(I18n.message(i18n, m)));
        if (all.size() > NOTES_SHOWN) {
            b.append('\n').append(I18n.format(i18n, "learn.notes.more", all.size() - NOTES_SHOWN));
        }
        return b.toString();
    }

    /** An example lesson a teacher may copy: its file name and its title in the app's language. */
    public record Example(String file, String title) {
    }

    /** The example lessons that ship with the app ({@link Lessons#examples}), for a teacher to copy and edit. */
    public List<Example> examples() {
        return Lessons.examples().stream().map(name -> {
            try {
                Lesson l = LessonReader.parse(name, new String(Lessons.example(name),
                        java.nio.charset.StandardCharsets.UTF_8));
                return new Example(name, l.title().in(language));
            } catch (LessonFormatException e) {
                return new Example(name, name);
            }
        }).toList();
    }

    /**
     * Writes the example lesson {@code name} to {@code target}, where the teacher chose, and opens that copy: the
     * teacher edits it and opens it again with "Open lesson file…". A copy that cannot be written says why.
     */
    public void copyExample(String name, Path target) {
        try {
            java.nio.file.Files.write(target, Lessons.example(name));
        } catch (IOException e) {
            error.set(I18n.format(i18n, "learn.error.example", I18n.explain(i18n, e)));
            return;
        }
        openFile(target);
    }

    /** The teacher's file the open lesson came from, or null for a built-in lesson (or none open). */
    public Path lessonFile() {
        return lesson.get() == null ? null : file;
    }

    private void start(Lesson l, Path from) {
        error.set("");
        notes.set("");
        undo = null;
        forgotten.set("");
        file = from;
        run = new LessonRun(l);
        lesson.set(l);
        sources.lesson(l);
        title.set(l.title().in(language));
        remember(() -> progress.align(l));   // a teacher's file may have changed since the student last opened it
        int resume = Math.min(progress.step(l.id()), l.steps().size() - 1);
        go(resume);
    }

    /** What the student did on the step's exercise, in no language (View ▸ Language keeps it), or null. */
    public ExerciseAnswer answer() {
        Lesson l = lesson.get();
        return l == null ? null : exercises.answer(l.id());
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
        sources.lesson(null);
        step.set(-1);
        exercises.clear();
        text.set("");
        notes.set("");
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
            sources.step(index, l.steps().size());
            position.set(I18n.format(i18n, "learn.position", index + 1, l.steps().size()));
            text.set(v.text());
            replay.point(s.highlight());
            look.set(LookText.of(i18n, s.highlight()));
            hasActions.set(index > 0 || !s.actions().isEmpty() || !s.reveal().isEmpty());
            canBack.set(index > 0);
            canNext.set(index < l.steps().size() - 1);
            exercises.show(v);
            status.set(index == l.steps().size() - 1 ? i18n.getString("learn.lastStep") : "");
            remember(() -> progress.reached(l.id(), index));
            ExerciseAnswer again = pending;
            pending = null;
            if (again != null && again.lesson().equals(l.id()) && again.step() == index) {
                replay.setQuiet(true);  // the debugger shows what the answer showed already
                again.replay(this);
                work.submit(() -> null, done -> replay.setQuiet(false));  // after the pieces the replay submitted
            }
        });
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
            replay.showMe(r, index, all);
        });
    }

    // ------------------------------------------------------------------------------------------------ exercises

    /** Checks a numeric answer against the engine's value. */
    public void checkNumber(String answer) {
        exercises.checkNumber(answer);
    }

    /** Answers a choice or prediction (0-based); a prediction then performs its run. */
    public void choose(int choice) {
        exercises.choose(choice);
    }

    /**
     * The engine's answer to the numeric exercise on show, written out as a student would type it, or null: for a
     * tool that answers each step right (LessonScreenshots measures the dock after the explanation appears).
     */
    String numericKey() {
        int index = step.get();
        Exercise ex = run == null || index < 0 ? null : run.lesson().steps().get(index).exercise();
        return ex == null || ex.kind() != Exercise.Kind.NUMERIC ? null
                : BigDecimal.valueOf(run.answer(ex)).toPlainString();
    }

    /** Shows the next hint. */
    public void hint() {
        exercises.hint();
    }

    /** Gives up: shows the engine's answer and the explanation. */
    public void reveal() {
        exercises.reveal();
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
