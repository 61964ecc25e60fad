package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.I18n;

/**
 * The Chinese user guides (docs/zh) keep step with the English ones (docs): every {@code ##} section of an English
 * guide has its Chinese counterpart, in the same order, and each pair holds the same fenced code blocks (commands,
 * code, file layouts), character for character, but for their {@code # comments}, which may be translated. A
 * section written only for Chinese readers (the generated equations page has four) is marked by the line
 * {@code <!-- zh-only -->} just before its heading and is left out of the pairing. Before this test the Chinese
 * debugger guide lacked four of the eight English sections, the training guide "From Java" and the interop guide
 * "Reference files and how they were made". The guides also name menus and buttons as the window labels them.
 */
class GuideParityTest {
    static final String ZH_ONLY = "<!-- zh-only -->";
    private static final Pattern FENCED = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    /** What cannot be inside a menu item's name in a sentence. */
    private static final Pattern STOP = Pattern.compile("[“”\"*（）()，。；：、,;:]|\\*\\*|\\.(?=\\s|$)");
    /** A shell, Python or YAML comment: the one part of a code block a translation may translate. */
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#\\s.*$");

    /** A guide's {@code ##} sections in order: the heading and the fenced code blocks under it. */
    record Section(String heading, List<String> code) {
    }

    /** The sections of a page; the text before the first heading is section 0, headed "". */
    static List<Section> sections(String text, boolean dropZhOnly) {
        List<Section> out = new ArrayList<>();
        Section current = new Section("", new ArrayList<>());
        out.add(current);
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String previous = "";
        boolean skipping = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                StringBuilder code = new StringBuilder();
                for (i++; i < lines.length && !lines[i].strip().startsWith("```"); i++) {
                    code.append(COMMENT.matcher(lines[i]).replaceFirst("").stripTrailing()).append('\n');
                }
                if (!skipping) {
                    current.code().add(code.toString());
                }
                continue;
            }
            if (line.startsWith("## ")) {
                skipping = dropZhOnly && previous.strip().equals(ZH_ONLY);
                current = new Section(line.substring(3).strip(), new ArrayList<>());
                if (!skipping) {
                    out.add(current);
                }
            }
            if (!line.isBlank()) {
                previous = line;
            }
        }
        return out;
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    @Test
    void everyEnglishSectionHasItsChineseCounterpartInTheSameOrder() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String guide : GuideWindow.GUIDES) {
            List<Section> en = sections(read("docs/" + guide + ".md"), false);
            List<Section> zh = sections(read("docs/zh/" + guide + ".md"), true);
            if (en.size() != zh.size()) {
                problems.add(guide + ": " + (en.size() - 1) + " English sections " + headings(en) + ", "
                        + (zh.size() - 1) + " Chinese " + headings(zh));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eachPairOfSectionsHasTheSameCodeBlocks() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String guide : GuideWindow.GUIDES) {
            List<Section> en = sections(read("docs/" + guide + ".md"), false);
            List<Section> zh = sections(read("docs/zh/" + guide + ".md"), true);
            for (int s = 0; s < Math.max(en.size(), zh.size()); s++) {
                List<String> a = s < en.size() ? en.get(s).code() : List.of();
                List<String> b = s < zh.size() ? zh.get(s).code() : List.of();
                if (!a.equals(b)) {
                    problems.add(guide + " section " + s + " (" + (s < en.size() ? en.get(s).heading() : "-")
                            + " / " + (s < zh.size() ? zh.get(s).heading() : "-") + "): English code "
                            + a + "\n  Chinese code " + b);
                }
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /**
     * A menu path in a guide, "视图 ▸ 投影模式", names each item as the window labels it in the guide's language
     * (without its mnemonic, a trailing "…" or a bracketed aside such as "（100 %）"); "A / B" names two items.
     * The one exception is the way into Chinese, "View ▸ Language ▸ 中文（简体）", written in English in the Chinese
     * guide for a reader whose window still speaks English.
     */
    @Test
    void menuPathsNameTheItemsAsTheWindowLabelsThem() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> english = labels(Locale.ENGLISH);
        Set<String> chinese = labels(Locale.SIMPLIFIED_CHINESE);
        for (String guide : GuideWindow.GUIDES) {
            problems.addAll(menuProblems("docs/" + guide + ".md", english, english));
            problems.addAll(menuProblems("docs/zh/" + guide + ".md", chinese, english));
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /**
     * A button or menu item the guides name by its label, which ends in "…" (“保存模型…”, *Save model…*), is labelled
     * so in the window of the guide's language.
     */
    @Test
    void buttonsNamedWithTheirEllipsisAreLabelsOfTheWindow() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern zh = Pattern.compile("“([^”\\n]{0,40}[^…\\n]…)”");
        Pattern en = Pattern.compile("(?<!\\*)\\*([^*\\n]{0,40}[^…*\\n]…)\\*");
        Set<String> english = labels(Locale.ENGLISH);
        Set<String> chinese = labels(Locale.SIMPLIFIED_CHINESE);
        for (String guide : GuideWindow.GUIDES) {
            for (boolean inChinese : new boolean[] {false, true}) {
                String file = (inChinese ? "docs/zh/" : "docs/") + guide + ".md";
                Matcher m = (inChinese ? zh : en).matcher(INLINE_CODE.matcher(read(file)).replaceAll(""));
                while (m.find()) {
                    if (!Stream.of(m.group(1).split(" ▸ ")).allMatch(p -> (inChinese ? chinese : english)
                            .contains(name(p)))) {
                        problems.add(file + ": no button or menu item is labelled " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    private static List<String> menuProblems(String file, Set<String> labels, Set<String> english) throws IOException {
        List<String> problems = new ArrayList<>();
        String text = INLINE_CODE.matcher(FENCED.matcher(read(file)).replaceAll("")).replaceAll("");
        for (String line : text.split("\n")) {
            int at = line.indexOf(" ▸ ");
            while (at >= 0) {
                String before = longest(line.substring(0, at), labels, true);
                String after = longest(line.substring(at + 3), labels, false);
                boolean englishWay = line.substring(0, at).endsWith("View") && labels != english;
                if (!englishWay && (before == null || after == null)) {
                    problems.add(file + ": no menu item is called \"" + (before == null ? line.substring(0, at)
                            : line.substring(at + 3)).strip() + "\" (" + line.strip() + ")");
                }
                at = line.indexOf(" ▸ ", at + 3);
            }
        }
        return problems;
    }

    /**
     * The longest end (or start) of {@code text} that is a label, or null; it is cut from the rest of the
     * sentence by punctuation, "**" or a space.
     */
    private static String longest(String text, Set<String> labels, boolean end) {
        String t = STOP.matcher(text).replaceAll("\u0000");
        t = end ? t.substring(t.lastIndexOf('\u0000') + 1) : t.substring(0, t.indexOf('\u0000') < 0 ? t.length()
                : t.indexOf('\u0000'));
        for (int n = t.length(); n > 0; n--) {
            String part = (end ? t.substring(t.length() - n) : t.substring(0, n)).strip();
            boolean whole = n == t.length() || t.charAt(end ? t.length() - n - 1 : n) == ' ';
            if (whole && !part.isEmpty() && Stream.of(part.split(" / ")).allMatch(p -> labels.contains(name(p)))) {
                return part;
            }
        }
        return null;
    }

    /** Every label of the window in that language, as {@link #name} writes it. */
    private static Set<String> labels(Locale language) {
        ResourceBundle b = I18n.bundle(language);
        Set<String> out = new HashSet<>();
        for (String key : b.keySet()) {
            for (String part : b.getString(key).split(" / ")) {
                out.add(name(part));
            }
        }
        return out;
    }

    /** A label without its mnemonic, bracketed aside, trailing "…" and spaces. */
    private static String name(String label) {
        return label.replaceAll("\\(_.\\)|_", "").replaceAll("（[^）]*）|\\([^)]*\\)", "")
                .replace("…", "").replace("...", "").strip();
    }

    private static List<String> headings(List<Section> sections) {
        return sections.stream().skip(1).map(Section::heading).toList();
    }
}
