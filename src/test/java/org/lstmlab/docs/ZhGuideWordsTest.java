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
 * The Chinese texts name what the window shows as the window names it. Every “X”页 that the Chinese guides, README,
 * labels and lessons point a reader to is a page the Chinese window shows under that name: a tab ({@code tab.*}) or
 * one of the debugger's views ({@code debugger.view.*}). A teacher who reads “比较”页 looks for a tab labelled 比较,
 * and the tab is labelled 对比.
 */
class ZhGuideWordsTest {
    private static final Pattern PAGE = Pattern.compile("“([^”]{1,12})”页");

    /** The files a Chinese reader reads: README.zh-CN.md, the Chinese guides, labels and lessons. */
    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.zh-CN.md")));
        for (String dir : List.of("docs/zh", "resources/org/lstmlab/i18n", "resources/org/lstmlab/lessons")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> !p.toString().endsWith(".properties") || p.toString().endsWith("_zh_CN.properties"))
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static String read(Path f) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        return f.toString().endsWith(".properties") ? unescape(text) : text;
    }

    /**
     * The debugger's heatmaps are 热力图, as its view (debugger.view.heatmaps) and the glossary name them; the user
     * guide and the README called them 热图 in nine places.
     */
    @Test
    void theHeatmapsAreCalledWhatTheViewIsCalled() throws IOException {
        String view = I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("debugger.view.heatmaps");
        assertEquals("热力图", view);
        List<String> problems = new ArrayList<>();
        for (Path f : files()) {
            if (read(f).contains("热图")) {
                problems.add(f + " says 热图");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Every “X”页 names a tab or a debugger view of the Chinese window. */
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
        for (Path f : files()) {
            Matcher m = PAGE.matcher(read(f));
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
