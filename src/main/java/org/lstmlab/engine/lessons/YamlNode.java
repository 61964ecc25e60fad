package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a lesson file with its path ({@code steps[2].exercise.answer}) and its line, so that every error names
 * the file, the line and the field.
 */
final class YamlNode {
    private final String file;
    private final String path;
    private final Node node;

    YamlNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    /**
     * The problem {@code key} (a template of the engine's bundle, {@code engine.lesson.*}) at this node; arguments
     * other than messages are passed as text, so that no locale regroups the digits of a line or a limit.
     */
    LessonFormatException error(String key, Object... args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = args[i] instanceof Message ? args[i] : String.valueOf(args[i]);
        }
        return error(Message.of(key, a));
    }

    /** The problem {@code why} at this node. */
    LessonFormatException error(Message why) {
        return new LessonFormatException(file, line(), path, why);
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The fields of a mapping, in order; unknown or repeated keys are errors. */
    Map<String, YamlNode> fields(String... names) throws LessonFormatException {
        return fields(new java.util.LinkedHashSet<>(List.of(names)));
    }

    /** The fields of a mapping whose keys are names the author chooses (repeated keys are still errors). */
    Map<String, YamlNode> anyFields() throws LessonFormatException {
        return fields((Set<String>) null);
    }

    private Map<String, YamlNode> fields(Set<String> allowed) throws LessonFormatException {
        if (!(node instanceof MappingNode m)) {
            throw allowed == null ? error("engine.lesson.names")
                    : error("engine.lesson.fields", NameList.of(allowed));
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(file, path, t.getKeyNode()).error("engine.lesson.plainName");
            }
            String key = k.getValue();
            String sub = path.isEmpty() ? key : path + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                throw new YamlNode(file, sub, k).error("engine.lesson.unknownField", key,
                        NameList.of(allowed));
            }
            if (out.containsKey(key)) {
                throw new YamlNode(file, sub, k).error("engine.lesson.twice", key);
            }
            out.put(key, new YamlNode(file, sub, t.getValueNode()));
        }
        return out;
    }

    /** The items of a sequence. */
    List<YamlNode> items() throws LessonFormatException {
        if (!(node instanceof SequenceNode s)) {
            throw error("engine.lesson.list");
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", s.getValue().get(i)));
        }
        return out;
    }

    String string() throws LessonFormatException {
        if (!(node instanceof ScalarNode s)) {
            throw error(node instanceof MappingNode ? "engine.lesson.textNotFields" : "engine.lesson.text");
        }
        return s.getValue();
    }

    String nonBlank() throws LessonFormatException {
        String s = string();
        if (s.isBlank()) {
            throw error("engine.lesson.notEmpty");
        }
        return s.strip();
    }

    int integer(int min, int max) throws LessonFormatException {
        String s = ascii(string().strip(), "engine.lesson.wholeNumber");
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error("engine.lesson.wholeNumber", s);
        }
        if (v < min || v > max) {
            throw error("engine.lesson.range", v, min, max);
        }
        return v;
    }

    long longValue() throws LessonFormatException {
        String s = ascii(string().strip(), "engine.lesson.wholeNumber");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error("engine.lesson.wholeNumber", s);
        }
    }

    double number() throws LessonFormatException {
        String s = ascii(string().strip(), "engine.lesson.number");
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error("engine.lesson.number", s);
        }
        if (!Double.isFinite(v)) {
            throw error("engine.lesson.finite", s);
        }
        return v;
    }

    /**
     * {@code s} if it is ASCII. Java reads full-width digits as digits ({@code Integer.parseInt("６４")} is 64) and a
     * full-width point not at all, so a number typed with a Chinese input method's full-width forms is refused as
     * YAML's full-width punctuation is ({@link YamlSlips}), saying what to type instead ({@link #chineseSlip}); any
     * other letter outside ASCII is the error {@code otherwise} (expected a number).
     */
    private String ascii(String s, String otherwise) throws LessonFormatException {
        if (s.chars().allMatch(c -> c < 128)) {
            return s;
        }
        Message slip = chineseSlip(s, true);
        throw slip != null ? error(slip) : error(otherwise, s);
    }

    /** A Chinese input method's decimal points: 。 and ． (and, in a number, the commas ， and 、) between digits. */
    private static final String POINTS = "\u3002\uFF0E";
    private static final String COMMAS = "\uFF0C\u3001";

    /**
     * Why {@code s}, typed with a Chinese input method, is not ASCII, saying what to type instead: its full-width
     * forms made ASCII (０-９, ．, －, ［, ＜, …, and 。 for the point) when it holds a full-width digit or point
     * ({@code engine.lesson.fullWidthDigits}), or its ASCII digits' decimal point typed as 。 or ． or, when
     * {@code commas} (a number, not an expression, where ， parts arguments), as ， or 、
     * ({@code engine.lesson.chinesePoint}); null when {@code s} is something else, or not ASCII after that.
     */
    static Message chineseSlip(String s, boolean commas) {
        StringBuilder plain = new StringBuilder();
        boolean fullWidth = false;
        char point = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean between = i > 0 && i + 1 < s.length() && digit(s.charAt(i - 1)) && digit(s.charAt(i + 1));
            if (between && (POINTS.indexOf(c) >= 0 || commas && COMMAS.indexOf(c) >= 0)) {
                point = point == 0 ? c : point;
                plain.append('.');
                continue;
            }
            fullWidth |= c >= '\uFF10' && c <= '\uFF19' || c == '\uFF0E';
            plain.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3002' ? '.' : c);
        }
        if (!plain.chars().allMatch(c -> c < 128) || !fullWidth && point == 0) {
            return null;
        }
        return fullWidth ? Message.of("engine.lesson.fullWidthDigits", s, plain.toString())
                : Message.of("engine.lesson.chinesePoint", s, String.valueOf(point), plain.toString());
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9' || c >= '\uFF10' && c <= '\uFF19';
    }

    boolean bool() throws LessonFormatException {
        String s = string().strip();
        return switch (s) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error("engine.lesson.bool", s);
        };
    }

    /** A text in both languages: {@code {en: …, zh: …}}, both present and not empty. */
    Text text() throws LessonFormatException {
        return text(fields("en", "zh"));
    }

    /** The text of a mapping that may hold other fields too ({@code f}, its fields), as a choice its feedback. */
    Text text(Map<String, YamlNode> f) throws LessonFormatException {
        for (String lang : List.of("en", "zh")) {
            if (!f.containsKey(lang)) {
                throw error("engine.lesson.textMissing", Message.of("engine.lesson.language." + lang));
            }
        }
        return new Text(f.get("en").nonBlank(), f.get("zh").nonBlank());
    }
}
