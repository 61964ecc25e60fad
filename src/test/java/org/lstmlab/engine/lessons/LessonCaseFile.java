package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.text.Message;

/**
 * The lesson tests' cases of what a user is told, in English and Chinese, and the engine's bundles to check them
 * with. A case file holds "%%% name", an "en: " and a "zh: " line, "yaml:", then the lesson up to the next case;
 * lines before the first case that start with '#' describe the file.
 */
final class LessonCaseFile {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    static final ResourceBundle EN = ResourceBundle.getBundle(Message.BUNDLE, Locale.ROOT, NO_FALLBACK);
    static final ResourceBundle ZH = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE, NO_FALLBACK);
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private LessonCaseFile() {
    }

    record Case(String name, String english, String chinese, String yaml) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The cases of a class-path resource such as {@code /lessons/malformed-lessons.txt}. */
    static List<Case> read(String resource) throws IOException {
        String all;
        try (InputStream in = LessonCaseFile.class.getResourceAsStream(resource)) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> out = new ArrayList<>();
        for (String c : all.split("(?m)^%%% ")) {
            if (c.startsWith("#")) {
                continue;
            }
            String[] head = c.split("\n", 5);
            assertTrue(head[1].startsWith("en: ") && head[2].startsWith("zh: ") && head[3].equals("yaml:"), c);
            out.add(new Case(head[0].strip(), head[1].substring(4), head[2].substring(4), head[4]));
        }
        return out;
    }

    /**
     * The engine's message keys named as string literals in the sources under {@code src/main/java/org/lstmlab/engine};
     * a key the code completes ({@code "engine.lesson.textIn." + lang}) stands for every key it starts.
     */
    static Set<String> keysNamedIn(String... sources) throws IOException {
        Pattern literal = Pattern.compile("\"(engine\\.[A-Za-z0-9_.]+)\"");
        Path main = Path.of("src", "main", "java", "org", "lstmlab", "engine");
        Set<String> keys = new TreeSet<>();
        for (String f : sources) {
            Matcher m = literal.matcher(Files.readString(main.resolve(f)));
            while (m.find()) {
                String k = m.group(1);
                if (k.endsWith(".")) {
                    EN.keySet().stream().filter(x -> x.startsWith(k)).forEach(keys::add);
                } else {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /**
     * The keys without an English template or without a Chinese one that is Chinese (not an English sentence copied
     * over); {@code placeOnly} are templates that only place a reason ("{0}：{1}"), Chinese by their punctuation.
     */
    static List<String> untranslated(Set<String> keys, Set<String> placeOnly) {
        List<String> problems = new ArrayList<>();
        for (String k : keys) {
            if (!EN.containsKey(k) || EN.getString(k).isBlank()) {
                problems.add("no English for " + k);
            }
            if (!ZH.containsKey(k) || !HAN.matcher(ZH.getString(k)).find() && !placeOnly.contains(k)) {
                problems.add("no Chinese for " + k);
            }
        }
        return problems;
    }
}
