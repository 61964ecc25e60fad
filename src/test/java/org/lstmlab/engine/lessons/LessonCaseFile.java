package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;

import org.lstmlab.testing.EngineBundles;

/**
 * The lesson tests' cases of what a user is told, in English and Chinese, and the engine's bundles to check them
 * with. A case file holds "%%% name", an "en: " and a "zh: " line, "yaml:", then the lesson up to the next case;
 * lines before the first case that start with '#' describe the file.
 */
final class LessonCaseFile {
    static final ResourceBundle EN = EngineBundles.EN;
    static final ResourceBundle ZH = EngineBundles.ZH;
    static final Pattern HAN = EngineBundles.HAN;

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

    /** See {@link EngineBundles#keysNamedIn}. */
    static Set<String> keysNamedIn(String... sources) throws IOException {
        return EngineBundles.keysNamedIn(sources);
    }

    /** See {@link EngineBundles#untranslated}. */
    static List<String> untranslated(Set<String> keys, Set<String> placeOnly) {
        return EngineBundles.untranslated(keys, placeOnly);
    }
}
