package org.lstmlab.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bilingual glossary: one file ({@code org/lstmlab/glossary/glossary.tsv}) that Help ▸ Glossary shows and
 * that {@code docs/glossary.md} and {@code docs/zh/glossary.md} are made from.
 */
public final class Glossary {
    private static final String FILE = "/org/lstmlab/glossary/glossary.tsv";

    /**
     * One term.
     *
     * @param english        the English term
     * @param symbol         its symbol in the equations, or empty
     * @param chinese        the Chinese term (Dive into Deep Learning's where it has one)
     * @param chineseOthers  other Chinese terms in use, or empty
     * @param note           what it is, in English
     * @param noteChinese    what it is, in Chinese
     */
    public record Term(String english, String symbol, String chinese, String chineseOthers, String note,
                       String noteChinese) {
        /** Whether any of its texts contains {@code query} (ignoring case). */
        public boolean matches(String query) {
            String q = query.strip().toLowerCase(Locale.ROOT);
            return q.isEmpty() || (english + "\t" + symbol + "\t" + chinese + "\t" + chineseOthers + "\t" + note
                    + "\t" + noteChinese).toLowerCase(Locale.ROOT).contains(q);
        }
    }

    private Glossary() {
    }

    /** Every term, in the file's order. */
    public static List<Term> terms() {
        try (InputStream in = Glossary.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the glossary " + FILE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the tab-separated lines; {@code #} starts a comment line. */
    static List<Term> parse(String text) {
        List<Term> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalStateException("glossary line " + lineNo + ": 6 tab-separated fields expected, found "
                        + f.length);
            }
            out.add(new Term(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(), f[5].strip()));
        }
        return out;
    }

    /** The glossary as a Markdown page, Chinese first ({@code zh}) or English first. */
    public static String markdown(List<Term> terms, boolean chineseFirst) {
        StringBuilder md = new StringBuilder();
        String notice = "<!-- Made from resources/org/lstmlab/glossary/glossary.tsv by GlossaryDocTest; edit that "
                + "file, not this one. -->\n\n";
        if (chineseFirst) {
            md.append("# 术语表（中文 ↔ English）\n\n").append(notice)
                    .append("中文术语以《动手学深度学习》中文版的译法为准，其他常见译法列在后面。应用里也能查到这张表："
                            + "“帮助 ▸ 术语表”。\n\n")
                    .append("| 中文 | English | 符号 | 其他译法 | 说明 |\n|---|---|---|---|---|\n");
            for (Term t : terms) {
                md.append(row(t.chinese(), t.english(), code(t.symbol()), t.chineseOthers(), t.noteChinese()));
            }
        } else {
            md.append("# Glossary (English ↔ 中文)\n\n").append(notice)
                    .append("The Chinese terms follow the Chinese edition of *Dive into Deep Learning*; other terms "
                            + "in common use follow them. The app shows the same table under Help ▸ Glossary.\n\n")
                    .append("| English | 中文 | symbol | other Chinese terms | note |\n|---|---|---|---|---|\n");
            for (Term t : terms) {
                md.append(row(t.english(), t.chinese(), code(t.symbol()), t.chineseOthers(), t.note()));
            }
        }
        return md.toString();
    }

    private static String code(String symbol) {
        return symbol.isEmpty() ? "" : "`" + symbol + "`";
    }

    private static String row(String... cells) {
        StringBuilder r = new StringBuilder("|");
        for (String c : cells) {
            r.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        return r.append('\n').toString();
    }
}
