package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;

/**
 * Replays a lesson without a display: performs every action, computes every number and fills it into both
 * languages, checks every claim, every highlight, and every exercise's key against the engine (a numeric answer
 * key is the engine's own value and must be accepted, and a clearly wrong number refused; a choice's {@code check}
 * must hold; a prediction's run is performed and then its {@code check} must hold), and refuses a number typed
 * into the text where a placeholder belongs ({@link TypedNumbers}).
 */
public final class LessonVerifier {
    private LessonVerifier() {
    }

    /** The verdict on one lesson. */
    public record Result(String id, boolean passed, List<String> problems, int steps, int exercises, long millis) {
    }

    public static Result verify(Lesson lesson) {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        LessonRun run = new LessonRun(lesson);
        int exercises = 0;
        try {
            for (int i = 0; i < lesson.steps().size(); i++) {
                Step step = lesson.steps().get(i);
                run.performThrough(i);
                String at = "steps[" + i + "]";
                fillBoth(run, step.text(), problems, lesson.source() + ":" + step.line() + ": " + at + ".text");
                problems.addAll(run.failedChecks(step));
                highlight(run, step, problems, lesson.source());
                if (step.exercise() != null) {
                    exercises++;
                    exercise(run, step.exercise(), problems, lesson.source(), at + ".exercise");
                }
            }
            if (exercises == 0) {
                problems.add(lesson.source() + ": a lesson needs at least one exercise");
            }
        } catch (LessonRuntimeException e) {
            problems.add(e.getMessage());
        } catch (RuntimeException e) {
            problems.add(lesson.source() + ": " + e);
        }
        return new Result(lesson.id(), problems.isEmpty(), problems, lesson.steps().size(), exercises,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void exercise(LessonRun run, Exercise ex, List<String> problems, String source, String field) {
        String where = source + ":" + ex.line() + ": ";
        String in = where + field;
        fillBoth(run, ex.prompt(), problems, in + ".prompt");
        for (int k = 0; k < ex.hints().size(); k++) {
            fillBoth(run, ex.hints().get(k), problems, in + ".hints[" + k + "]");
        }
        for (int k = 0; k < ex.choices().size(); k++) {
            fillBoth(run, ex.choices().get(k), problems, in + ".choices[" + k + "]");
        }
        switch (ex.kind()) {
            case NUMERIC -> {
                double key = run.answer(ex);
                if (!Double.isFinite(key)) {
                    problems.add(where + "the answer '" + ex.answer() + "' is not a finite number: " + key);
                } else if (!run.isRight(ex, key) || run.isRight(ex, key + 10 * ex.tolerance() + 1)) {
                    problems.add(where + "the answer check does not accept the key or accepts a wrong number");
                }
            }
            case CHOICE -> {
                if (!run.keyHolds(ex)) {
                    problems.add(where + "the key (choice " + (ex.correct() + 1) + ") disagrees with the engine: '"
                            + ex.check() + "' does not hold");
                }
            }
            case PREDICT -> {
                run.runPrediction(ex);
                if (!run.keyHolds(ex)) {
                    problems.add(where + "after the run, the key (choice " + (ex.correct() + 1) + ") disagrees with "
                            + "the engine: '" + ex.check() + "' does not hold");
                }
            }
            default -> throw new IllegalStateException();
        }
        for (int k = 0; k < ex.feedback().size(); k++) {   // after a prediction's run, as the app shows it
            fillBoth(run, ex.feedback().get(k), problems, in + ".choices[" + k + "].feedback");
        }
        fillBoth(run, ex.explanation(), problems, in + ".explanation");
    }

    private static void highlight(LessonRun run, Step step, List<String> problems, String source) {
        Highlight h = step.highlight();
        if (h == null) {
            return;
        }
        CellType cell = run.workbench().cell();
        boolean ok = switch (h.kind()) {
            case EQUATION -> EquationCatalogue.of(cell, Direction.FORWARD).stream().anyMatch(e -> e.id().equals(
                    h.target())) || EquationCatalogue.of(cell, Direction.BACKWARD).stream()
                    .anyMatch(e -> e.id().equals(h.target()));
            case GATE, HEATMAP -> Trace.symbolsOf(cell, Direction.FORWARD).contains(h.target())
                    || Trace.symbolsOf(cell, Direction.BACKWARD).contains(h.target());
        };
        if (!ok) {
            problems.add(source + ":" + step.line() + ": the highlight '" + h.target() + "' does not exist for the "
                    + cell.id() + " shown at this step");
        }
    }

    /** Fills a text in both languages; {@code where} is "file:line: field" for the problems it finds. */
    private static void fillBoth(LessonRun run, Text t, List<String> problems, String where) {
        for (String lang : List.of("en", "zh")) {
            try {
                run.fill(t, lang);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + lang + ": " + e.getMessage());
            }
            for (String typed : TypedNumbers.in(t.in(lang), run.numbers())) {
                problems.add(where + ": " + lang + ": " + typed);
            }
        }
    }
}
