package org.lstmlab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.Reasons;
import org.lstmlab.engine.text.UserFacing;

/**
 * The cases of the file-error tests: a file that cannot be used, opened through the entry point the app and the
 * command line use, and what its user is told, in English (the command line's words, which must not change) and in
 * Chinese (the app's). A case file under {@code src/test/resources/file-errors} holds "%%% name", then an "en: " and
 * a "zh: " line: the reason after the file's name ("{file}: {reason}", "{file}：{reason}"). Lines before the first
 * case that start with '#' describe the file.
 */
public final class FileErrorCases {
    /** Three or more words of Latin letters in a row: an English sentence, not an identifier or a number. */
    private static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\\b");

    public record Case(String name, String english, String chinese) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a test does to a file built in {@code dir} (it must fail). */
    @FunctionalInterface
    public interface Attempt {
        void run(Path dir) throws Exception;
    }

    private FileErrorCases() {
    }

    /** The cases of a class-path resource such as {@code /file-errors/torch.txt}, by name. */
    public static Map<String, Case> read(String resource) throws IOException {
        Map<String, Case> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> c : sections(resource).entrySet()) {
            List<String> lines = c.getValue();
            assertTrue(lines.size() >= 2 && lines.get(0).startsWith("en: ") && lines.get(1).startsWith("zh: "),
                    c.getKey());
            out.put(c.getKey(), new Case(c.getKey(), lines.get(0).substring(4), lines.get(1).substring(4)));
        }
        return out;
    }

    /**
     * The sections of a class-path resource: "%%% name" then lines, by name (each name once); lines before the first
     * section that start with '#' describe the file.
     */
    public static Map<String, List<String>> sections(String resource) throws IOException {
        String all;
        try (InputStream in = FileErrorCases.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String c : all.split("(?m)^%%% ")) {
            if (c.startsWith("#") || c.isBlank()) {
                continue;
            }
            List<String> lines = new ArrayList<>(List.of(c.split("\n")));
            String name = lines.remove(0).strip();
            assertEquals(null, out.put(name, lines), "two cases named " + name);
        }
        return out;
    }

    /** The error of {@code attempt} on files in {@code dir}. */
    public static Exception failure(Attempt attempt, Path dir) {
        return assertThrows(Exception.class, () -> attempt.run(dir));
    }

    /**
     * The file error {@code e} says what {@code c} says: the command line's English as it was, the app's Chinese with
     * every argument and no English sentence left over, and each argument as text (no locale regroups its digits).
     * Returns the keys of the reason's messages.
     */
    public static Set<String> check(Case c, Exception e) {
        Message m = assertInstanceOf(UserFacing.class, e, () -> "a user-facing error: " + e).userMessage();
        assertEquals("engine.file.named", m.key(), c.name());
        String file = (String) m.args().get(0);
        Message reason = assertInstanceOf(Message.class, m.args().get(1));
        assertEquals(file + ": " + c.english(), e.getMessage(), "the command line's English");
        Set<String> keys = sentence(c.name(), reason, c.english(), c.chinese());
        assertEquals(file + "：" + c.chinese(), Reasons.of(new RuntimeException(e)).in(EngineBundles.ZH),
                "the app finds the reason inside a worker's wrapping");
        return keys;
    }

    /**
     * The sentence {@code m} of case {@code name} is {@code english} in English and {@code chinese} in Chinese, with
     * every argument (as text) in the Chinese and no English sentence left over. Returns the keys of its messages.
     */
    public static Set<String> sentence(String name, Message m, String english, String chinese) {
        assertEquals(english, m.in(EngineBundles.EN), name + ": the English app says what the command line says");
        String zh = m.in(EngineBundles.ZH);
        assertEquals(chinese, zh, name);
        String rest = zh;
        List<String> leaves = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        walk(m, leaves, keys);
        for (String leaf : leaves) {
            assertTrue(zh.contains(leaf), () -> name + ": the Chinese lacks the argument '" + leaf + "': " + zh);
            rest = rest.replace(leaf, "");
        }
        assertTrue(EngineBundles.HAN.matcher(rest).find(), name + ": not Chinese: " + zh);
        Matcher left = ENGLISH.matcher(rest);
        assertTrue(!left.find(), () -> name + ": English left in the Chinese (" + left.group() + "): " + zh);
        return keys;
    }

    /**
     * Sentences whose first argument is a library's own English detail (the HDF5 reader's, the zip reader's, the
     * YAML parser's), which the command line repeats and the Chinese replaces by what that kind of problem means.
     */
    private static final Set<String> DETAIL_IN_ENGLISH_ONLY = Set.of("engine.keras.notHdf5",
            "engine.keras.zipDamaged", "engine.lesson.yaml", "engine.lesson.yamlAt");

    private static void walk(Message m, List<String> leaves, Set<String> keys) {
        assertNotEquals(Message.VERBATIM, m.key(), "a keyed message, not English passed on: " + m);
        keys.add(m.key());
        for (int i = 0; i < m.args().size(); i++) {
            Object a = m.args().get(i);
            if (i == 0 && DETAIL_IN_ENGLISH_ONLY.contains(m.key())) {
                continue;
            }
            if (a instanceof Message inner) {
                walk(inner, leaves, keys);
            } else if (a instanceof NameList names) {   // joined as the language joins a list
                leaves.addAll(names.names().subList(0, Math.min(names.shown(), names.names().size())));
            } else if (a instanceof Integer count) {   // a count the English sentence chooses its plural by
                leaves.add(count.toString());
            } else {
                String s = assertInstanceOf(String.class, a, () -> m.key() + ": an argument that is not text: " + a);
                if (!s.isEmpty()) {
                    leaves.add(s);
                }
            }
        }
    }
}
