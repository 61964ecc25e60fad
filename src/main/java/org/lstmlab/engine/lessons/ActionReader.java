package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.engine.trace.expr.ExprParser;

/**
 * Reads a lesson's actions (a step's {@code actions} and {@code reveal}, a prediction's {@code run}) for the
 * {@link LessonReader}, and the field checks the reader shares with them. A training run defines its numbers
 * (and its name, for {@code open-trained}) as it is read, so that later text may quote them.
 */
final class ActionReader {
    static final List<String> ACTIONS = List.of("setup", "set-weight", "set-input", "breakpoint", "jump",
            "mode", "beside", "train", "compare", "open-trained", "train-tab");
    private final Set<String> defined;
    private final Set<String> runs;
    /** Each run's cell and settings, for {@code train-tab}. */
    private final Map<String, Map.Entry<CellType, TrainingRuns.Spec>> specs = new java.util.HashMap<>();
    /**
     * The nodes of the step's {@code train-tab} actions that name a run not read yet, by line: the step's prediction
     * may train it ({@link #resolveAhead}).
     */
    private final Map<Integer, YamlNode> ahead = new java.util.LinkedHashMap<>();

    /** {@code defined}: the lesson's numbers so far, and {@code runs} its training runs; a run adds to both. */
    ActionReader(Set<String> defined, Set<String> runs) {
        this.defined = defined;
        this.runs = runs;
    }

    /** The field {@code key} of {@code parent}, whose fields are {@code f}; a missing one is an error. */
    static YamlNode required(YamlNode parent, Map<String, YamlNode> f, String key) throws LessonFormatException {
        YamlNode n = f.get(key);
        if (n == null) {
            throw parent.error(Message.of("engine.lesson.missingField", key));
        }
        return n;
    }

    /** An expression in the debugger's language, its syntax checked; full-width digits or a 。 point are refused. */
    static String expression(YamlNode n) throws LessonFormatException {
        String e = n.nonBlank();
        Message slip = YamlNode.chineseSlip(e, false);
        if (slip != null) {
            throw n.error(slip);
        }
        try {
            ExprParser.parse(e);
        } catch (ExprError err) {
            throw n.error("engine.lesson.expression", ExpressionReasons.of(err));
        }
        return e;
    }

    static CellType cell(YamlNode n) throws LessonFormatException {
        try {
            return CellType.parse(n.nonBlank());
        } catch (Refusal e) {
            throw n.error(e.userMessage());
        }
    }

    List<Action> actions(YamlNode list) throws LessonFormatException {
        List<Action> out = new ArrayList<>();
        for (YamlNode a : list.items()) {
            out.add(action(a));
        }
        return out;
    }

    Action action(YamlNode a) throws LessonFormatException {
        Map<String, YamlNode> f = a.fields(ACTIONS.toArray(String[]::new));
        if (f.size() != 1) {
            throw a.error("engine.lesson.action", NameList.of(ACTIONS));
        }
        var e = f.entrySet().iterator().next();
        YamlNode v = e.getValue();
        int line = a.line();
        return switch (e.getKey()) {
            case "setup" -> setup(v);
            case "set-weight" -> {
                Map<String, YamlNode> p = v.fields("name", "row", "col", "value");
                yield new Action.SetWeight(line, required(v, p, "name").nonBlank(),
                        p.containsKey("row") ? p.get("row").integer(0, 100_000) : 0,
                        p.containsKey("col") ? p.get("col").integer(0, 100_000) : 0,
                        required(v, p, "value").number());
            }
            case "set-input" -> {
                Map<String, YamlNode> p = v.fields("t", "d", "value");
                yield new Action.SetInput(line, required(v, p, "t").integer(1, 100_000),
                        p.containsKey("d") ? p.get("d").integer(0, 100_000) : 0, required(v, p, "value").number());
            }
            case "breakpoint" -> new Action.Breakpoint(line, expression(v));
            case "jump" -> new Action.Jump(line, v.integer(1, 100_000));
            case "mode" -> {
                String m = v.nonBlank();
                if (!m.equals("forward") && !m.equals("backward")) {
                    throw v.error("engine.lesson.mode", m);
                }
                yield new Action.Mode(line, m.equals("forward") ? Direction.FORWARD : Direction.BACKWARD);
            }
            case "beside" -> new Action.Beside(line, v.nonBlank().equals("none") ? null : cell(v));
            case "train", "compare" -> train(v, e.getKey().equals("compare"), line);
            case "open-trained" -> {
                String name = v.nonBlank();
                if (!runs.contains(name)) {
                    throw v.error("engine.lesson.noRun", name);
                }
                timeFirstRefused(v, name);
                yield new Action.OpenTrained(line, name);
            }
            case "train-tab" -> {
                String name = v.nonBlank();
                if (!specs.containsKey(name)) {   // the step's prediction may train it: resolveAhead
                    ahead.put(line, v);
                    yield new Action.TrainTab(line, name, null, null, TrainTabPart.SETTINGS);
                }
                yield trainTab(v, line, name, TrainTabPart.SETTINGS);
            }
            default -> throw v.error("engine.lesson.unknownAction");
        };
    }

    private Action.TrainTab trainTab(YamlNode v, int line, String name, TrainTabPart show)
            throws LessonFormatException {
        timeFirstRefused(v, name);
        var run = specs.get(name);
        return new Action.TrainTab(line, name, run.getKey(), run.getValue(), show);
    }

    /**
     * {@code actions} with each {@code train-tab} that named a run not read yet given that run's settings, now that
     * the rest of its step (its prediction's {@code run}) is read: the Train tab needs only the settings, so a step
     * may set it up for the run its prediction trains. Called for the step's actions and reveal, after its exercise.
     */
    List<Action> resolveAhead(List<Action> actions) throws LessonFormatException {
        List<Action> out = new ArrayList<>();
        for (Action a : actions) {
            YamlNode v = a instanceof Action.TrainTab t && t.spec() == null ? ahead.remove(t.line()) : null;
            if (v == null) {
                out.add(a);
            } else if (specs.containsKey(((Action.TrainTab) a).name())) {
                Action.TrainTab t = (Action.TrainTab) a;
                out.add(trainTab(v, t.line(), t.name(), t.show()));
            } else {
                throw v.error("engine.lesson.noTrainTabRun", ((Action.TrainTab) a).name());
            }
        }
        return out;
    }

    /**
     * The end of a step: a {@code train-tab} left unresolved (in a prediction's {@code run}, which cannot look
     * ahead) names a run that nothing before it trains.
     */
    void endStep() throws LessonFormatException {
        if (!ahead.isEmpty()) {
            YamlNode v = ahead.values().iterator().next();
            throw v.error("engine.lesson.noRun", v.nonBlank());
        }
    }

    Action.Setup setup(YamlNode v) throws LessonFormatException {
        Map<String, YamlNode> p = v.fields("cell", "steps", "input-size", "hidden", "weights", "seed", "input",
                "word", "loss");
        String weights = p.containsKey("weights") ? oneOf(p.get("weights"), "torch", "keras", "latch", "counter")
                : null;
        String input = p.containsKey("input") ? oneOf(p.get("input"), "sine", "counting", "word") : null;
        String loss = p.containsKey("loss") ? oneOf(p.get("loss"), "last-step", "every-step") : null;
        return new Action.Setup(v.line(), p.containsKey("cell") ? cell(p.get("cell")) : null,
                p.containsKey("steps") ? p.get("steps").integer(1, 5000) : null,
                p.containsKey("input-size") ? p.get("input-size").integer(1, 512) : null,
                p.containsKey("hidden") ? p.get("hidden").integer(1, 1024) : null, weights,
                p.containsKey("seed") ? p.get("seed").longValue() : null, input,
                p.containsKey("word") ? p.get("word").nonBlank() : null, loss);
    }

    Action.Train train(YamlNode v, boolean comparison, int line) throws LessonFormatException {
        Map<String, YamlNode> p = v.fields("name", "task", "cell", "cells", "steps", "hidden", "epochs",
                "train-size", "validation-size", "batch", "optimizer", "learning-rate", "clip", "seed", "init",
                "recurrent-scale", "long-steps", "gradient", "gradient-sequences", "text", "layout", "read");
        String name = required(v, p, "name").nonBlank();
        if (!LessonReader.NAME.matcher(name).matches()) {
            throw p.get("name").error("engine.lesson.runName");
        }
        String task = required(v, p, "task").nonBlank();
        if (!Tasks.names().contains(task)) {
            throw p.get("task").error("engine.lesson.task", task, NameList.of(Tasks.names()));
        }
        String text = null;
        if (p.containsKey("text")) {
            if (!task.equals("charlm")) {
                throw p.get("text").error("engine.lesson.textTask", task);
            }
            text = oneOf(p.get("text"), TrainingRuns.TEXTS.toArray(String[]::new));
        }
        List<CellType> cells = new ArrayList<>();
        if (comparison) {
            for (YamlNode c : required(v, p, "cells").items()) {
                cells.add(cell(c));
            }
            if (cells.size() < 2) {
                throw p.get("cells").error("engine.lesson.twoCells");
            }
        } else {
            cells.add(cell(required(v, p, "cell")));
        }
        String optimizer = p.containsKey("optimizer") ? oneOf(p.get("optimizer"), "adam", "sgd", "rmsprop")
                : "adam";
        String init = p.containsKey("init") ? oneOf(p.get("init"), "keras", "torch") : "keras";
        var spec = new TrainingRuns.Spec(task, required(v, p, "steps").integer(1, 500),
                required(v, p, "hidden").integer(1, 256), required(v, p, "epochs").integer(1, 50),
                p.containsKey("train-size") ? p.get("train-size").integer(1, 100_000) : 0,
                p.containsKey("validation-size") ? p.get("validation-size").integer(1, 100_000) : 0,
                p.containsKey("batch") ? p.get("batch").integer(1, 4096) : 32, optimizer,
                p.containsKey("learning-rate") ? positive(p.get("learning-rate")) : 1e-3,
                p.containsKey("clip") ? p.get("clip").number() : 0,
                p.containsKey("seed") ? p.get("seed").longValue() : 1, init,
                p.containsKey("recurrent-scale") ? p.get("recurrent-scale").number() : 1.0,
                p.containsKey("long-steps") ? p.get("long-steps").integer(1, 500) : 0,
                p.containsKey("gradient") && p.get("gradient").bool(),
                p.containsKey("gradient-sequences") ? p.get("gradient-sequences").integer(1, 4096) : 64, text,
                p.containsKey("layout") ? oneOf(p.get("layout"), "batch-first", "time-first") : "batch-first",
                p.containsKey("read") ? oneOf(p.get("read"), "lengths", "last-step") : "lengths");
        defineRun(name, cells, comparison, spec);
        return new Action.Train(line, name, cells, comparison, spec);
    }

    private void defineRun(String name, List<CellType> cells, boolean comparison, TrainingRuns.Spec spec) {
        for (CellType c : cells) {
            String prefix = comparison ? name + "_" + TrainingRuns.key(c) : name;
            defined.addAll(TrainingRuns.names(prefix, c, spec));
            runs.add(prefix);
            specs.put(prefix, Map.entry(c, spec));
        }
    }

    /**
     * The debugger and the Train tab read a batch the right way only: a time-first run, or one that reads h after
     * the padding, cannot go there.
     */
    private void timeFirstRefused(YamlNode v, String name) throws LessonFormatException {
        if (specs.get(name).getValue().timeFirst()) {
            throw v.error("engine.lesson.timeFirstRun", name);
        }
        if (specs.get(name).getValue().lastStep()) {
            throw v.error("engine.lesson.lastStepRun", name);
        }
    }

    private static double positive(YamlNode n) throws LessonFormatException {
        double v = n.number();
        if (!(v > 0)) {
            throw n.error("engine.lesson.positive");
        }
        return v;
    }

    static String oneOf(YamlNode n, String... allowed) throws LessonFormatException {
        String s = n.nonBlank().toLowerCase(Locale.ROOT);
        if (!List.of(allowed).contains(s)) {
            throw n.error("engine.lesson.oneOf", NameList.of(List.of(allowed)), s);
        }
        return s;
    }
}
