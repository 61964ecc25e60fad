package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    String path() {
        return path;
    }

    LessonFormatException error(String reason) {
        return new LessonFormatException(file, line(), path, reason);
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
            throw error(allowed == null ? "expected a mapping of names" : "expected a mapping of fields ("
                    + String.join(", ", allowed) + ")");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(file, path, t.getKeyNode()).error("a field name must be plain text");
            }
            String key = k.getValue();
            String sub = path.isEmpty() ? key : path + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                throw new YamlNode(file, sub, k).error("unknown field '" + key + "' (expected one of "
                        + String.join(", ", allowed) + ")");
            }
            if (out.containsKey(key)) {
                throw new YamlNode(file, sub, k).error("the field '" + key + "' is given twice");
            }
            out.put(key, new YamlNode(file, sub, t.getValueNode()));
        }
        return out;
    }

    /** The items of a sequence. */
    List<YamlNode> items() throws LessonFormatException {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list (items starting with '- ')");
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", s.getValue().get(i)));
        }
        return out;
    }

    String string() throws LessonFormatException {
        if (!(node instanceof ScalarNode s)) {
            throw error(node instanceof MappingNode ? "expected text, found fields: a ': ' inside text starts a "
                    + "field in YAML, so put such text in quotes or after '|' on its own lines" : "expected text");
        }
        return s.getValue();
    }

    String nonBlank() throws LessonFormatException {
        String s = string();
        if (s.isBlank()) {
            throw error("must not be empty");
        }
        return s.strip();
    }

    int integer(int min, int max) throws LessonFormatException {
        String s = string().strip();
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + s + "'");
        }
        if (v < min || v > max) {
            throw error(v + " is outside " + min + " … " + max);
        }
        return v;
    }

    long longValue() throws LessonFormatException {
        String s = string().strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + s + "'");
        }
    }

    double number() throws LessonFormatException {
        String s = string().strip();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + s + "'");
        }
        if (!Double.isFinite(v)) {
            throw error("expected a finite number, got '" + s + "'");
        }
        return v;
    }

    boolean bool() throws LessonFormatException {
        String s = string().strip();
        return switch (s) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error("expected true or false, got '" + s + "'");
        };
    }

    /** A text in both languages: {@code {en: …, zh: …}}, both present and not empty. */
    Text text() throws LessonFormatException {
        Map<String, YamlNode> f = fields("en", "zh");
        for (String lang : List.of("en", "zh")) {
            if (!f.containsKey(lang)) {
                throw error("the " + (lang.equals("en") ? "English (en)" : "Chinese (zh)") + " text is missing");
            }
        }
        return new Text(f.get("en").nonBlank(), f.get("zh").nonBlank());
    }
}
