package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A lesson's inline Markdown: which runs of text are bold, italic or code, and which stars stay stars. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProseViewTest {
    @Start
    void start(Stage stage) {
        // nothing to show: the test builds text nodes on the FX thread
    }

    /** Each text node as "style:text" (style "" for plain text), without the line breaks between lines. */
    private static List<String> runs(String prose) throws Exception {
        return runs(prose, false);
    }

    /** The same, for the English lesson text ({@code chinese} false) or the Chinese one. */
    private static List<String> runs(String prose, boolean chinese) throws Exception {
        return UiWait.onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : ProseView.nodes(prose, chinese)) {
                Text t = n instanceof TextFlow word ? (Text) word.getChildren().get(0) : (Text) n;  // a code word
                if (t.getText().isBlank() && t.getStyleClass().isEmpty()) {
                    continue;
                }
                String style = t.getStyleClass().stream().filter(c -> c.startsWith("prose-")).findFirst().orElse("");
                out.add(style + ":" + t.getText());
            }
            return out;
        });
    }

    @Test
    void starsAroundAWordMakeItItalicAndOtherStarsStayStars() throws Exception {
        assertEquals(List.of(":a candidate (", "prose-italic:not", ": a gate) and ", "prose-bold:three gates",
                ": of ", "prose-code:nn.LSTM"), runs("a candidate (*not* a gate) and **three gates** of `nn.LSTM`"));
        assertEquals(List.of(":2 * 3 * 4, a*b*c, x* and *y"), runs("2 * 3 * 4, a*b*c, x* and *y"),
                "a star with a space after it, or between letters, is a star");
        assertEquals(List.of(":the ", "prose-italic:new candidate", ": wins"), runs("the *new candidate* wins"));
    }

    /**
     * Chinese fonts have no italic face (JavaFX then draws the run upright, like the text around it), so emphasis
     * in Chinese is marked another way: a run with Chinese characters, or any emphasis in the Chinese lesson text,
     * whose font is a Chinese face, gets prose-emphasis-cjk; Latin text in the English lesson keeps its italics.
     */
    @Test
    void emphasisInChineseIsMarkedSoThatAChineseFontShowsIt() throws Exception {
        assertEquals(List.of(":它", "prose-emphasis-cjk:不是", ":门"), runs("它*不是*门", true));
        assertEquals(List.of(":取", "prose-emphasis-cjk:新的", ":候选值"), runs("取*新的*候选值", false),
                "Chinese characters, whatever the language");
        assertEquals(List.of(":用 ", "prose-emphasis-cjk:tanh", ": 而不是门"), runs("用 *tanh* 而不是门", true),
                "a Latin word in the Chinese text");
        assertEquals(List.of(":a candidate (", "prose-italic:not", ": a gate)"), runs("a candidate (*not* a gate)"));
    }

    /**
     * Two lines of a paragraph join as the text is written: Chinese characters and Chinese punctuation join without
     * a space, but a Latin word or a number keeps the space it has beside Chinese within a line ("而 sigmoid 门").
     */
    @Test
    void linesJoinWithTheSpaceTheTextUsesBetweenChineseAndLatin() throws Exception {
        assertEquals("而 sigmoid 门会放进一半", joined("而 sigmoid\n门会放进一半"), "Latin, then Chinese");
        assertEquals("设计了 LSTM 的记忆元", joined("设计了\nLSTM 的记忆元"), "Chinese, then Latin");
        assertEquals("在 0 和 1 之间，它不是门", joined("在 0 和 1 之间，\n它不是门"), "after Chinese punctuation");
        assertEquals("用的是 tanh（不是门）", joined("用的是 tanh\n（不是门）"), "before Chinese punctuation");
        assertEquals("依次算出六样东西", joined("依次算出\n六样东西"), "Chinese on both sides");
        assertEquals("two lines", joined("two\nlines"));
        assertEquals("形状为 (batch, 10, 1) 的数据", joined("形状为\n(batch, 10, 1)\n的数据"), "ASCII brackets too");
        assertEquals("它不是门", joined("它\n*不是*门"), "a star starting Chinese emphasis joins without one");
    }

    /**
     * A table is a grid: its columns line up whatever the characters' widths (a Chinese character is two columns of
     * a monospaced font, so rows padded with spaces did not), and it fits the lesson panel docked at 1024 × 768
     * (about 370 px), in English too, where the first column's long labels wrap and the numbers do not.
     */
    @Test
    void aTableIsAGridWhoseColumnsLineUpAndFitThePanel() throws Exception {
        String zh = String.join("\n", "上面", "", "| | 简单循环网络 | LSTM | GRU |", "|---|---|---|---|",
                "| 训练前的准确率 | 3.0 % | 0.4 % | 0.5 % |", "| 训练后的准确率 | 14.6 % | 93.8 % | 99.5 % |", "", "下面");
        String en = String.join("\n", "above", "", "| | simple RNN | LSTM | GRU |", "|---|---|---|---|",
                "| accuracy before training | 3.0 % | 0.4 % | 0.5 % |",
                "| accuracy after training | 14.6 % | 93.8 % | 99.5 % |", "", "below");
        assertEquals(List.of(), tableProblems(zh, true, 370, "/简单循环网络/"));
        assertEquals(List.of(), tableProblems(en, false, 300, "/simple RNN/"));
    }

    private static List<String> tableProblems(String prose, boolean chinese, double width, String header)
            throws Exception {
        return UiWait.onFx(() -> {
            TextFlow flow = ProseView.render(prose, chinese);
            VBox box = new VBox(flow);
            Scene scene = new Scene(box, width, 600);
            scene.getStylesheets().add(ProseView.class.getResource("/org/lstmlab/ui/learn/learn.css").toExternalForm());
            box.applyCss();
            box.layout();
            box.layout();  // the grid's width follows the flow's
            List<String> out = new ArrayList<>();
            GridPane grid = (GridPane) flow.getChildren().stream().filter(GridPane.class::isInstance).findFirst()
                    .orElseThrow(() -> new AssertionError("no grid in " + flow.getChildren()));
            for (Node n : flow.getChildren()) {
                if (n instanceof Text t && t.getText().contains("|")) {
                    out.add("a row shown as text: " + t.getText());
                }
            }
            if (grid.getChildren().size() != 12) {
                out.add("cells: " + grid.getChildren().size());
            }
            for (Node cell : grid.getChildren()) {
                int col = GridPane.getColumnIndex(cell);
                for (Node other : grid.getChildren()) {
                    if (GridPane.getColumnIndex(other) == col && other.getBoundsInParent().getMinX()
                            != cell.getBoundsInParent().getMinX()) {
                        out.add("column " + col + " does not line up");
                    }
                }
                double right = grid.getBoundsInParent().getMinX() + cell.getBoundsInParent().getMaxX();
                String text = ((TextFlow) cell).getChildren().stream().map(t -> ((Text) t).getText())
                        .reduce("", String::concat);
                if (right > width + 0.5) {
                    out.add("'" + text + "' reaches " + right + ", past the panel's " + width);
                }
                Text first = (Text) ((TextFlow) cell).getChildren().stream().findFirst().orElse(new Text());
                if (col > 0 && first.getBoundsInLocal().getHeight() > 2 * first.getFont().getSize()) {
                    out.add("a number wrapped: " + text);
                }
            }
            String cells = grid.getChildren().stream().map(c -> ((TextFlow) c).getChildren().stream()
                    .map(t -> ((Text) t).getText()).reduce("", String::concat)).reduce("", (a, b) -> a + "/" + b);
            if (!cells.contains(header) || !cells.endsWith("/99.5\u00a0%")) {
                out.add("cells: " + cells);
            }
            return out;
        });
    }

    /**
     * A numbered or dashed list keeps its items on lines of their own, and an item's indented continuation joins it
     * without the indentation (seed-keras-model's three PyTorch mistakes ran together as one paragraph).
     */
    @Test
    void listItemsStartLinesOfTheirOwn() throws Exception {
        assertEquals("Three places.\n\n1. first item continues\n2. second\n3. third",
                joined("Three places.\n\n1. first item\n   continues\n2. second\n3. third"));
        assertEquals("有三处：\n- 第一条接着写\n- 第二条", joined("有三处：\n- 第一条\n  接着写\n- 第二条"));
        assertEquals("a - b and 2. c", joined("a - b and\n2. c").replace("\n", " "), "only at a line's start");
    }

    private static String joined(String prose) throws Exception {
        return UiWait.onFx(() -> {
            StringBuilder sb = new StringBuilder();
            for (Node n : ProseView.nodes(prose, true)) {
                sb.append(((Text) n).getText());
            }
            return sb.toString().strip();
        });
    }

    /** With the lesson panel's stylesheet, Chinese emphasis is underlined and upright; Latin emphasis is not. */
    @Test
    void chineseEmphasisIsUnderlinedAndUprightWhateverTheFont() throws Exception {
        List<Text> shown = UiWait.onFx(() -> {
            TextFlow zh = ProseView.render("它*不是*门", true);
            TextFlow en = ProseView.render("a candidate, *not* a gate", false);
            Scene scene = new Scene(new VBox(zh, en));
            scene.getStylesheets().add(ProseView.class.getResource("/org/lstmlab/ui/learn/learn.css").toExternalForm());
            scene.getRoot().applyCss();
            return List.of(emphasis(zh), emphasis(en));
        });
        Text zh = shown.get(0);
        Text en = shown.get(1);
        assertEquals("不是", zh.getText());
        assertTrue(zh.isUnderline(), "underlined: it shows in a face without italic or bold");
        assertFalse(zh.getFont().getStyle().toLowerCase(java.util.Locale.ROOT).contains("italic"),
                "a slanted Chinese face is not Chinese typography: " + zh.getFont());
        assertEquals("not", en.getText());
        assertFalse(en.isUnderline(), "Latin emphasis stays italic only");
    }

    private static Text emphasis(TextFlow flow) {
        List<String> marks = List.of("prose-emphasis-cjk", "prose-italic");
        return flow.getChildren().stream().map(n -> (Text) n)
                .filter(t -> t.getStyleClass().stream().anyMatch(marks::contains)).findFirst().orElseThrow();
    }

    @Test
    void aDisplayFormulaWiderThanTheFlowIsScaledToItsWidthAndANarrowOneKeepsItsSize() throws Exception {
        String wide = "$$a_f = W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf} + W_{ig} x_t + b_{ig}$$";
        double[] widths = UiWait.onFx(() -> {
            TextFlow flow = ProseView.render(wide + "\n\n$$c_t$$", false);
            flow.resize(200, 400);
            flow.layout();
            List<ImageView> shown = flow.getChildren().stream().filter(n -> n instanceof ImageView)
                    .map(n -> (ImageView) n).toList();
            return new double[] {shown.get(0).getImage().getWidth(), shown.get(0).getBoundsInParent().getWidth(),
                shown.get(1).getImage().getWidth(), shown.get(1).getBoundsInParent().getWidth()};
        });
        assertTrue(widths[0] > 300, "the equation is wide: " + widths[0]);
        assertEquals(200, widths[1], 1.0, "scaled to the flow's 200 px");
        assertEquals(widths[2], widths[3], 1e-9, "c_t fits and keeps its size");
    }

    /**
     * Equations set side by side in one displayed formula ({@code \quad} between them) wrap onto more lines where
     * the flow is narrow, each at its own size: one-step-by-hand's four gates were one image, which a lesson docked
     * at 1024 × 768 shrank to two thirds of the text's size. A label stays with its equation.
     */
    @Test
    void equationsSideBySideWrapAtTheirSizeInANarrowFlow() throws Exception {
        assertEquals(List.of("i_t = \\sigma(a_i),", "f_t = \\sigma(a_f),", "g_t = \\tanh(a_g),", "o_t = \\sigma(a_o)"),
                ProseView.displayParts("i_t = \\sigma(a_i),\\quad f_t = \\sigma(a_f),\\quad g_t = \\tanh(a_g),"
                        + "\\quad o_t = \\sigma(a_o)"));
        assertEquals(List.of("c_t = x,", "h_t = \\tanh(c_t)"),
                ProseView.displayParts("c_t = x,\\qquad h_t = \\tanh(c_t)"));
        assertEquals(List.of("\\text{LSTM:}\\quad c_t = f_t \\odot c_{t-1}"),
                ProseView.displayParts("\\text{LSTM:}\\quad c_t = f_t \\odot c_{t-1}"), "a label keeps its equation");
        assertEquals(List.of("\\frac{a}{b\\quad c}", "d \\quadrant"),
                ProseView.displayParts("\\frac{a}{b\\quad c} \\quad d \\quadrant"), "only outside braces, only \\quad");
        String gates = "$$i_t = \\sigma(a_i),\\quad f_t = \\sigma(a_f),\\quad g_t = \\tanh(a_g),"
                + "\\quad o_t = \\sigma(a_o)$$";
        for (double width : new double[] {200, 800}) {
            double[][] b = UiWait.onFx(() -> {
                TextFlow flow = ProseView.render("The gates:\n" + gates + "\nthen", false);
                VBox box = new VBox(flow);
                new Scene(box, width, 400);
                box.applyCss();
                box.layout();
                return flow.getChildren().stream().filter(ImageView.class::isInstance).map(n -> new double[] {
                    n.getBoundsInParent().getWidth(), ((ImageView) n).getImage().getWidth(),
                    n.getBoundsInParent().getMinY(), n.getBoundsInParent().getMaxX(), n.getBaselineOffset()
                        + n.getBoundsInParent().getMinY()}).toArray(double[][]::new);
            });
            assertEquals(4, b.length, "four equations");
            for (double[] e : b) {
                assertEquals(e[1], e[0], 1e-9, "each at its own size at " + width + " px");
                assertTrue(e[3] <= width + 0.5, "inside the flow at " + width + " px");
            }
            long rows = java.util.Arrays.stream(b).mapToDouble(e -> e[2]).distinct().count();
            if (width < 300) {
                assertTrue(rows >= 2, "on more than one line at " + width + " px");
            } else {
                assertEquals(1, java.util.Arrays.stream(b).mapToDouble(e -> Math.round(e[4])).distinct().count(),
                        "on one baseline at " + width + " px");
            }
        }
    }

    /**
     * An inline formula wider than the flow is scaled to its width too, and stays on the text's baseline: a
     * gru-gates explanation's $h_2[0] = (1 - z_2) n_2 + z_2 h_1$ with the numbers was cut off at the panel's edge.
     */
    @Test
    void anInlineFormulaWiderThanTheFlowIsScaledToItsWidth() throws Exception {
        String wide = "$h_2[0] = (1 - 0.8436) \\cdot 0.7388 + 0.8436 \\cdot 0.1154 = 0.2129$";
        double[] b = UiWait.onFx(() -> {
            TextFlow flow = ProseView.render("so " + wide + " keeps", false);
            VBox box = new VBox(flow);
            new Scene(box, 200, 400);
            box.applyCss();
            box.layout();
            ImageView v = (ImageView) flow.getChildren().stream().filter(ImageView.class::isInstance).findFirst()
                    .orElseThrow();
            double scale = v.getBoundsInParent().getHeight() / v.getImage().getHeight();
            return new double[] {v.getImage().getWidth(), v.getBoundsInParent().getWidth(), flow.getWidth(), scale,
                v.getBaselineOffset(), v.getImage().getHeight()};
        });
        assertTrue(b[0] > 250, "the formula is wide: " + b[0]);
        assertTrue(b[1] <= b[2] + 0.5, "scaled into the flow: " + java.util.Arrays.toString(b));
        assertEquals(b[1] / b[0], b[3], 1e-6, "width and height scaled alike");
        assertTrue(b[4] > 0 && b[4] < b[5] * b[3], "its baseline inside its scaled height: "
                + java.util.Arrays.toString(b));
    }

    /**
     * Formulas on lines of their own follow each other and the text around them line by line: gru-gates' four
     * equations had two empty lines between each two, and one under the last, so that they took a third of the
     * docked panel's height.
     */
    @Test
    void displayedFormulasOnConsecutiveLinesHaveNoEmptyLinesBetweenThem() throws Exception {
        String layout = UiWait.onFx(() -> {
            StringBuilder sb = new StringBuilder();
            for (Node n : ProseView.nodes("In PyTorch's form:\n$$r_t$$\n$$z_t$$\nthen\n\n$$h_t$$\n\nend", false)) {
                sb.append(n instanceof Text t ? t.getText() : "[F]");
            }
            return sb.toString();
        });
        assertEquals("In PyTorch's form: \n[F]\n[F]\nthen\n\n[F]\n\nend\n", layout,
                "one line break after each formula; an empty line only where the text has one");
    }

    /**
     * An inline formula that reaches below the baseline (subscripts, brackets) gets the room it needs: the line
     * under it starts below it (gru-gates' last prompt, where a formula filled a line and the next line's text was
     * drawn over its lower part).
     */
    @Test
    void anInlineFormulaThatReachesBelowTheBaselineIsNotOverlappedByTheNextLine() throws Exception {
        double[] y = UiWait.onFx(() -> {
            TextFlow flow = ProseView.render("按 Cho 等人的写法，用同样的权重会算出 $n_2[0] = \\tanh(W_{in} x_2 + b_{in}"
                    + " + W_{hn}(r_2 \\odot h_1) + b_{hn})$。用上面的数算出它（保留三位小数）。", true);
            VBox box = new VBox(flow);
            new Scene(box, 330, 400);
            box.applyCss();
            box.layout();
            Node formula = flow.getChildren().stream().filter(n -> n instanceof ImageView
                    || n.getStyleClass().contains("prose-formula-word")).findFirst().orElseThrow();  // with its 。
            Node after = flow.getChildren().get(flow.getChildren().indexOf(formula) + 1);
            return new double[] {formula.getBoundsInParent().getMinY(), formula.getBoundsInParent().getMaxY(),
                after.getBoundsInParent().getMinY(), flow.getHeight()};
        });
        assertTrue(y[2] > y[0], "the text after the formula is on the next line here: " + java.util.Arrays.toString(y));
        assertTrue(y[2] >= y[1] - 0.5, "the next line starts below the formula: " + java.util.Arrays.toString(y));
        assertTrue(y[1] <= y[3] + 0.5, "the formula inside the text's height: " + java.util.Arrays.toString(y));
        double[] one = UiWait.onFx(() -> {  // on one line: the formula hangs below the text's baseline, as it should
            TextFlow flow = ProseView.render("算出 $h_1 = o_1 \\tanh(c_1)$ 吧", true);
            VBox box = new VBox(flow);
            new Scene(box, 600, 400);
            box.applyCss();
            box.layout();
            Node formula = flow.getChildren().get(1);
            Text before = (Text) flow.getChildren().get(0);
            return new double[] {formula.getBoundsInParent().getMinY(), formula.getBoundsInParent().getMaxY(),
                before.getBoundsInParent().getMinY() + before.getBaselineOffset()};
        });
        assertTrue(one[0] < one[2] - 5 && one[1] > one[2] + 2, "the formula around the baseline: "
                + java.util.Arrays.toString(one));
    }

    /**
     * A number in scientific notation inside a formula ({@code $\|\delta h_1\| = {{g:.2e}}$} gives 4.67e-6) is drawn
     * as 4.67 × 10⁻⁶, not as the product of 4.67, a variable e, minus 6; "e" elsewhere stays a letter.
     */
    @Test
    void scientificNotationInAFormulaIsDrawnAsAPowerOfTen() throws Exception {
        double[][] sizes = UiWait.onFx(() -> {
            double[][] out = new double[4][];
            String[] formulas = {"x = 4.67e-6", "x = 4.67 \\times 10^{-6}", "x = e^{a} + 2e", "x = e^{a} + 2e"};
            for (int k = 0; k < formulas.length; k++) {
                ImageView v = (ImageView) ProseView.formula(k < 3 ? formulas[k] : "x = e^{a} + 2 e", false);
                out[k] = new double[] {v.getImage().getWidth(), v.getImage().getHeight()};
            }
            return out;
        });
        assertEquals(sizes[1][0], sizes[0][0], 1e-9, "as wide as 4.67 \\times 10^{-6}");
        assertEquals(sizes[1][1], sizes[0][1], 1e-9, "as high");
        assertEquals(sizes[3][0], sizes[2][0], 1e-9, "e^{a} and 2e untouched");
    }

    /**
     * A code span breaks only at its spaces: JavaFX breaks lines before '[' and after ':', which cut
     * {@code bias_hh_l0[0:H]} into "bias_hh_l0[0:" and "H]" in the Chinese forget-gate lesson at 1024 × 768.
     */
    @Test
    void codeBreaksOnlyAtItsSpaces() throws Exception {
        String prose = "把 `bias_ih_l0[0:H]` 设为 1，`bias_hh_l0[H:2H]` 设为 0；`out[:, -1, :]` 取到的是什么？";
        List<String> broken = UiWait.onFx(() -> {
            List<String> out = new ArrayList<>();
            for (int width = 150; width <= 420; width += 2) {
                TextFlow flow = ProseView.render(prose, true);
                VBox box = new VBox(flow);
                Scene scene = new Scene(box, width, 600);
                scene.getStylesheets().add(ProseView.class.getResource("/org/lstmlab/ui/learn/learn.css")
                        .toExternalForm());
                box.applyCss();
                box.layout();
                for (Node n : flow.lookupAll(".prose-code")) {
                    Text t = (Text) n;
                    Text alone = new Text(t.getText());  // one line, in the same font
                    alone.setFont(t.getFont());
                    if (t.getLayoutBounds().getHeight() > alone.getLayoutBounds().getHeight() * 1.5) {
                        out.add(width + " px: " + t.getText());
                    }
                }
            }
            return out;
        });
        assertEquals(List.of(), broken);
    }

    /** A formula in bold text is drawn (gru-gates showed "**Which of $z$ and $1 - z$ keeps the old state?**" raw). */
    @Test
    void aFormulaInBoldTextIsDrawn() throws Exception {
        List<String> nodes = UiWait.onFx(() -> ProseView.nodes("**Which of $z$ and $1 - z$ keeps it?** Then", false)
                .stream().map(n -> n instanceof Text t ? String.join(",", t.getStyleClass()) + ":" + t.getText()
                        : n instanceof ImageView ? "ImageView" : n.getClass().getName()).toList());
        assertEquals(List.of("prose-bold:Which of ", "ImageView", "prose-bold: and ", "ImageView",
                "prose-bold: keeps it?", ": Then", ":\n"), nodes);
    }

    /**
     * A line of prose takes one line: the break that ends the last line is not drawn as an empty line below it. Before,
     * every verdict, prompt and choice of an exercise had an empty line under it, which spread the choices apart and
     * pushed the explanation down at 1024 × 768.
     */
    @Test
    void theLastLineHasNoEmptyLineBelowIt() throws Exception {
        for (String prose : new String[] {"Right.", "答案：它保留 c。", "Less than $10^{-15}$.", "two\n\nparagraphs"}) {
            double[] heights = UiWait.onFx(() -> {
                TextFlow flow = ProseView.render(prose, false);
                VBox box = new VBox(flow);
                Scene scene = new Scene(box, 600, 400);
                scene.getStylesheets().add(ProseView.class.getResource("/org/lstmlab/ui/learn/learn.css")
                        .toExternalForm());
                box.applyCss();
                box.layout();
                Text line = (Text) flow.getChildren().get(0);
                Text alone = new Text("Ag");
                alone.setFont(line.getFont());
                return new double[] {flow.getHeight(), alone.getLayoutBounds().getHeight()};
            });
            int lines = prose.contains("\n") ? 3 : 1;
            assertTrue(heights[0] < (lines + 0.5) * heights[1], prose + ": " + heights[0] + " px for " + lines
                    + " lines of " + heights[1] + " px");
        }
    }

    /**
     * Punctuation after an inline formula stays on the formula's line: in gru-gates' last prompt and
     * exploding-gradient's last explanation a line began with the "。" that ends the formula's sentence.
     */
    @Test
    void punctuationAfterAFormulaNeverStartsALine() throws Exception {
        List<String> words = UiWait.onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : ProseView.nodes("算出 $n_2[0]$。然后 $x$，再看 $y$ 吧", true)) {
                if (n instanceof TextFlow w && w.getStyleClass().contains("prose-formula-word")) {
                    out.add((w.getChildren().get(0) instanceof ImageView ? "ImageView" : "?") + "+"
                            + ((Text) w.getChildren().get(1)).getText());
                }
            }
            return out;
        });
        assertEquals(List.of("ImageView+。", "ImageView+，"), words, "the formula and its punctuation, one word");
        for (double width : new double[] {60, 90, 120}) {
            double[] b = UiWait.onFx(() -> {
                TextFlow flow = ProseView.render("用上面的数算出 $n_2[0] = \\tanh(a)$。下一步", true);
                VBox box = new VBox(flow);
                new Scene(box, width, 400);
                box.applyCss();
                box.layout();
                TextFlow word = (TextFlow) flow.getChildren().stream().filter(TextFlow.class::isInstance)
                        .findFirst().orElseThrow();
                ImageView f = (ImageView) word.getChildren().get(0);
                return new double[] {word.getBoundsInParent().getHeight(), f.getBoundsInParent().getHeight()};
            });
            assertTrue(b[0] < b[1] * 1.5, "the full stop on the formula's line at " + width + " px: "
                    + java.util.Arrays.toString(b));
        }
    }
}
