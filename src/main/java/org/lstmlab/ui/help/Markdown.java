package org.lstmlab.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little Markdown the user guides use, parsed into blocks and inline spans for {@link MarkdownView}: headings,
 * paragraphs, lists, fenced code, display maths ({@code $$…$$}), tables, images and block quotes; inline code,
 * bold, italics, links and inline maths. Anything else shows as plain text, so nothing is lost.
 */
final class Markdown {
    private Markdown() {
    }

    /** A block of the page. */
    sealed interface Block permits Heading, Paragraph, Item, Code, Maths, Table, Picture, Quote {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** A list item; {@code number} is 0 for a bullet, {@code depth} 0 for the outer list. */
    record Item(int number, int depth, String text) implements Block {
    }

    record Code(String text) implements Block {
    }

    record Maths(String latex) implements Block {
    }

    /** The first row is the header. */
    record Table(List<List<String>> rows) implements Block {
    }

    record Picture(String alt, String path) implements Block {
    }

    record Quote(String text) implements Block {
    }

    /** An inline piece of text. */
    enum Style { PLAIN, CODE, BOLD, ITALIC, LINK, MATHS }

    /** A run of text in one style; {@code target} is a link's address. */
    record Span(Style style, String text, String target) {
    }

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)(?:([-*+])|(\\d+)[.)])\\s+(.*)$");
    private static final Pattern PICTURE = Pattern.compile("^\\s*!\\[([^]]*)]\\(([^)\\s]+)\\)\\s*$");
    private static final Pattern MATHS = Pattern.compile("^\\s*\\$\\$(.+)\\$\\$\\s*$");

    static List<Block> parse(String text) {
        List<Block> out = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder para = new StringBuilder();
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inComment || line.strip().startsWith("<!--")) {
                inComment = !line.contains("-->");
                continue;
            }
            if (line.strip().startsWith("```")) {
                flush(out, para);
                StringBuilder code = new StringBuilder();
                for (i++; i < lines.length && !lines[i].strip().startsWith("```"); i++) {
                    code.append(code.length() > 0 ? "\n" : "").append(lines[i]);
                }
                out.add(new Code(code.toString()));
                continue;
            }
            Matcher m;
            if (line.isBlank()) {
                flush(out, para);
            } else if ((m = HEADING.matcher(line)).matches()) {
                flush(out, para);
                out.add(new Heading(m.group(1).length(), m.group(2).strip()));
            } else if ((m = MATHS.matcher(line)).matches()) {
                flush(out, para);
                out.add(new Maths(m.group(1).strip()));
            } else if ((m = PICTURE.matcher(line)).matches()) {
                flush(out, para);
                out.add(new Picture(m.group(1), m.group(2)));
            } else if (line.strip().startsWith("|")) {
                flush(out, para);
                List<List<String>> rows = new ArrayList<>();
                for (; i < lines.length && lines[i].strip().startsWith("|"); i++) {
                    List<String> cells = cells(lines[i]);
                    if (!cells.stream().allMatch(c -> c.matches(":?-{2,}:?"))) {
                        rows.add(cells);
                    }
                }
                i--;
                out.add(new Table(rows));
            } else if (line.startsWith(">")) {
                flush(out, para);
                out.add(new Quote(line.replaceFirst("^>\\s?", "")));
            } else if ((m = ITEM.matcher(line)).matches()) {
                flush(out, para);
                int number = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                StringBuilder item = new StringBuilder(m.group(4).strip());
                int indent = m.group(1).length();
                // continuation lines: indented further than the marker, and not a new block
                while (i + 1 < lines.length && !lines[i + 1].isBlank()
                        && lines[i + 1].startsWith(" ".repeat(indent + 2))
                        && !ITEM.matcher(lines[i + 1]).matches() && !MATHS.matcher(lines[i + 1]).matches()
                        && !PICTURE.matcher(lines[i + 1]).matches()) {
                    join(item, lines[++i].strip());
                }
                out.add(new Item(number, indent / 2, item.toString()));
            } else {
                join(para, line.strip());
            }
        }
        flush(out, para);
        return out;
    }

    /**
     * Appends a continuation line: with a space, except where Chinese text was broken across lines (Chinese puts
     * no spaces between words).
     */
    static void join(StringBuilder text, String next) {
        if (text.length() > 0 && !next.isEmpty() && !(wide(text.codePointBefore(text.length()))
                && wide(next.codePointAt(0)))) {
            text.append(' ');
        }
        text.append(next);
    }

    /** A CJK character or full-width punctuation. */
    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    private static void flush(List<Block> out, StringBuilder para) {
        if (para.length() > 0) {
            out.add(new Paragraph(para.toString()));
            para.setLength(0);
        }
    }

    private static List<String> cells(String row) {
        String r = row.strip();
        r = r.substring(1, r.endsWith("|") && r.length() > 1 ? r.length() - 1 : r.length());
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\' && i + 1 < r.length() && r.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }

    private static final Pattern INLINE = Pattern.compile(
            "`([^`]+)`|\\*\\*(.+?)\\*\\*|(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])|\\[([^]]+)]\\(([^)\\s]+)\\)"
                    + "|\\$([^$\\s][^$]*?)\\$");

    /** The inline spans of a paragraph, heading, item or table cell. */
    static List<Span> spans(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Span(Style.PLAIN, text.substring(at, m.start()), null));
            }
            if (m.group(1) != null) {
                out.add(new Span(Style.CODE, m.group(1), null));
            } else if (m.group(2) != null) {
                out.add(new Span(Style.BOLD, m.group(2), null));
            } else if (m.group(3) != null) {
                out.add(new Span(Style.ITALIC, m.group(3), null));
            } else if (m.group(4) != null) {
                out.add(new Span(Style.LINK, m.group(4), m.group(5)));
            } else {
                out.add(new Span(Style.MATHS, m.group(6), null));
            }
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Span(Style.PLAIN, text.substring(at), null));
        }
        return out;
    }
}
