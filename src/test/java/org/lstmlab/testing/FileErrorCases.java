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
import java.nio.file.Files;
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
        String all;
        try (InputStream in = FileErrorCases.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Case> out = new LinkedHashMap<>();
        for (String c : all.split("(?m)^%%% ")) {
            if (c.startsWith("#")) {
                continue;
            }
            String[] lines = c.split("\n");
            assertTrue(lines.length >= 3 && lines[1].startsWith("en: ") && lines[2].startsWith("zh: "), c);
            Case k = new Case(lines[0].strip(), lines[1].substring(4), lines[2].substring(4));
            assertEquals(null, out.put(k.name(), k), "two cases named " + k.name());
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
        assertEquals(c.english(), reason.in(EngineBundles.EN), "the English app says what the command line says");
        String zh = reason.in(EngineBundles.ZH);
        assertEquals(c.chinese(), zh);
        assertEquals(file + "：" + c.chinese(), Reasons.of(new RuntimeException(e)).in(EngineBundles.ZH),
                "the app finds the reason inside a worker's wrapping");
        String rest = zh;
        List<String> leaves = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        walk(reason, leaves, keys);
        for (String leaf : leaves) {
            assertTrue(zh.contains(leaf), () -> c.name() + ": the Chinese lacks the argument '" + leaf + "': " + zh);
            rest = rest.replace(leaf, "");
        }
        assertTrue(EngineBundles.HAN.matcher(rest).find(), c.name() + ": not Chinese: " + zh);
        Matcher english = ENGLISH.matcher(rest);
        assertTrue(!english.find(), () -> c.name() + ": English left in the Chinese (" + english.group() + "): " + zh);
        return keys;
    }

    private static void walk(Message m, List<String> leaves, Set<String> keys) {
        assertNotEquals(Message.VERBATIM, m.key(), "a keyed message, not English passed on: " + m);
        keys.add(m.key());
        for (Object a : m.args()) {
            if (a instanceof Message inner) {
                walk(inner, leaves, keys);
            } else {
                String s = assertInstanceOf(String.class, a, () -> m.key() + ": an argument that is not text: " + a);
                if (!s.isEmpty()) {
                    leaves.add(s);
                }
            }
        }
    }

    /**
     * Checks that every case has an attempt and every attempt a case, then each case (in a folder of its own under
     * {@code dir}); returns the keys the reasons used.
     */
    public static Set<String> checkAll(Map<String, Case> cases, Map<String, Attempt> attempts, Path dir)
            throws IOException {
        assertEquals(new TreeSet<>(attempts.keySet()), new TreeSet<>(cases.keySet()), "a case for every attempt");
        Set<String> keys = new TreeSet<>();
        for (Case c : cases.values()) {
            keys.addAll(check(c, failure(attempts.get(c.name()), Files.createDirectories(dir.resolve(c.name())))));
        }
        return keys;
    }
}
