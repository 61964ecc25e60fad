package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.lstmlab.ui.debugger.Substitution.Kind;
import org.lstmlab.ui.debugger.Substitution.Token;

/**
 * Draws a {@link Substitution}: one text line per line of tokens, its negative numbers with the minus sign − (as
 * are the hover tips'; the panel's text cannot be selected or copied, and a number the user types back may use
 * either sign, {@link org.lstmlab.ui.common.TypedNumber}). Hovering a value or a symbol shows it in full;
 * clicking a unit follows it; clicking a weight opens it in the editor. Text nodes are reused from step to step
 * (a step changes numbers, rarely the shape), and one tooltip serves every token. In presenter mode the lines come
 * in {@link PresenterText}'s order, broken where the mathematics breaks to fit the width they are given.
 */
final class SubstitutionView extends VBox {
    private static final String TOKEN = "token";
    private static final String HINT = "hint";
    /** The key of a shown line's {@link Substitution.Part} in its properties (for tests and lookups). */
    static final String PART = "substitution-part";
    private static final String PROBE = "0123456789";

    private final Consumer<Integer> followUnit;
    private final Consumer<Token> editWeight;
    private final Function<String, String> fullVector;
    private final List<TextFlow> lines = new ArrayList<>();
    private final Tooltip tip = new Tooltip();
    /** The tokens' font, as the style sheets set it on the first token: it says how wide a character is. */
    private javafx.scene.text.Font font;
    private Substitution shown;
    private boolean presenting;
    private double textWidth;
    private int columns;

    SubstitutionView(Consumer<Integer> followUnit, Consumer<Token> editWeight, Function<String, String> fullVector) {
        this.followUnit = followUnit;
        this.editWeight = editWeight;
        this.fullVector = fullVector;
        getStyleClass().add("substitution");
        setId("substitution");
        tip.setShowDelay(Duration.millis(150));
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        Tooltip.install(this, tip);
        tip.setOnShowing(e -> {
            if (tip.getText().isEmpty()) {
                Platform.runLater(tip::hide);
            }
        });
        addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            String hint = e.getTarget() instanceof Text t ? hint(t) : null;
            tip.setText(hint == null ? "" : hint);
        });
    }

    /** Presenter mode: the lines in presenter order, broken to the width {@link #setTextWidth} gives. */
    void setPresenting(boolean on) {
        if (on != presenting) {
            presenting = on;
            refit();
        }
    }

    /**
     * Presenter mode's smaller numbers, where the result would not fit otherwise: style class {@code compact} at
     * {@code level} 1, {@code compact-more} at 2 ({@link EquationCut#COMPACT}), neither at 0.
     */
    void setCompact(int level) {
        org.lstmlab.ui.common.StyleClasses.set(this, "compact", level == 1);
        org.lstmlab.ui.common.StyleClasses.set(this, "compact-more", level >= 2);
    }

    /** The width the lines have, in layout pixels (presenter mode breaks them to it). */
    void setTextWidth(double width) {
        if (width != textWidth) {
            textWidth = width;
            refit();
        }
    }

    /**
     * The height of the lines a projector must show ({@link PresenterText#essential}), which presenter mode puts
     * first, with the padding above them.
     */
    double essentialHeight() {
        double h = snappedTopInset();
        double w = getWidth() > 0 ? getWidth() - snappedLeftInset() - snappedRightInset() : -1;
        for (TextFlow line : lines) {
            Object part = line.getProperties().get(PART);
            if (!line.isVisible() || !(part instanceof Substitution.Part p) || !PresenterText.essential(p)) {
                break;
            }
            h += line.prefHeight(w) + getSpacing();
        }
        return h;
    }

    /**
     * The bottoms of the shown lines, from the box's top, and how many lead with the equation's result
     * ({@link Substitution.Part#FORMULA}), as the lines' preferred heights place them.
     */
    double[] lineBottoms(int[] results) {
        double y = snappedTopInset();
        double w = getWidth() > 0 ? getWidth() - snappedLeftInset() - snappedRightInset() : -1;
        List<Double> out = new ArrayList<>();
        results[0] = 0;
        for (TextFlow line : lines) {
            if (!line.isVisible()) {
                break;
            }
            y += line.prefHeight(w);
            out.add(y);
            if (line.getProperties().get(PART) == Substitution.Part.FORMULA && results[0] == out.size() - 1) {
                results[0] = out.size();
            }
            y += getSpacing();
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Forgets the height of the tallest substitution shown so far: the next one sets it again. */
    void forgetHeight() {
        setMinHeight(USE_COMPUTED_SIZE);
    }

    /** The number of characters that fit the width now, and the substitution shown again if that changed. */
    private void refit() {
        Text probe = new Text(PROBE);
        if (font != null) {
            probe.setFont(font);
        }
        double advance = font == null ? 0 : probe.getLayoutBounds().getWidth() / PROBE.length();
        int fit = presenting && advance > 0 && textWidth > 0 ? (int) Math.floor(textWidth / advance) : 0;
        if (fit != columns || presenting != (columns > 0)) {
            columns = fit;
            forgetHeight();  // the tallest so far was for another width
            if (shown != null) {
                show(shown);
            }
        }
    }

    /**
     * Shows the substitution in one pool of text lines and tokens, reused from step to step and from equation to
     * equation: a step sets texts, and a token's style class only where its kind changed. Lines and tokens beyond
     * the substitution's stay in the scene, hidden and unmanaged, so that no step adds nodes (adding them would
     * match them against the style sheets) and the scene holds only as many as the largest substitution needs.
     */
    void show(Substitution s) {
        shown = s;
        if (s == null) {
            setMinHeight(USE_COMPUTED_SIZE);
            for (TextFlow line : lines) {
                shown(line, false);
            }
            return;
        }
        List<List<Token>> rows;
        List<Substitution.Part> parts;
        if (presenting) {
            List<PresenterText.Line> arranged = PresenterText.arrange(s, columns);
            rows = arranged.stream().map(PresenterText.Line::tokens).toList();
            parts = arranged.stream().map(PresenterText.Line::part).toList();
        } else {
            rows = s.lines();
            parts = s.parts();
        }
        while (lines.size() < rows.size()) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("substitution-line");
            lines.add(flow);
            getChildren().add(flow);
        }
        for (int k = 0; k < lines.size(); k++) {
            boolean on = k < rows.size();
            if (on) {
                fill(lines.get(k), rows.get(k));
                lines.get(k).getProperties().put(PART, parts.get(k));
            }
            shown(lines.get(k), on);
        }
        setAccessibleText(s.text());
        // the box keeps the height of its tallest substitution: a step to a shorter one would otherwise move and
        // repaint the whole box, and everything under it would jump. In presenter mode the lines are measured at
        // the width they were broken for (the box may not have it yet when the mode has just changed)
        double width = presenting && columns > 0 ? textWidth + snappedLeftInset() + snappedRightInset() : getWidth();
        setMinHeight(Math.max(getMinHeight(), prefHeight(width > 0 ? width : -1)));
    }

    private static void shown(javafx.scene.Node n, boolean on) {
        if (n.isVisible() != on) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    private void fill(TextFlow flow, List<Token> tokens) {
        var nodes = flow.getChildren();
        List<Text> added = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            Text node;
            if (k < nodes.size()) {
                node = (Text) nodes.get(k);
            } else {
                node = newText();
                added.add(node);
            }
            set(node, tokens.get(k));
            shown(node, true);
        }
        nodes.addAll(added);
        for (int k = tokens.size(); k < nodes.size(); k++) {
            Text spare = (Text) nodes.get(k);
            shown(spare, false);
            spare.getProperties().remove(HINT);
        }
    }

    private Text newText() {
        Text node = new Text();
        node.getStyleClass().addAll(TOKEN, "token-text");
        if (font == null) {  // the first token: its font is every token's (a monospaced one, bold or not)
            font = node.getFont();
            node.fontProperty().addListener((o, a, f) -> {
                font = f;
                refit();
            });
        }
        node.setOnMouseClicked(e -> {
            Token t = (Token) node.getProperties().get(TOKEN);
            if (t != null && t.kind() == Kind.WEIGHT) {
                editWeight.accept(t);
            } else if (t != null && t.followsUnit()) {
                followUnit.accept(t.unit());
            }
        });
        return node;
    }

    private void set(Text node, Token t) {
        if (!t.text().equals(node.getText())) {
            node.setText(t.text());
        }
        Token before = (Token) node.getProperties().put(TOKEN, t);
        if (before == null || before.kind() != t.kind()) {
            node.getStyleClass().set(1, "token-" + t.kind().name().toLowerCase(Locale.ROOT));
            node.setCursor(t.kind() == Kind.WEIGHT || t.followsUnit() ? Cursor.HAND : null);
        }
        node.getProperties().remove(HINT);
    }

    /** The tooltip of a token, computed when the mouse reaches it. */
    private String hint(Text node) {
        Token t = (Token) node.getProperties().get(TOKEN);
        if (t == null) {
            return null;
        }
        return (String) node.getProperties().computeIfAbsent(HINT, k -> {
            if (t.kind() == Kind.SYMBOL && t.symbol() != null) {
                String full = fullVector.apply(t.symbol());
                return full == null ? null : t.symbol() + " = " + Numbers.signed(full);
            }
            if (t.symbol() != null && t.unit() >= 0) {
                String where = t.kind() == Kind.WEIGHT ? t.symbol() + "[" + t.unit() + ", " + t.col() + "]"
                        : t.symbol() + "[" + t.unit() + "]";
                return where + " = " + Numbers.signed(Double.toString(t.value()));
            }
            return null;
        });
    }
}
