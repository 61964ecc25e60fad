package org.lstmlab.engine.lessons;

import static org.lstmlab.engine.lessons.ActionReader.cell;
import static org.lstmlab.engine.lessons.ActionReader.expression;
import static org.lstmlab.engine.lessons.ActionReader.oneOf;
import static org.lstmlab.engine.lessons.ActionReader.required;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.expr.ExprParser;
import org.lstmlab.engine.text.FileRefusal;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.Reasons;
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
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
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
        return parse(name, utf8(name, bytes));
    }

    /**
     * The file's text, which must be UTF-8 (a BOM is allowed). A file saved as UTF-16 (Windows Notepad's "Unicode")
     * or in a legacy encoding (GBK, "ANSI") is refused with the line of its first byte that is not UTF-8 and what to
     * do, since a teacher's editor chose the encoding.
     */
    private static String utf8(String name, byte[] bytes) throws LessonFormatException {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
        for (int i = 0; i < bytes.length && !utf16; i++) {
            utf16 = bytes[i] == 0;   // UTF-16 without a BOM: every ASCII letter comes with a zero byte
        }
        if (utf16) {
            throw new LessonFormatException(name, 0, "", Message.of("engine.lesson.utf16"));
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new LessonFormatException(name, line, "", Message.of("engine.lesson.notUtf8",
                    String.format(java.util.Locale.ROOT, "%02X", bytes[in.position()] & 0xFF)));
        }
        return out.flip().toString();
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
            // the parser's problem is English: the command line repeats it, the Chinese app says where it is
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            YamlSlips.Slip slip = line == 0 ? null : YamlSlips.near(text, line);
            if (slip != null) {   // a tab or a full-width ':': say it plainly, the parser's words name tokens
                throw new LessonFormatException(source, slip.line(), "", slip.why());
            }
            throw new LessonFormatException(source, line, "", e.getProblemMark() == null
                    ? Message.of("engine.lesson.yaml", e.getProblem())
                    : Message.of("engine.lesson.yamlAt", e.getProblem(),
                            Integer.toString(e.getProblemMark().getColumn() + 1)));
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
        private final ActionReader reader;

        Context(String source) {
            this.source = source;
            this.reader = new ActionReader(defined, new java.util.LinkedHashSet<>());
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

        Step step(YamlNode s) throws LessonFormatException {
            Map<String, YamlNode> f = s.fields("text", "actions", "reveal", "highlight", "values", "checks",
                    "exercise", "show");
            java.util.Set<String> before = java.util.Set.copyOf(defined);
            List<Action> actions = f.containsKey("actions") ? reader.actions(f.get("actions")) : List.of();
            List<Action> reveal = f.containsKey("reveal") ? reader.actions(f.get("reveal")) : List.of();
            if (f.containsKey("reveal") && !f.containsKey("exercise")) {
                throw f.get("reveal").error("engine.lesson.revealNoExercise");
            }
            if (f.containsKey("show")) {
                TrainTabPart part = TrainTabPart.valueOf(ActionReader.oneOf(f.get("show"), "settings", "charts",
                        "code").toUpperCase(java.util.Locale.ROOT));
                if (actions.stream().noneMatch(Action.TrainTab.class::isInstance)) {
                    throw f.get("show").error("engine.lesson.showNoTrainTab");
                }
                actions = actions.stream().map(a -> a instanceof Action.TrainTab t ? t.showing(part) : a).toList();
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
                valuesInOrder(f.get("values"), values, before);
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
            actions = reader.resolveAhead(actions);   // a train-tab may name the run of the step's prediction
            reveal = reader.resolveAhead(reveal);
            reader.endStep();
            if (ex != null) {
                java.util.Set<String> measured = new java.util.LinkedHashSet<>(defined);
                measured.removeAll(before);
                measured.addAll(values.keySet());
                List<Action> waiting = new ArrayList<>(reveal);   // a choice has no run; a prediction's waits too
                waiting.addAll(ex.run());
                HeldBack.check(f, actions, reveal, ex, values, measured, RevealedNumbers.of(waiting, values, defined),
                        text);
            }
            return new Step(s.line(), text, actions, reveal, highlight, values, checks, ex);
        }

        /**
         * Refuses a value that reads one its own step defines below it: values are computed in their order, so the
         * runtime would look the name up in the trace and fail there with a message that does not say why.
         */
        private static void valuesInOrder(YamlNode node, Map<String, ValueDef> values, java.util.Set<String> before)
                throws LessonFormatException {
            List<String> order = List.copyOf(values.keySet());
            Map<String, YamlNode> nodes = node.anyFields();
            for (int k = 0; k < order.size(); k++) {
                if (!(values.get(order.get(k)) instanceof ValueDef.Expr e)) {
                    continue;
                }
                List<String> later = order.subList(k + 1, order.size());
                for (String name : ExprParser.parse(e.expr()).names()) {
                    if (later.contains(name) && !before.contains(name)) {
                        throw nodes.get(order.get(k)).error("engine.lesson.valueOrder", order.get(k), name);
                    }
                }
            }
        }

        ValueDef value(YamlNode n) throws LessonFormatException {
            if (n.isScalar()) {
                return new ValueDef.Expr(n.line(), expression(n), 0, false);
            }
            Map<String, YamlNode> f = n.fields("expr", "t", "beside", "params", "dense", "reduce", "from", "to");
            if (f.containsKey("dense")) {
                Map<String, YamlNode> d = f.get("dense").fields("input", "units");
                return new ValueDef.DenseCount(n.line(), required(f.get("dense"), d, "input").integer(1, 100_000),
                        required(f.get("dense"), d, "units").integer(1, 100_000));
            }
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

        void placeholders(YamlNode where, Text text) throws LessonFormatException {
            for (String lang : List.of("en", "zh")) {
                Matcher m = PLACEHOLDER.matcher(text.in(lang));
                while (m.find()) {
                    if (!defined.contains(m.group(1))) {
                        String name = "{{" + m.group(1) + "}}";
                        Message in = Message.of("engine.lesson.textIn." + lang);
                        throw defined.isEmpty() ? where.error("engine.lesson.undefinedNone", name, in)
                                : where.error("engine.lesson.undefined", name, in, NameList.of(defined));
                    }
                    if (m.group(2) != null && !QuotedNumbers.validFormat(m.group(2))) {
                        throw where.error("engine.lesson.format", "{{" + m.group(1) + ":" + m.group(2) + "}}",
                                m.group(2));
                    }
                }
                String open = unclosedBold(text.in(lang));
                if (open != null) {
                    throw where.error("engine.lesson.bold", Message.of("engine.lesson.textIn." + lang), open);
                }
                Matcher spaced = SPACE_AFTER_CJK_PUNCTUATION.matcher(text.in(lang));
                if (spaced.find()) {   // "**输入门。** 在…": Chinese punctuation is as wide as a character already
                    throw where.error("engine.lesson.cjkSpace", Message.of("engine.lesson.textIn." + lang),
                            spaced.group().strip());
                }
            }
        }

        /** A space after Chinese punctuation (。，；：！？、, or one that ends bold), with a few characters before it. */
        private static final Pattern SPACE_AFTER_CJK_PUNCTUATION = Pattern.compile("\\S{0,8}[。，；：！？、](\\*\\*)? ");

        /**
         * The prose from the first {@code **} that opens bold without closing it on its line, to that line's end,
         * or null: the Learn tab lays prose out line by line, so a bold run that goes on to the next line would
         * show its stars.
         */
        static String unclosedBold(String prose) {
            boolean code = false;
            for (String line : prose.lines().toList()) {
                if (line.strip().startsWith("```")) {
                    code = !code;
                    continue;
                }
                String plain = line.replaceAll("`[^`]*`", "").replaceAll("\\$[^$]*\\$", "");
                if (!code && (plain.length() - plain.replace("**", "").length()) / 2 % 2 == 1) {
                    return plain.substring(plain.lastIndexOf("**")).strip();   // the pairs before it close
                }
            }
            return null;
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
            java.util.Set<String> heatmaps = new java.util.LinkedHashSet<>();
            for (CellType c : CellType.values()) {
                known |= org.lstmlab.engine.trace.Trace.symbolsOf(c, Direction.FORWARD).contains(target)
                        || org.lstmlab.engine.trace.Trace.symbolsOf(c, Direction.BACKWARD).contains(target);
                heatmaps.addAll(org.lstmlab.engine.trace.Trace.heatmapSymbolsOf(c));
            }
            if (!known) {
                throw e.getValue().error("engine.lesson.symbol", target);
            }
            if (e.getKey().equals("heatmap") && !heatmaps.contains(target)) {   // x has a trace, not a heatmap
                throw e.getValue().error("engine.lesson.heatmap", target, NameList.of(heatmaps));
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
            List<YamlNode> said = new ArrayList<>();   // each choice's feedback, or null
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
                    Map<String, YamlNode> cf = c.fields("en", "zh", "feedback");
                    Text ct = c.text(cf);
                    placeholders(c, ct);
                    choices.add(ct);
                    said.add(cf.get("feedback"));
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
            List<Action> run = f.containsKey("run") ? reader.actions(f.get("run")) : List.of();
            if (kind == Exercise.Kind.PREDICT && run.isEmpty() && !reveals) {
                throw (f.containsKey("run") ? f.get("run") : n).error("engine.lesson.predictShowsNothing");
            }
            String check = f.containsKey("check") ? expression(f.get("check")) : null;
            List<Text> feedback = new ArrayList<>();   // read after the run: a prediction's is shown after it
            for (int k = 0; k < said.size(); k++) {
                YamlNode fb = said.get(k);
                if (fb != null && k == correct) {
                    throw fb.error("engine.lesson.feedbackOnKey");
                }
                feedback.add(fb == null ? Text.EMPTY : fb.text());
                if (fb != null) {
                    placeholders(fb, feedback.get(k));
                }
            }
            Text explanation = required(n, f, "explanation").text();
            placeholders(f.get("explanation"), explanation);
            return new Exercise(n.line(), kind, prompt, answer, t, tolerance, choices, correct, check, run, hints,
                    explanation, feedback);
        }
    }
}
