package org.lstmlab.engine.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds long lines of the Python this app generates so that a narrow code panel (the Train tab's, at 1024 × 768)
 * shows them whole: the widest bracket of a long line is opened, one item a line, each followed by a comma when
 * there are two or more (or the bracket held a tuple of one), and the closing bracket on its own line; when the only
 * item is a call that must fold too, its brackets open on the same line ({@code model.add(LSTM(} … {@code ))}).
 * Python joins lines inside brackets, so the folded code means exactly what the long line meant. The names of a
 * long {@code from … import} line go in brackets first; a long line's trailing comment moves onto its own lines
 * above it, a long comment is broken between words, and a call commented out is folded as code, each line still
 * commented. A line without a bracket to open stays as it is, and so does text in a triple-quoted string.
 */
public final class PythonFolding {
    private static final int STEP = 4;

    private PythonFolding() {
    }

    /** Every line of {@code code} folded to at most {@code width} columns where a bracket or a space allows it. */
    public static String fold(String code, int width) {
        StringBuilder out = new StringBuilder(code.length() + 64);
        String[] lines = code.split("\n", -1);
        boolean inDocstring = false;   // lines in or around a triple-quoted string are text, never folded
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            boolean toggles = (count(lines[i], "\"\"\"") + count(lines[i], "'''")) % 2 == 1;
            if (inDocstring || lines[i].contains("\"\"\"") || lines[i].contains("'''")) {
                out.append(lines[i]);
            } else {
                List<String> folded = new ArrayList<>();
                foldLine(lines[i], width, folded);
                out.append(String.join("\n", folded));
            }
            inDocstring ^= toggles;
        }
        return out.toString();
    }

    private static int count(String line, String what) {
        int n = 0;
        for (int i = line.indexOf(what); i >= 0; i = line.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static void foldLine(String line, int width, List<String> out) {
        int comment = commentStart(line);
        String codePart = (comment < 0 ? line : line.substring(0, comment)).stripTrailing();
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        if (columns(line) <= width) {
            out.add(line);
            return;
        }
        if (codePart.isBlank()) {
            String text = line.substring(comment + 1).strip();
            if (text.matches("[A-Za-z_][\\w.]*\\(.*")) {   // code commented out: folded as code, still commented
                List<String> code = new ArrayList<>();
                foldLine(text, width - indent.length() - 2, code);
                code.forEach(c -> out.add(indent + (c.startsWith("#") ? c : "# " + c)));
            } else {
                wrapComment(indent, line.substring(comment).strip(), width, out);
            }
            return;
        }
        if (comment >= 0) {   // a trailing comment goes on its own line above the code
            wrapComment(indent, line.substring(comment).strip(), width, out);
            foldLine(codePart, width, out);
            return;
        }
        String from = codePart.strip();
        int names = from.indexOf(" import ");
        if (from.startsWith("from ") && names > 0 && !from.contains("(")) {   // the names go in brackets
            foldLine(indent + from.substring(0, names) + " import (" + from.substring(names + 8).strip() + ")",
                    width, out);
            return;
        }
        boolean[] quoted = quoted(codePart);
        int open = -1;
        int close = -1;
        for (int i = 0; i < codePart.length(); i++) {   // the outermost bracket pair that spans the most
            if (!quoted[i] && opens(codePart.charAt(i))) {
                int end = matching(codePart, quoted, i);
                if (end < 0) {
                    break;
                }
                if (end - i > close - open) {
                    open = i;
                    close = end;
                }
                i = end;
            }
        }
        if (close < 0 || close == open + 1) {
            out.add(line);
            return;
        }
        String inner = indent + " ".repeat(STEP);
        List<String> items = topLevelItems(codePart, quoted, open, close);
        int hug = items.size() == 1 && columns(inner + items.get(0)) > width ? hugged(codePart, quoted, open, close)
                : -1;
        if (hug > 0 && columns(codePart.substring(0, hug + 1)) <= width) {   // f(g( … )): g's brackets fold
            open = hug;
            close = matching(codePart, quoted, hug);
            items = topLevelItems(codePart, quoted, open, close);
        }
        out.add(codePart.substring(0, open + 1));
        boolean tuple = codePart.substring(open + 1, close).strip().endsWith(",");   // "(a,)" stays a tuple
        for (String item : items) {   // one item keeps no comma unless it had one: "(a + b,)" would be a tuple
            foldLine(inner + item + (items.size() > 1 || tuple ? "," : ""), width, out);
        }
        foldLine(indent + codePart.substring(close), width, out);
    }

    /**
     * Where the bracket opens whose call is the only item between {@code open} and {@code close} and ends right
     * before {@code close} ("g(" in "f(g(x, y))"), or −1.
     */
    private static int hugged(String code, boolean[] quoted, int open, int close) {
        int last = close - 1;
        while (last > open && code.charAt(last) == ' ') {
            last--;
        }
        if (quoted[last] || !closes(code.charAt(last))) {
            return -1;
        }
        for (int i = open + 1; i < last; i++) {
            if (!quoted[i] && opens(code.charAt(i))) {
                return matching(code, quoted, i) == last ? i : -1;
            }
        }
        return -1;
    }

    /**
     * A comment as lines of at most {@code width} columns (a Chinese character takes two): after its semicolons when
     * each clause fits a line, else between words or between two Chinese characters, never before Chinese
     * punctuation; a word longer than a line keeps its own line.
     */
    private static void wrapComment(String indent, String comment, int width, List<String> out) {
        String text = comment.substring(1).strip();
        String lead = indent + "# ";
        String[] clauses = text.split("(?<=;) ");
        if (clauses.length > 1 && java.util.Arrays.stream(clauses).allMatch(c -> columns(lead + c) <= width)) {
            String line = lead + clauses[0];   // clauses that fit a line each part at their semicolons
            for (int k = 1; k < clauses.length; k++) {
                if (columns(line + " " + clauses[k]) <= width) {
                    line += " " + clauses[k];
                } else {
                    out.add(line);
                    line = lead + clauses[k];
                }
            }
            out.add(line);
            return;
        }
        StringBuilder line = new StringBuilder(lead);
        int columns = lead.length();
        int i = 0;
        while (i < text.length()) {
            boolean spaced = text.charAt(i) == ' ';
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i == text.length()) {
                break;
            }
            int end = i + 1;   // a Chinese character is a word of its own
            while (!wide(text.charAt(i)) && end < text.length() && text.charAt(end) != ' '
                    && !wide(text.charAt(end))) {
                end++;
            }
            String word = text.substring(i, end);
            int cost = (spaced ? 1 : 0) + columns(word);
            boolean punctuation = word.length() == 1 && wide(word.charAt(0))
                    && Character.getType(word.charAt(0)) != Character.OTHER_LETTER;
            if (columns > lead.length() && columns + cost > width && !punctuation) {
                out.add(line.toString());
                line.setLength(lead.length());
                columns = lead.length();
                cost = columns(word);
                spaced = false;
            }
            line.append(spaced && columns > lead.length() ? " " : "").append(word);
            columns += cost;
            i = end;
        }
        out.add(line.toString());
    }

    /** Characters a monospaced pane draws two columns wide: Chinese characters and their punctuation. */
    private static boolean wide(char c) {
        return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFF60
                || c >= 0x3000 && c <= 0x303F;
    }

    private static int columns(String word) {
        int n = 0;
        for (int k = 0; k < word.length(); k++) {
            n += wide(word.charAt(k)) ? 2 : 1;
        }
        return n;
    }

    /** Where a comment starts ('#' outside a string), or −1. */
    static int commentStart(String line) {
        boolean[] quoted = quoted(line);
        for (int i = 0; i < line.length(); i++) {
            if (!quoted[i] && line.charAt(i) == '#') {
                return i;
            }
        }
        return -1;
    }

    /** Which characters of a line belong to a string literal, its quotes included. */
    private static boolean[] quoted(String line) {
        boolean[] quoted = new boolean[line.length()];
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                quoted[i] = true;
                if (ch == '\\' && i + 1 < line.length()) {
                    quoted[++i] = true;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quoted[i] = true;
                quote = ch;
            }
        }
        return quoted;
    }

    private static boolean opens(char ch) {
        return ch == '(' || ch == '[' || ch == '{';
    }

    private static boolean closes(char ch) {
        return ch == ')' || ch == ']' || ch == '}';
    }

    /** The index of the bracket that closes the one at {@code open}, or −1. */
    private static int matching(String code, boolean[] quoted, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (quoted[i]) {
                continue;
            }
            char ch = code.charAt(i);
            if (opens(ch)) {
                depth++;
            } else if (closes(ch) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated items between the brackets at {@code open} and {@code close}, stripped, none empty. */
    private static List<String> topLevelItems(String code, boolean[] quoted, int open, int close) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++) {
            char ch = code.charAt(i);
            if (quoted[i]) {
                continue;
            } else if (opens(ch)) {
                depth++;
            } else if (closes(ch)) {
                depth--;
            } else if (ch == ',' && depth == 0) {
                items.add(code.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = code.substring(start, close).strip();
        if (!last.isEmpty()) {
            items.add(last);
        }
        return items;
    }
}
