package org.lstmlab.engine.lessons;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.engine.trace.expr.ExprParser;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.FileRefusal;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Reasons;
import org.lstmlab.engine.text.Refusal;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a lesson file (YAML; the format is described in docs/lessons.md). Everything is checked that can be checked
 * without running the engine: the fields and their types, the cells, presets, tasks and equation ids, the
 * expressions' syntax, and that every {@code {{name}}} in the text names a number the lesson defines by then. A
 * problem is a {@link LessonFormatException} naming the file, the line and the field.
 */
public final class LessonReader {
    /** Largest lesson file read, in bytes. */
    public static final long MAX_BYTES = 1 << 20;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    static final List<String> ACTIONS = List.of("setup", "set-weight", "set-input", "breakpoint", "jump",
            "mode", "beside", "train", "compare", "open-trained");
    static final String[] EXERCISE = {"type", "prompt", "answer", "t", "tolerance", "choices", "correct", "check",
        "run", "hints", "explanation"};
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?::\\s*([^}]*?))?\\s*}}");

    private LessonReader() {
    }

    /**
     * Reads a lesson file from disk (a regular file of at most {@link #MAX_BYTES}); a file that cannot be read is a
     * {@link LessonFormatException} too, with the file system's reason.
     */
    public static Lesson read(Path file) throws LessonFormatException {
        String name = file.toString().isEmpty() ? "(empty path)"
                : file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = InputFiles.readAll(file, MAX_BYTES, Message.of("engine.lesson.files"));
        } catch (NoSuchFileException e) {
            throw new LessonFormatException(name, 0, "", Message.of("engine.lesson.noSuchFile"));
        } catch (FileRefusal e) {
            throw new LessonFormatException(name, 0, "", e.reason());
        } catch (AccessDeniedException e) {
            throw new LessonFormatException(name, 0, "", Message.of("engine.lesson.denied"));
        } catch (FileSystemException e) {
            throw new LessonFormatException(name, 0, "", Reasons.ofSystemText(e.getReason() != null ? e.getReason()
                    : e.getClass().getSimpleName()));
        } catch (IOException e) {
            // a read that fails ("Input/output error"): the system's reason, in the app's language when it is a
            // usual one
            throw new LessonFormatException(name, 0, "", Reasons.ofSystemText(e.getMessage() != null
                    ? e.getMessage() : e.getClass().getSimpleName()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new LessonFormatException(name, 0, "", Message.of("engine.lesson.notUtf8"));
        }
        return parse(name, text);
    }

    /** Parses a lesson from its text; {@code source} names it in messages. */
    public static Lesson parse(String source, String text) throws LessonFormatException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        Node root;
        try (Reader r = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new LessonFormatException(source, line, "", Message.of("engine.lesson.yaml", e.getProblem()));
        } catch (YAMLException | IOException e) {
            throw new LessonFormatException(source, 0, "", Message.of("engine.lesson.yaml", e.getMessage()));
        }
        if (root == null) {
            throw new LessonFormatException(source, 0, "", Message.of("engine.lesson.empty"));
        }
        return new LessonReader.Context(source).lesson(new YamlNode(source, "", root));
    }

    /** The state of one read: the names the lesson has defined so far, for checking the placeholders. */
    private static final class Context {
        private final String source;
        private final java.util.Set<String> defined = new java.util.LinkedHashSet<>();
        private final java.util.Set<String> runs = new java.util.LinkedHashSet<>();

        Context(String source) {
            this.source = source;
        }

        Lesson lesson(YamlNode root) throws LessonFormatException {
            Map<String, YamlNode> f = root.fields("id", "title", "summary", "references", "steps");
            String id = required(root, f, "id").nonBlank();
            if (!ID.matcher(id).matches()) {
                throw f.get("id").error("engine.lesson.id", id);
            }
            Text title = required(root, f, "title").text();
            Text summary = f.containsKey("summary") ? f.get("summary").text() : Text.EMPTY;
            List<String> refs = new ArrayList<>();
            if (f.containsKey("references")) {
                for (YamlNode r : f.get("references").items()) {
                    refs.add(r.nonBlank());
                }
            }
            List<Step> steps = new ArrayList<>();
            List<YamlNode> items = required(root, f, "steps").items();
            if (items.isEmpty()) {
                throw f.get("steps").error("engine.lesson.noSteps");
            }
            for (YamlNode s : items) {
                steps.add(step(s));
            }
            return new Lesson(id, title, summary, refs, steps, source);
        }

        private YamlNode required(YamlNode parent, Map<String, YamlNode> f, String key)
                throws LessonFormatException {
            YamlNode n = f.get(key);
            if (n == null) {
                throw new LessonFormatException(source, parent.line(), parent.path(),
                        Message.of("engine.lesson.missingField", key));
            }
            return n;
        }

        Step step(YamlNode s) throws LessonFormatException {
            Map<String, YamlNode> f = s.fields("text", "actions", "reveal", "highlight", "values", "checks",
                    "exercise");
            java.util.Set<String> before = java.util.Set.copyOf(defined);
            List<Action> actions = f.containsKey("actions") ? actions(f.get("actions")) : List.of();
            List<Action> reveal = f.containsKey("reveal") ? actions(f.get("reveal")) : List.of();
            if (f.containsKey("reveal") && !f.containsKey("exercise")) {
                throw f.get("reveal").error("engine.lesson.revealNoExercise");
            }
            Map<String, ValueDef> values = new LinkedHashMap<>();
            if (f.containsKey("values")) {
                for (Map.Entry<String, YamlNode> e : f.get("values").anyFields().entrySet()) {
                    if (!NAME.matcher(e.getKey()).matches()) {
                        throw e.getValue().error("engine.lesson.numberName");
                    }
                    values.put(e.getKey(), value(e.getValue()));
                    defined.add(e.getKey());
                }
            }
            Text text = required(s, f, "text").text();
            placeholders(f.get("text"), text);
            Highlight highlight = f.containsKey("highlight") ? highlight(f.get("highlight")) : null;
            List<Step.Check> checks = new ArrayList<>();
            if (f.containsKey("checks")) {
                for (YamlNode c : f.get("checks").items()) {
                    checks.add(new Step.Check(c.line(), expression(c)));
                }
            }
            Exercise ex = f.containsKey("exercise") ? exercise(f.get("exercise"), !reveal.isEmpty()) : null;
            if (ex != null) {
                java.util.Set<String> measured = new java.util.LinkedHashSet<>(defined);
                measured.removeAll(before);
                measured.addAll(values.keySet());
                HeldBack.check(f, actions, reveal, ex, values, measured, text);
            }
            return new Step(s.line(), text, actions, reveal, highlight, values, checks, ex);
        }

        ValueDef value(YamlNode n) throws LessonFormatException {
            if (n.isScalar()) {
                return new ValueDef.Expr(n.line(), expression(n), 0, false);
            }
            Map<String, YamlNode> f = n.fields("expr", "t", "beside", "params", "reduce", "from", "to");
            if (f.containsKey("params")) {
                Map<String, YamlNode> p = f.get("params").fields("cell", "input", "hidden", "framework", "dense");
                String fw = required(f.get("params"), p, "framework").nonBlank();
                if (!fw.equals("pytorch") && !fw.equals("keras")) {
                    throw p.get("framework").error("engine.lesson.framework", fw);
                }
                return new ValueDef.ParamCount(n.line(), cell(required(f.get("params"), p, "cell")),
                        required(f.get("params"), p, "input").integer(1, 100_000),
                        required(f.get("params"), p, "hidden").integer(1, 100_000), fw,
                        p.containsKey("dense") && p.get("dense").bool());
            }
            String expr = expression(required(n, f, "expr"));
            int t = f.containsKey("t") ? f.get("t").integer(1, 100_000) : 0;
            boolean beside = f.containsKey("beside") && f.get("beside").bool();
            if (f.containsKey("reduce")) {
                String reduce = oneOf(f.get("reduce"), "sum", "product", "mean", "min", "max");
                int from = required(n, f, "from").integer(1, 100_000);
                YamlNode toNode = required(n, f, "to");
                int to = toNode.isScalar() && toNode.string().strip().equals("end") ? 0
                        : toNode.integer(from, 100_000);
                if (f.containsKey("t")) {
                    throw f.get("t").error("engine.lesson.reducedHasT");
                }
                return new ValueDef.Expr(n.line(), expr, 0, beside, reduce, from, to);
            }
            for (String k : List.of("from", "to")) {
                if (f.containsKey(k)) {
                    throw f.get(k).error("engine.lesson.needsReduce", k);
                }
            }
            return new ValueDef.Expr(n.line(), expr, t, beside);
        }

        String expression(YamlNode n) throws LessonFormatException {
            String e = n.nonBlank();
            try {
                ExprParser.parse(e);
            } catch (ExprError err) {
                throw n.error("engine.lesson.expression", ExpressionReasons.of(err));
            }
            return e;
        }

        void placeholders(YamlNode where, Text text) throws LessonFormatException {
            for (String lang : List.of("en", "zh")) {
                Matcher m = PLACEHOLDER.matcher(text.in(lang));
                while (m.find()) {
                    if (!defined.contains(m.group(1))) {
                        String name = "{{" + m.group(1) + "}}";
                        Message in = Message.of("engine.lesson.textIn." + lang);
                        throw defined.isEmpty() ? where.error("engine.lesson.undefinedNone", name, in)
                                : where.error("engine.lesson.undefined", name, in, String.join(", ", defined));
                    }
                    if (m.group(2) != null && !QuotedNumbers.validFormat(m.group(2))) {
                        throw where.error("engine.lesson.format", "{{" + m.group(1) + ":" + m.group(2) + "}}",
                                m.group(2));
                    }
                }
            }
        }

        Highlight highlight(YamlNode n) throws LessonFormatException {
            Map<String, YamlNode> f = n.fields("equation", "gate", "heatmap");
            if (f.size() != 1) {
                throw n.error("engine.lesson.highlight");
            }
            var e = f.entrySet().iterator().next();
            String target = e.getValue().nonBlank();
            if (e.getKey().equals("equation")) {
                if (EquationCatalogue.byId(target) == null) {
                    throw e.getValue().error("engine.lesson.equation", target);
                }
                return new Highlight(Highlight.Kind.EQUATION, target);
            }
            boolean known = false;
            for (CellType c : CellType.values()) {
                known |= org.lstmlab.engine.trace.Trace.symbolsOf(c, Direction.FORWARD).contains(target)
                        || org.lstmlab.engine.trace.Trace.symbolsOf(c, Direction.BACKWARD).contains(target);
            }
            if (!known) {
                throw e.getValue().error("engine.lesson.symbol", target);
            }
            return new Highlight(e.getKey().equals("gate") ? Highlight.Kind.GATE : Highlight.Kind.HEATMAP, target);
        }

        /** An exercise; {@code reveals}: its step holds actions back until the answer. */
        Exercise exercise(YamlNode n, boolean reveals) throws LessonFormatException {
            Map<String, YamlNode> f = n.fields(EXERCISE);
            String type = required(n, f, "type").nonBlank();
            Exercise.Kind kind = switch (type) {
                case "numeric" -> Exercise.Kind.NUMERIC;
                case "choice" -> Exercise.Kind.CHOICE;
                case "predict" -> Exercise.Kind.PREDICT;
                default -> throw f.get("type").error("engine.lesson.exerciseType", type);
            };
            Text prompt = required(n, f, "prompt").text();
            placeholders(f.get("prompt"), prompt);
            String answer = null;
            double tolerance = 0;
            int t = 0;
            List<Text> choices = new ArrayList<>();
            int correct = -1;
            if (kind == Exercise.Kind.NUMERIC) {
                answer = expression(required(n, f, "answer"));
                tolerance = required(n, f, "tolerance").number();
                if (!(tolerance > 0)) {
                    throw f.get("tolerance").error("engine.lesson.tolerance");
                }
                t = f.containsKey("t") ? f.get("t").integer(1, 100_000) : 0;
                for (String k : List.of("choices", "correct", "run")) {
                    if (f.containsKey(k)) {
                        throw f.get(k).error("engine.lesson.exerciseHasNo", "numeric", k);
                    }
                }
            } else {
                for (YamlNode c : required(n, f, "choices").items()) {
                    Text ct = c.text();
                    placeholders(c, ct);
                    choices.add(ct);
                }
                if (choices.size() < 2) {
                    throw f.get("choices").error("engine.lesson.twoChoices");
                }
                correct = required(n, f, "correct").integer(1, choices.size()) - 1;
                for (String k : List.of("answer", "tolerance")) {
                    if (f.containsKey(k)) {
                        throw f.get(k).error("engine.lesson.exerciseHasNo", type, k);
                    }
                }
            }
            if (kind != Exercise.Kind.PREDICT && f.containsKey("run")) {
                throw f.get("run").error("engine.lesson.runOnlyPredict");
            }
            List<Text> hints = new ArrayList<>();   // shown before a prediction's run: they cannot quote its numbers
            for (YamlNode h : required(n, f, "hints").items()) {
                Text ht = h.text();
                placeholders(h, ht);
                hints.add(ht);
            }
            if (hints.isEmpty()) {
                throw f.get("hints").error("engine.lesson.oneHint");
            }
            List<Action> run = f.containsKey("run") ? actions(f.get("run")) : List.of();
            if (kind == Exercise.Kind.PREDICT && run.isEmpty() && !reveals) {
                throw (f.containsKey("run") ? f.get("run") : n).error("engine.lesson.predictShowsNothing");
            }
            String check = f.containsKey("check") ? expression(f.get("check")) : null;
            Text explanation = required(n, f, "explanation").text();
            placeholders(f.get("explanation"), explanation);
            return new Exercise(n.line(), kind, prompt, answer, t, tolerance, choices, correct, check, run, hints,
                    explanation);
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
                throw a.error("engine.lesson.action", String.join(", ", ACTIONS));
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
                    yield new Action.OpenTrained(line, name);
                }
                default -> throw v.error("engine.lesson.unknownAction");
            };
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
                    "recurrent-scale", "long-steps", "gradient", "gradient-sequences");
            String name = required(v, p, "name").nonBlank();
            if (!NAME.matcher(name).matches()) {
                throw p.get("name").error("engine.lesson.runName");
            }
            String task = required(v, p, "task").nonBlank();
            if (!Tasks.names().contains(task)) {
                throw p.get("task").error("engine.lesson.task", task, String.join(", ", Tasks.names()));
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
                    p.containsKey("gradient-sequences") ? p.get("gradient-sequences").integer(1, 4096) : 64);
            defineRun(name, cells, comparison, spec);
            return new Action.Train(line, name, cells, comparison, spec);
        }

        private void defineRun(String name, List<CellType> cells, boolean comparison, TrainingRuns.Spec spec) {
            for (CellType c : cells) {
                String prefix = comparison ? name + "_" + TrainingRuns.key(c) : name;
                defined.addAll(TrainingRuns.names(prefix, c, spec));
                runs.add(prefix);
            }
        }

        private double positive(YamlNode n) throws LessonFormatException {
            double v = n.number();
            if (!(v > 0)) {
                throw n.error("engine.lesson.positive");
            }
            return v;
        }

        private String oneOf(YamlNode n, String... allowed) throws LessonFormatException {
            String s = n.nonBlank().toLowerCase(Locale.ROOT);
            if (!List.of(allowed).contains(s)) {
                throw n.error("engine.lesson.oneOf", String.join(", ", allowed), s);
            }
            return s;
        }

        private CellType cell(YamlNode n) throws LessonFormatException {
            try {
                return CellType.parse(n.nonBlank());
            } catch (Refusal e) {
                throw n.error(e.userMessage());
            }
        }
    }
}
