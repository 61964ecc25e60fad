package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.engine.trace.expr.Evaluator;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.engine.trace.expr.ExprParser;
import org.lstmlab.engine.trace.expr.Scope;
import org.lstmlab.engine.trace.expr.TraceScope;
import org.lstmlab.engine.trace.expr.Value;

/**
 * A lesson being followed, without any display: performs each step's actions on a {@link Workbench}, computes the
 * step's numbers, fills them into the text, and checks answers against the engine. The verifier replays every step
 * of every lesson with it; the Learn tab runs one beside the debugger. Not thread-safe: one thread at a time.
 */
public final class LessonRun {
    private final Lesson lesson;
    private final Map<Action.Train, List<TrainingRuns.Run>> trainingCache;
    private Workbench bench = new Workbench();
    private final Map<String, Double> numbers = new LinkedHashMap<>();
    private final Map<String, TrainingRuns.Run> runs = new LinkedHashMap<>();
    private int performed = -1;
    private final Map<Integer, List<Applied>> applied = new LinkedHashMap<>();
    private final Map<Integer, List<Applied>> held = new LinkedHashMap<>();
    private final java.util.Set<Integer> unveiled = new java.util.HashSet<>();
    private final Map<Exercise, List<Applied>> predictionsApplied = new IdentityHashMap<>();
    private final java.util.Set<Exercise> predicted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    public LessonRun(Lesson lesson) {
        this(lesson, new IdentityHashMap<>());
    }

    private LessonRun(Lesson lesson, Map<Action.Train, List<TrainingRuns.Run>> cache) {
        this.lesson = lesson;
        this.trainingCache = cache;
    }

    public Lesson lesson() {
        return lesson;
    }

    public Workbench workbench() {
        return bench;
    }

    /** The numbers defined so far, by name. */
    public Map<String, Double> numbers() {
        return Collections.unmodifiableMap(numbers);
    }

    /** The training runs done so far, by name (comparisons by {@code name_cell}). */
    public Map<String, TrainingRuns.Run> runs() {
        return Collections.unmodifiableMap(runs);
    }

    /**
     * Performs steps up to and including {@code index}: the next ones in order, or, to go back, every step again
     * from the start on a fresh workbench (training runs are not repeated: their results are kept).
     */
    public void performThrough(int index) {
        if (index < performed) {
            bench = new Workbench();
            numbers.clear();
            runs.clear();
            predicted.clear();
            applied.clear();
            held.clear();
            unveiled.clear();
            predictionsApplied.clear();
            performed = -1;
        }
        while (performed < index) {
            if (performed >= 0) {
                Exercise left = lesson.steps().get(performed).exercise();
                if (left != null && left.kind() == Exercise.Kind.PREDICT) {
                    runPrediction(left);  // a step left behind has had its run, answered or not
                }
            }
            perform(lesson.steps().get(performed + 1));
            performed++;
        }
    }

    /** An action as performed, with the workbench's state right after it. */
    public record Applied(Action action, Workbench.State after) {
    }

    /** The actions of step {@code index} as they were performed ("show me" repeats them on the debugger). */
    public List<Applied> applied(int index) {
        return applied.getOrDefault(index, List.of());
    }

    /**
     * The {@code reveal} actions of step {@code index}, if its exercise has been answered ({@link #unveil}) or the
     * step left behind; until then "show me" holds them back, since they would show the answer.
     */
    public List<Applied> revealed(int index) {
        return index < performed || unveiled.contains(index) ? held.getOrDefault(index, List.of()) : List.of();
    }

    /**
     * The exercise of step {@code index} is answered (or its answer shown): its {@code reveal} actions may now be
     * shown. Returns them the first time, as they were performed; afterwards (and for a step without them) none.
     */
    public List<Applied> unveil(int index) {
        if (index < 0 || index > performed || !unveiled.add(index)) {
            return List.of();
        }
        return held.getOrDefault(index, List.of());
    }

    /**
     * Every action performed up to and including step {@code index} that the student may see, in order: the steps'
     * actions, their reveals (the current step's once its exercise is answered) and predictions' runs. "Show me"
     * repeats them all, so that the debugger reaches the lesson's state wherever the student left it.
     */
    public List<Applied> appliedThrough(int index) {
        List<Applied> all = new ArrayList<>();
        for (int k = 0; k <= index && k < lesson.steps().size(); k++) {
            all.addAll(applied(k));
            all.addAll(revealed(k));
            Exercise ex = lesson.steps().get(k).exercise();
            if (ex != null) {
                all.addAll(predictionsApplied.getOrDefault(ex, List.of()));
            }
        }
        return all;
    }

    private void perform(Step step) {
        applied.put(performed + 1, performAll(step.actions()));
        held.put(performed + 1, performAll(step.reveal()));   // the numbers see them; "show me" waits for them
        for (Map.Entry<String, ValueDef> e : step.values().entrySet()) {
            numbers.put(e.getKey(), value(e.getValue()));
        }
    }

    /** Performs one action on the workbench. */
    public void perform(Action a) {
        try {
            if (a instanceof Action.Setup s) {
                bench.setUp(s);
            } else if (a instanceof Action.SetWeight w) {
                bench.setWeight(w.name(), w.row(), w.col(), w.value());
            } else if (a instanceof Action.SetInput x) {
                bench.setInput(x.t(), x.d(), x.value());
            } else if (a instanceof Action.Breakpoint b) {
                if (!bench.runToBreakpoint(b.condition())) {
                    throw Refusal.of("engine.run.breakpoint", b.condition());
                }
            } else if (a instanceof Action.Jump j) {
                bench.jump(j.t());
            } else if (a instanceof Action.Mode m) {
                bench.setDirection(m.direction());
            } else if (a instanceof Action.Beside b) {
                bench.setBeside(b.cell());
            } else if (a instanceof Action.Train t) {
                List<TrainingRuns.Run> done = trainingCache.computeIfAbsent(t, TrainingRuns::run);
                for (TrainingRuns.Run r : done) {
                    runs.put(r.prefix(), r);
                    numbers.putAll(r.numbers());
                }
            } else if (a instanceof Action.OpenTrained o) {
                TrainingRuns.Run r = runs.get(o.name());
                bench.open(r.model(), r.data());
            }   // Action.TrainTab sets the app's Train tab only: nothing to compute
        } catch (RuntimeException e) {
            throw new LessonRuntimeException(lesson.source(), a.line(), e);
        }
    }

    /** The text of a step, exercise or hint in a language ({@code en} or {@code zh}) with its numbers filled in. */
    public String fill(Text text, String language) {
        return QuotedNumbers.fill(text.in(language), numbers);
    }

    // ------------------------------------------------------------------------------------------------ numbers

    double value(ValueDef def) {
        try {
            if (def instanceof ValueDef.Expr e) {
                return e.reduce() == null ? evaluate(e.expr(), e.t(), e.beside()) : reduce(e);
            }
            if (def instanceof ValueDef.DenseCount d) {
                return ModelSpec.denseParameters(d.input(), d.units());
            }
            return parameterCount((ValueDef.ParamCount) def);
        } catch (RuntimeException e) {
            throw new LessonRuntimeException(lesson.source(), def.line(), e);
        }
    }

    /**
     * Names of the opened model's head on its sample: {@code logit}, {@code prediction}, {@code target},
     * {@code loss}.
     */
    static final java.util.Set<String> HEAD = java.util.Set.of("logit", "prediction", "target", "loss");

    /**
     * Evaluates an expression to one number: the lesson's numbers first, then (with a trained model open) its head's
     * {@link #HEAD} numbers, then the trace's symbols at timestep t (counted from 1; 0 for the cursor's) of the main
     * cell or the cell beside it.
     */
    public double evaluate(String expr, int t, boolean beside) {
        Trace tr = trace(beside);
        int step = (t > 0 ? t : bench.cursor()) - 1;
        if (step >= tr.steps()) {
            throw Refusal.of("engine.run.pastEnd", Integer.toString(step + 1), Integer.toString(tr.steps()));
        }
        Scope traceScope = new TraceScope(tr, 0, step, 0);
        Scope scope = new Scope() {
            @Override
            public Value value(String name) {
                Double v = numbers.get(name);
                if (v != null) {
                    return Value.of(v);
                }
                return HEAD.contains(name) ? head(name) : traceScope.value(name);
            }

            @Override
            public Matrix matrix(String name) {
                return traceScope.matrix(name);
            }
        };
        Value v;
        try {
            v = Evaluator.evaluate(ExprParser.parse(expr), scope);
        } catch (ExprError e) {
            Refusal r = Refusal.of("engine.run.expression", expr, ExpressionReasons.of(e));
            r.initCause(e);
            throw r;
        }
        if (!v.scalar()) {
            throw Refusal.of("engine.run.notOneNumber", expr, Integer.toString(v.size()));
        }
        return v.data()[0];
    }

    private Value head(String name) {
        Workbench.Head h = bench.head();
        if (h == null) {
            throw Refusal.of("engine.run.noModel", name);
        }
        return switch (name) {
            case "logit" -> Value.vector(h.logits());
            case "prediction" -> Value.vector(h.predictions());
            case "target" -> Value.vector(h.targets());
            default -> Value.of(h.loss());
        };
    }

    /** The main cell's trace, or the trace of the cell beside it. */
    private Trace trace(boolean beside) {
        Trace tr = beside ? bench.besideTrace() : bench.trace();
        if (tr == null) {
            throw Refusal.of("engine.run.noBeside");
        }
        return tr;
    }

    private double reduce(ValueDef.Expr e) {
        return e.combine(e.to() > 0 ? e.to() : trace(e.beside()).steps(), t -> evaluate(e.expr(), t, e.beside()));
    }

    /** Whether a condition over the numbers (and the trace at the cursor) holds. */
    public boolean holds(String condition) {
        return evaluate(condition, 0, false) != 0;
    }

    /**
     * Parameters of one recurrent layer (and its Dense(1) head with {@code dense}) as the framework stores them,
     * counted as the engine counts a layer's weights (without building one, so that a lesson may ask about a layer
     * too large to hold): PyTorch keeps W_ih, W_hh, b_ih and b_hh; Keras keeps kernel (= W_ihᵀ), recurrent_kernel
     * (= W_hhᵀ) and one bias, except the GRU with reset_after, which keeps both biases.
     */
    static double parameterCount(ValueDef.ParamCount p) {
        long n = ModelSpec.stackParameters(p.cell(), p.input(), p.hidden(), 1);   // both biases
        if (!p.framework().equals("pytorch") && p.cell() != CellType.GRU) {
            n -= (long) p.cell().gateCount() * p.hidden();
        }
        if (p.dense()) {
            n += ModelSpec.denseParameters(p.hidden(), 1);
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------ answers

    /** The engine's answer to a numeric exercise of the last performed step. */
    public double answer(Exercise ex) {
        try {
            return evaluate(ex.answer(), ex.t(), false);
        } catch (RuntimeException e) {
            throw new LessonRuntimeException(lesson.source(), ex.line(), e);
        }
    }

    /** A student's numeric answer, checked against the engine with the exercise's tolerance. */
    public boolean isRight(Exercise ex, double given) {
        return Double.isFinite(given) && Math.abs(given - answer(ex)) <= ex.tolerance();
    }

    /** A student's choice (0-based), checked against the key. */
    public boolean isRight(Exercise ex, int choice) {
        return choice == ex.correct();
    }

    /** Performs a predict exercise's run (after the student has chosen), once; returns what it did. */
    public List<Applied> runPrediction(Exercise ex) {
        if (!predicted.add(ex)) {
            return List.of();
        }
        List<Applied> done = performAll(ex.run());
        predictionsApplied.put(ex, done);
        return done;
    }

    private List<Applied> performAll(List<Action> actions) {
        List<Applied> done = new ArrayList<>();
        for (Action a : actions) {
            perform(a);
            done.add(new Applied(a, bench.state()));
        }
        return List.copyOf(done);
    }

    /** Whether the exercise's {@code check} holds in the engine (true when it has none). */
    public boolean keyHolds(Exercise ex) {
        if (ex.check() == null) {
            return true;
        }
        try {
            return holds(ex.check());
        } catch (RuntimeException e) {
            throw new LessonRuntimeException(lesson.source(), ex.line(), e);
        }
    }

    /** The checks of a step that do not hold, as messages. */
    public List<String> failedChecks(Step step) {
        List<String> out = new ArrayList<>();
        for (Step.Check c : step.checks()) {
            try {
                if (!holds(c.expr())) {
                    out.add(lesson.source() + ":" + c.line() + ": the claim '" + c.expr() + "' does not hold");
                }
            } catch (RuntimeException e) {
                out.add(lesson.source() + ":" + c.line() + ": " + e.getMessage());
            }
        }
        return out;
    }
}
