package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.engine.lessons.Action;
import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.LessonFormatException;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.Lessons;
import org.lstmlab.engine.lessons.Step;
import org.lstmlab.engine.lessons.ValueDef;
import org.lstmlab.engine.lessons.Workbench;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.engine.trace.expr.Evaluator;
import org.lstmlab.engine.trace.expr.ExprParser;
import org.lstmlab.engine.trace.expr.TraceScope;
import org.lstmlab.ui.common.I18n;

/**
 * "Show me" never shows an exercise's answer before the student has given one. The host here is a debugger without
 * a display: a {@link Workbench} that repeats what the Learn tab sends, as the window's bridge does. Before the
 * answer, no cell it shows (the main one or the one beside it) holds the answer anywhere in its trace; after it, one
 * does, so that the student sees why. The answer is a prediction's key (the numbers its check reads that the step
 * measures) or, for the numeric question of exploding-gradient, the value asked for.
 */
class PredictionsWaitTest {
    @TempDir
    Path dir;

    /** A debugger without a display, driven by the Learn tab as the real one is. */
    static final class Debugger implements LessonHost {
        final Workbench bench = new Workbench();

        @Override
        public void apply(LessonRun.Applied applied, LessonRun run) {
            Action a = applied.action();
            Workbench.State s = applied.after();
            if (a instanceof Action.Setup) {
                bench.setUp(new Action.Setup(0, s.cell(), s.steps(), s.inputSize(), s.hiddenSize(), s.weights(),
                        s.seed(), s.input(), s.word(), s.loss()));
            } else if (a instanceof Action.SetWeight w) {
                bench.setWeight(w.name(), w.row(), w.col(), w.value());
            } else if (a instanceof Action.SetInput x) {
                bench.setInput(x.t(), x.d(), x.value());
            } else if (a instanceof Action.Breakpoint || a instanceof Action.Jump) {
                bench.jump(s.cursor());
            } else if (a instanceof Action.Mode m) {
                bench.setDirection(m.direction());
            } else if (a instanceof Action.Beside b) {
                bench.setBeside(b.cell());
            } else if (a instanceof Action.OpenTrained o) {
                var r = run.runs().get(o.name());
                bench.open(r.model(), r.data());
            }
        }

        @Override
        public void showDebugger() {
        }

        /** Whether a cell on show holds this number as {@code def} computes it (anywhere in its trace). */
        boolean shows(ValueDef.Expr def, double number) {
            List<Trace> shown = new ArrayList<>(List.of(bench.trace()));
            if (bench.besideTrace() != null) {
                shown.add(bench.besideTrace());
            }
            for (Trace tr : shown) {
                Double v = value(def, tr, bench.cursor());
                if (v != null && Math.abs(v - number) <= 1e-9 * Math.max(1, Math.abs(number))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code def} on a trace, or null where the trace cannot compute it (another cell's symbol, a lesson number). */
    static Double value(ValueDef.Expr def, Trace tr, int cursor) {
        try {
            if (def.reduce() == null) {
                return at(def.expr(), def.t() > 0 ? def.t() : cursor, tr);
            }
            return def.combine(def.to() > 0 ? def.to() : tr.steps(), t -> at(def.expr(), t, tr));
        } catch (RuntimeException cannot) {
            return null;
        }
    }

    private static double at(String expr, int t, Trace tr) {
        var v = Evaluator.evaluate(ExprParser.parse(expr), new TraceScope(tr, 0, t - 1, 0));
        if (!v.scalar()) {
            throw new IllegalArgumentException(expr);
        }
        return v.data()[0];
    }

    /** One exercise to keep quiet: a lesson's step (from 0). */
    record Quiet(String lesson, int step) {
        @Override
        public String toString() {
            return lesson + " step " + (step + 1);
        }
    }

    /** Every prediction of every built-in lesson, and the numeric question of exploding-gradient's first step. */
    static List<Quiet> exercises() throws LessonFormatException {
        List<Quiet> out = new ArrayList<>();
        for (String id : Lessons.ids()) {
            List<Step> steps = Lessons.load(id).steps();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).exercise() != null && steps.get(i).exercise().kind() == Exercise.Kind.PREDICT) {
                    out.add(new Quiet(id, i));
                }
            }
        }
        out.add(new Quiet("exploding-gradient", 0));
        return out;
    }

    /**
     * The answer as numbers of the engine: the step's numbers that a prediction's check reads (and the step's own
     * numbers those are computed from), or a numeric exercise's value; each with how it is computed from a trace.
     */
    static Map<ValueDef.Expr, Double> answer(Lesson lesson, int index) {
        LessonRun run = new LessonRun(lesson);
        run.performThrough(index);
        Step step = lesson.steps().get(index);
        Exercise ex = step.exercise();
        Map<ValueDef.Expr, Double> out = new LinkedHashMap<>();
        if (ex.kind() == Exercise.Kind.NUMERIC) {
            out.put(new ValueDef.Expr(0, ex.answer(), ex.t(), false), run.answer(ex));
            return out;
        }
        List<String> todo = new ArrayList<>(ex.check() == null ? List.of() : ExprParser.parse(ex.check()).names());
        while (!todo.isEmpty()) {
            String name = todo.remove(0);
            if (step.values().get(name) instanceof ValueDef.Expr e && !out.containsKey(e)) {
                out.put(e, run.numbers().get(name));
                todo.addAll(ExprParser.parse(e.expr()).names());
            }
        }
        return out;
    }

    private LearnViewModel at(Quiet q, Debugger host) {
        LearnViewModel vm = new LearnViewModel(I18n.bundle(Locale.ENGLISH),
                new LessonProgress(dir.resolve("p.properties")), Runnable::run, Runnable::run);
        vm.setHost(host);
        vm.open(q.lesson());
        for (int k = 0; k < q.step(); k++) {
            vm.next();
        }
        assertEquals(q.step(), vm.stepProperty().get());
        assertEquals("", vm.errorProperty().get());
        return vm;
    }

    private static List<String> shown(Debugger host, Map<ValueDef.Expr, Double> answer) {
        return answer.entrySet().stream().filter(e -> host.shows(e.getKey(), e.getValue()))
                .map(e -> e.getKey().expr() + " = " + e.getValue()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void showMeKeepsTheAnswerForAfterTheAnswer(Quiet q) throws LessonFormatException {
        Debugger host = new Debugger();
        LearnViewModel vm = at(q, host);
        vm.showMe();
        Map<ValueDef.Expr, Double> answer = answer(Lessons.load(q.lesson()), q.step());
        assertEquals(List.of(), shown(host, answer), "on show before the answer");
    }

    /** The three steps that used to show their answer: after the answer it is on show, and "Show me" keeps it. */
    @Test
    void theAnswerShowsTheStudentWhy() throws LessonFormatException {
        for (Quiet q : List.of(new Quiet("squashed-cell", 0), new Quiet("forget-gate", 2),
                new Quiet("exploding-gradient", 0))) {
            Debugger host = new Debugger();
            LearnViewModel vm = at(q, host);
            Map<ValueDef.Expr, Double> answer = answer(Lessons.load(q.lesson()), q.step());
            assertFalse(answer.isEmpty(), q + ": its answer is a number of the trace");
            Exercise ex = Lessons.load(q.lesson()).steps().get(q.step()).exercise();
            if (ex.kind() == Exercise.Kind.NUMERIC) {
                vm.checkNumber(Double.toString(answer.values().iterator().next()));
            } else {
                vm.choose(ex.correct());
            }
            assertNotNull(vm.exerciseProperty().get().explanation(), q.toString());
            assertFalse(shown(host, answer).isEmpty(), q + ": the answer shows the debugger what it says");
            vm.showMe();
            assertFalse(shown(host, answer).isEmpty(), q + ": \"Show me\" after the answer shows it too");
        }
    }

    /** A choice can give its answer away too: squashed-cell's third step shows the collapsed gradient only after. */
    @Test
    void theCollapsedGradientWaitsForTheChoice() throws LessonFormatException {
        Quiet q = new Quiet("squashed-cell", 2);
        Lesson lesson = Lessons.load(q.lesson());
        Step step = lesson.steps().get(q.step());
        LessonRun run = new LessonRun(lesson);
        run.performThrough(q.step());
        ValueDef.Expr collapse = (ValueDef.Expr) step.values().get("collapse");
        double kept = run.numbers().get("collapse");
        Debugger host = new Debugger();
        LearnViewModel vm = at(q, host);
        vm.showMe();
        assertFalse(host.shows(collapse, kept), "the squashed cell's " + kept + " on show before the choice");
        vm.choose(step.exercise().correct());
        assertTrue(host.shows(collapse, kept), "after the choice the squashed cell runs beside, keeping " + kept);
    }

    /** A wrong number keeps the answer back; "Show the answer" shows it. */
    @Test
    void aWrongNumberKeepsItBackAndGivingUpShowsIt() throws LessonFormatException {
        Quiet q = new Quiet("exploding-gradient", 0);
        Debugger host = new Debugger();
        LearnViewModel vm = at(q, host);
        Map<ValueDef.Expr, Double> answer = answer(Lessons.load(q.lesson()), q.step());
        vm.showMe();
        vm.checkNumber("1000");
        assertEquals(Boolean.FALSE, vm.exerciseProperty().get().right());
        vm.showMe();
        assertEquals(List.of(), shown(host, answer));
        vm.reveal();
        assertTrue(vm.exerciseProperty().get().feedback().contains("2217"), vm.exerciseProperty().get().feedback());
        assertFalse(shown(host, answer).isEmpty());
    }
}
