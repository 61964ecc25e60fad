package org.lstmlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.I18n;

/**
 * Every “X”页 that the Chinese guides, README, labels and lessons point a reader to is a page the Chinese window
 * shows under that name: a tab ({@code tab.*}) or one of the debugger's views ({@code debugger.view.*}). A teacher
 * who reads “比较”页 looks for a tab that is labelled 对比 and does not find it.
 */
class ZhPageNamesTest {
    private static final Pattern PAGE = Pattern.compile("“([^”]{1,12})”页");

    @Test
    void everyPageNamedInChineseIsOneTheWindowShows() throws IOException {
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        Set<String> pages = new TreeSet<>();
        for (String key : zh.keySet()) {
            if (key.matches("tab\\.[a-z]+") || key.matches("debugger\\.view\\.[a-z]+")) {
                pages.add(zh.getString(key));
            }
        }
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("README.zh-CN.md")));
        for (String dir : List.of("docs/zh", "resources/org/lstmlab/i18n", "resources/org/lstmlab/lessons")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> !p.toString().endsWith(".properties") || p.toString().endsWith("_zh_CN.properties"))
                        .sorted().forEach(files::add);
            }
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (f.toString().endsWith(".properties")) {
                text = unescape(text);
            }
            Matcher m = PAGE.matcher(text);
            while (m.find()) {
                if (!pages.contains(m.group(1))) {
                    problems.add(f + ": " + m.group() + " (the pages are " + pages + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The {@code \}{@code uXXXX} escapes of a properties file as characters. */
    private static String unescape(String text) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }
}
