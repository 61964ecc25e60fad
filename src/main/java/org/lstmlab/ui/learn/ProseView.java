package org.lstmlab.ui.learn;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.lstmlab.ui.common.Percent;
import org.lstmlab.ui.common.ScientificNumbers;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Lays out a lesson's prose: paragraphs, {@code **bold**}, {@code *emphasis*} (a star that a space follows, or that
 * stands between letters or digits, is a star), {@code `code`}, lists (lines starting with {@code 1. } or
 * {@code - }), code blocks between triple backticks, tables
 * (rows starting with {@code |}, laid out as a grid), and LaTeX between {@code $…$} (inline) or {@code $$…$$} (on its
 * own line), drawn with JLaTeXMath. Text that is not valid LaTeX is shown as it was written.
 * <p>
 * Emphasis is italic in Latin text. Chinese fonts have no italic face (JavaFX then draws the run upright, the same
 * as the text around it), and some have no bold face either (WenQuanYi Micro Hei), so emphasis in Chinese (a run
 * with Chinese characters, or any emphasis in the Chinese lesson text, which is drawn in a Chinese face) gets the
 * style class {@code prose-emphasis-cjk}, which learn.css underlines: an underline shows in every face.
 */
final class ProseView {
    private static final Pattern INLINE = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(.+?)\\$|\\*\\*(.+?)\\*\\*|`([^`]+)`"
            + "|(?<![\\w*])\\*([^*\\s](?:[^*]*?[^*\\s])?)\\*(?![\\w*])");
    private static final Map<String, Drawn> IMAGES = new HashMap<>();
    /**
     * The start of a list item, "1. " or "- ": it begins a line of its own. Its number or dash is a text of its own,
     * and the space after it one of the monospaced face ({@code .prose-item-gap}): a Chinese face's space was so
     * narrow that "1. `nn.LSTM`" read "1.nn.LSTM".
     */
    private static final Pattern ITEM = Pattern.compile("\\s*(\\d+\\.|-) ");
    private static final float SIZE = 16f;
    /** The room between the parts of a displayed formula: an em space, then a space where the line may break. */
    private static final String QUAD = "\u2003 ";
    /** Punctuation that must not begin a line (Chinese and Latin): kept with the formula before it. */
    private static final String CLOSING = "。，、；：？！）」』》〉】.,;:?!)";

    /** A formula drawn once: the image and how far it reaches below the text's baseline. */
    private record Drawn(Image image, double depth) {
    }

    private ProseView() {
    }

    /**
     * The prose as a flow of text and formula images. A formula that is wider than the flow, on its own line or in
     * the text, is scaled down to its width (a lesson docked beside the debugger at 1024 × 768 is about 370 px
     * wide); an inline one keeps its baseline on the text's.
     */
    static TextFlow render(String prose, boolean chinese) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("prose");
        List<Node> nodes = nodes(prose, chinese);
        // the break that ends the last line would be drawn as an empty line below it
        if (!nodes.isEmpty() && nodes.get(nodes.size() - 1) instanceof Text last && last.getText().endsWith("\n")) {
            String kept = last.getText().substring(0, last.getText().length() - 1);
            if (kept.isEmpty()) {
                nodes.remove(nodes.size() - 1);
            } else {
                last.setText(kept);
            }
        }
        flow.getChildren().addAll(nodes);
        for (Node n : flow.getChildren()) {
            if (n instanceof GridPane grid) {  // as wide as the flow: its first column wraps when the room is short
                grid.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
                    double room = flow.getWidth() - flow.snappedLeftInset() - flow.snappedRightInset();
                    return room > 0 ? room : Region.USE_COMPUTED_SIZE;
                }, flow.widthProperty()));
            }
            Node f = n instanceof TextFlow word && word.getStyleClass().contains("prose-formula-word")
                    ? word.getChildren().get(0) : n;  // a formula with the punctuation after it
            if (f instanceof ImageView v) {  // a formula, displayed or inline: one wider than the flow would be cut
                double natural = v.getImage().getWidth();
                v.setPreserveRatio(true);
                v.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> {
                    double room = flow.getWidth() - flow.snappedLeftInset() - flow.snappedRightInset();
                    return room > 0 && room < natural ? room : 0;  // 0: the image's own size
                }, flow.widthProperty()));
            }
        }
        return flow;
    }

    /** The nodes of {@link #render}; {@code chinese}: the text is the Chinese lesson text, drawn in a Chinese face. */
    static List<Node> nodes(String prose, boolean chinese) {
        List<Node> out = new ArrayList<>();
        boolean code = false;
        List<String> lines = prose.strip().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) {
                Text t = new Text(line + "\n");
                t.getStyleClass().add("prose-code");
                out.add(t);
                continue;
            }
            if (line.strip().startsWith("|")) {
                int end = i;
                while (end < lines.size() && lines.get(end).strip().startsWith("|")) {
                    end++;
                }
                out.add(table(lines.subList(i, end), chinese));
                out.add(new Text("\n"));
                i = end - 1;
                continue;
            }
            if (line.isBlank()) {
                out.add(new Text("\n"));  // the line before ended with one: one empty line between paragraphs
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (item.lookingAt()) {  // the item's number or dash, then a gap as wide in English as in Chinese
                out.add(new Text(item.group(1)));
                Text gap = new Text(" ");
                gap.getStyleClass().add("prose-item-gap");
                out.add(gap);
                inline(line.substring(item.end()).stripLeading(), chinese, out);
            } else {
                inline(line.stripLeading(), chinese, out);  // an item's continuation without its indentation
            }
            boolean nextIsText = i + 1 < lines.size() && !lines.get(i + 1).isBlank();
            if (line.strip().endsWith("$$")) {
                continue;  // a formula on its own line has ended its line: the next starts below it, no gap
            }
            if (!nextIsText || ITEM.matcher(lines.get(i + 1)).lookingAt()) {
                out.add(new Text("\n"));
            } else if (!wide(line.strip(), lines.get(i + 1).strip())) {
                out.add(new Text(" "));  // Chinese lines join without a space (wide)
            }
        }
        return out;
    }

    /**
     * Whether two lines join without a space: beside Chinese characters or Chinese punctuation, except that a Latin
     * word, a number, ASCII brackets, a formula or code keep the space they have beside a Chinese character.
     */
    private static boolean wide(String line, String next) {
        if (line.isEmpty() || next.isEmpty()) {
            return false;
        }
        int a = line.codePointBefore(line.length());
        int b = next.codePointAt(0);
        boolean latinBesideHan = han(a) && latin(b) || latin(a) && han(b);
        return (cjk(a) || cjk(b)) && !latinBesideHan;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Text that keeps a space beside Chinese: Latin letters, digits, ASCII signs, a formula ($), not a star. */
    private static boolean latin(int cp) {
        return Character.isLetterOrDigit(cp) && !cjk(cp) || cp > ' ' && cp < 0x7f && cp != '*';
    }

    private static boolean cjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
    }

    /**
     * The rows of a table as a grid of cells, each cell's text laid out like the prose (numbers, formulas): columns
     * line up whatever the characters' widths, which spaces in a monospaced font cannot do for Chinese.
     */
    private static GridPane table(List<String> rows, boolean chinese) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("prose-table");
        int r = 0;
        for (String row : rows) {
            if (row.strip().matches("\\|[-|: ]+\\|")) {
                continue;  // a table's rule line
            }
            String[] cells = row.strip().replaceAll("^\\||\\|$", "").split("\\|", -1);
            for (int c = 0; c < cells.length; c++) {
                List<Node> parts = new ArrayList<>();
                inline(cells[c].strip(), chinese, parts);
                TextFlow cell = new TextFlow();
                cell.getChildren().addAll(parts);
                cell.getStyleClass().add(r == 0 ? "prose-table-head" : "prose-table-cell");
                if (c > 0) {
                    cell.setMinWidth(Region.USE_PREF_SIZE);  // numbers keep their width; the labels wrap
                }
                grid.add(cell, c, r);
            }
            r++;
        }
        return grid;
    }

    /** Whether the nodes so far end a line (or are none): a displayed formula under another needs no break. */
    private static boolean endsLine(List<Node> out) {
        return out.isEmpty() || out.get(out.size() - 1) instanceof Text t && t.getText().endsWith("\n");
    }

    private static void inline(String line, boolean chinese, List<Node> out) {
        Matcher m = INLINE.matcher(line);
        int last = 0;
        while (m.find()) {
            int end = m.end();
            if (m.start() > last) {
                out.add(plain(line.substring(last, m.start())));
            }
            if (m.group(1) != null) {
                if (!endsLine(out)) {
                    out.add(new Text("\n"));  // a displayed formula on a line of its own
                }
                List<String> parts = displayParts(m.group(1));
                for (int k = 0; k < parts.size(); k++) {
                    if (k > 0) {
                        out.add(new Text(QUAD));  // where the line may break
                    }
                    out.add(formula(parts.get(k), true, parts.size() > 1));
                }
                out.add(new Text("\n"));
            } else if (m.group(2) != null) {
                int stop = end;
                while (stop < line.length() && CLOSING.indexOf(line.charAt(stop)) >= 0) {
                    stop++;
                }
                Node f = formula(m.group(2), false);
                if (stop > end) {  // "$x_1$。": the full stop never starts a line of its own
                    TextFlow word = new TextFlow(f, new Text(line.substring(end, stop)));
                    word.getStyleClass().add("prose-formula-word");
                    out.add(word);
                    end = stop;
                } else {
                    out.add(f);
                }
            } else if (m.group(3) != null) {
                bold(m.group(3), chinese, out);
            } else if (m.group(5) != null) {
                Text t = new Text(m.group(5));
                boolean cjk = chinese || m.group(5).codePoints().anyMatch(ProseView::cjk);
                t.getStyleClass().add(cjk ? "prose-emphasis-cjk" : "prose-italic");
                out.add(t);
            } else {
                code(m.group(4), out);
            }
            last = end;
        }
        if (last < line.length()) {
            out.add(plain(line.substring(last)));
        }
    }

    /** Plain prose: "95 %" stays on one line, as everywhere in the app ({@link Percent}). */
    private static Text plain(String text) {
        return new Text(Percent.keepTogether(text));
    }

    /** Bold text, with what it holds laid out like any other: "**Which of $z$ and $1 - z$ …?**" has formulas. */
    private static void bold(String inside, boolean chinese, List<Node> out) {
        List<Node> parts = new ArrayList<>();
        inline(inside, chinese, parts);
        for (Node n : parts) {
            if (n instanceof Text t) {
                t.getStyleClass().add("prose-bold");
            } else if (n instanceof TextFlow word) {  // a code word
                word.getChildren().forEach(t -> t.getStyleClass().add("prose-bold"));
            }
        }
        out.addAll(parts);
    }

    /**
     * A code span, whose lines break only at its spaces: each word is a flow of its own, which the flow around it
     * places whole. JavaFX breaks a line before '[' and after ':', and cut {@code bias_hh_l0[0:H]} after "[0:".
     */
    private static void code(String code, List<Node> out) {
        String[] words = code.split(" ", -1);
        for (int k = 0; k < words.length; k++) {
            if (k > 0) {
                Text space = new Text(" ");
                space.getStyleClass().add("prose-code");
                out.add(space);
            }
            if (!words[k].isEmpty()) {
                Text t = new Text(words[k]);
                t.getStyleClass().add("prose-code");
                TextFlow word = new TextFlow(t);
                word.getStyleClass().add("prose-code-word");
                out.add(word);
            }
        }
    }

    /**
     * A displayed formula cut where it sets equations side by side, at each {@code \quad} or {@code \qquad}
     * outside braces ({@code i_t = \sigma(a_i),\quad f_t = …}); the comma before one stays with its equation, and a
     * label ({@code \text{LSTM:}\quad c_t = …}) with the equation it names.
     * Drawn as one image, one-step-by-hand's four gates shrank to two thirds of the text's size in a lesson docked
     * at 1024 × 768; as parts, they wrap onto two lines at the text's size.
     */
    static List<String> displayParts(String latex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < latex.length(); i++) {
            char ch = latex.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                depth--;
            } else if (ch == '\\') {
                int end = depth == 0 ? quadEnd(latex, i) : i;
                if (end > i) {
                    parts.add(latex.substring(start, i));
                    start = end;
                    i = end - 1;
                } else {
                    i++;  // the command's first character: \{ and \} neither open nor close a group
                }
            }
        }
        parts.add(latex.substring(start));
        List<String> kept = new ArrayList<>();
        String label = null;  // a part that only names the next, \text{LSTM:}, stays on its line
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (label != null) {
                p = label + "\\quad " + p;
                label = null;
            }
            if (p.matches("\\\\text\\{[^{}]*\\}")) {
                label = p;
            } else {
                kept.add(p);
            }
        }
        if (label != null) {
            kept.add(label);
        }
        return kept.isEmpty() ? List.of(latex) : kept;
    }

    /** The end of the {@code \quad} or {@code \qquad} that starts at {@code i}, or {@code i} if none does. */
    private static int quadEnd(String latex, int i) {
        for (String q : new String[] {"\\qquad", "\\quad"}) {
            int end = i + q.length();
            if (latex.startsWith(q, i) && (end == latex.length() || !Character.isLetter(latex.charAt(end)))) {
                return end;
            }
        }
        return i;
    }

    /** A formula image on a line of its own, or in the text ({@link #formula(String, boolean, boolean)}). */
    static Node formula(String source, boolean display) {
        return formula(source, display, false);
    }

    /**
     * A formula image, or its source as text when JLaTeXMath cannot read it. A number in scientific notation, as a
     * placeholder's {@code .2e} format gives it (4.67e-6), is drawn as 4.67 × 10⁻⁶. {@code inRow}: a displayed
     * formula's part beside others, which sits on their common baseline.
     */
    static Node formula(String source, boolean display, boolean inRow) {
        String latex = ScientificNumbers.latex(source);
        String key = (display ? "D|" : "T|") + latex;
        Drawn drawn = IMAGES.get(key);
        if (drawn == null) {
            try {
                TeXIcon icon = new TeXFormula(latex).createTeXIcon(display ? TeXConstants.STYLE_DISPLAY
                        : TeXConstants.STYLE_TEXT, SIZE);
                BufferedImage b = new BufferedImage(Math.max(1, icon.getIconWidth()),
                        Math.max(1, icon.getIconHeight()), BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = b.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                icon.setForeground(new Color(0x1a, 0x1a, 0x1a));
                icon.paintIcon(null, g, 0, 0);
                g.dispose();
                drawn = new Drawn(SwingFXUtils.toFXImage(b, null), icon.getIconDepth());
                IMAGES.put(key, drawn);
            } catch (ParseException | IllegalArgumentException e) {
                Text t = new Text(display ? "$$" + source + "$$" : "$" + source + "$");
                t.getStyleClass().add("prose-code");
                return t;
            }
        }
        double depth = display && !inRow ? 0 : drawn.depth() / drawn.image().getHeight();  // a fraction of it
        ImageView v = new ImageView(drawn.image()) {
            @Override
            public double getBaselineOffset() {  // the formula's baseline on the text's, its depth below it
                return getLayoutBounds().getHeight() * (1 - depth);  // in the line's height (a translation was not)
            }
        };
        v.getStyleClass().add(display ? "formula-display" : "formula");
        return v;
    }
}
