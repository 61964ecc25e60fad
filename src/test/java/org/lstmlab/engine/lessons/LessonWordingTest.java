package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The built-in lessons write as the app's labels do (I18nTest): a percentage with a space before its sign, "95 %",
 * as {@code {{x:.1%}}} fills it in, and the simple RNN in Chinese as 简单循环网络, never 简单 RNN or 普通 RNN.
 * Comments are not read.
 */
class LessonWordingTest {
    private static final Path LESSONS = Path.of("resources", "org", "lstmlab", "lessons");
    /** A number glued to its %; ".1%" in a format such as {@code {{x:.1%}}} is none. */
    static final Pattern GLUED_PERCENT = Pattern.compile("(?<![\\d.])\\d+(\\.\\d+)?%");
    static final Pattern OTHER_CHINESE_NAME = Pattern.compile("(简单|普通|朴素|基本|原始)\\s*RNN|简单循环神经网络");

    @Test
    void percentagesHaveASpaceAndTheSimpleRnnOneChineseName() throws IOException {
        List<String> found = new ArrayList<>();
        int lines = 0;
        try (Stream<Path> files = Files.list(LESSONS)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".yaml")).sorted()::iterator) {
                List<String> text = Files.readAllLines(f);
                for (int i = 0; i < text.size(); i++) {
                    String line = text.get(i);
                    if (line.strip().startsWith("#")) {
                        continue;
                    }
                    lines++;
                    if (GLUED_PERCENT.matcher(line).find() || OTHER_CHINESE_NAME.matcher(line).find()) {
                        found.add(f.getFileName() + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertTrue(lines > 1000, "the lessons were read: " + lines + " lines");
        assertEquals(List.of(), found);
    }

    @Test
    void thePatternsFindWhatTheyAreFor() {
        assertTrue(GLUED_PERCENT.matcher("above 95%").find());
        assertTrue(GLUED_PERCENT.matcher("约 12.5%）").find());
        assertTrue(!GLUED_PERCENT.matcher("above 95 % and {{v_acc:.1%}}").find());
        assertTrue(OTHER_CHINESE_NAME.matcher("训练简单 RNN").find());
        assertTrue(!OTHER_CHINESE_NAME.matcher("简单循环网络（SimpleRNN）").find());
    }
}
