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
 * Draws a {@link Substitution}: one text line per line of tokens. Hovering a value or a symbol shows it in full;
 * clicking a unit follows it; clicking a weight opens it in the editor. Text nodes are reused from step to step
 * (a step changes numbers, rarely the shape), and one tooltip serves every token.
 */
final class SubstitutionView extends VBox {
    private static final String TOKEN = "token";
    private static final String HINT = "hint";

    private final Consumer<Integer> followUnit;
    private final Consumer<Token> editWeight;
    private final Function<String, String> fullVector;
    private final java.util.Map<String, List<TextFlow>> linesByEquation = new java.util.HashMap<>();
    private final Tooltip tip = new Tooltip();

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

    /**
     * Shows the substitution; {@code key} (the equation id) picks the set of text lines to reuse, so that stepping
     * through a cell's equations creates nodes only the first time each equation is shown.
     */
    void show(Substitution s, String key) {
        if (s == null) {
            setMinHeight(USE_COMPUTED_SIZE);
            for (javafx.scene.Node n : getChildren()) {
                n.setVisible(false);
                n.setManaged(false);
            }
            return;
        }
        List<TextFlow> lines = linesByEquation.computeIfAbsent(key, k -> new ArrayList<>());
        List<List<Token>> rows = s.lines();
        while (lines.size() < rows.size()) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("substitution-line");
            lines.add(flow);
        }
        for (int k = 0; k < rows.size(); k++) {
            fill(lines.get(k), rows.get(k));
        }
        for (TextFlow line : lines) {
            if (line.getParent() == null) {
                getChildren().add(line);
            }
        }
        // the lines of every equation stay in the scene, hidden when not shown: adding and removing them at each
        // step would match every token against the style sheets again
        for (javafx.scene.Node n : getChildren()) {
            boolean on = false;
            for (int k = 0; k < rows.size() && !on; k++) {
                on = lines.get(k) == n;
            }
            if (n.isVisible() != on) {
                n.setVisible(on);
                n.setManaged(on);
            }
        }
        List<javafx.scene.Node> order = getChildren();
        if (!inOrder(order, lines.subList(0, rows.size()))) {
            // the shown lines keep their order among the children (a new line was added after others)
            getChildren().removeAll(lines.subList(0, rows.size()));
            getChildren().addAll(lines.subList(0, rows.size()));
        }
        setAccessibleText(s.text());
        // the box keeps the height of its tallest substitution: a step to a shorter one would otherwise move and
        // repaint the whole box, and everything under it would jump
        setMinHeight(Math.max(getMinHeight(), prefHeight(getWidth() > 0 ? getWidth() : -1)));
    }

    /** Whether {@code shown} appear in {@code children} in their order (other nodes may stand between them). */
    private static boolean inOrder(List<javafx.scene.Node> children, List<TextFlow> shown) {
        int at = -1;
        for (TextFlow line : shown) {
            int k = children.indexOf(line);
            if (k < at) {
                return false;
            }
            at = k;
        }
        return true;
    }

    private void fill(TextFlow flow, List<Token> tokens) {
        var nodes = flow.getChildren();
        while (nodes.size() > tokens.size()) {
            nodes.remove(nodes.size() - 1);
        }
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
        }
        nodes.addAll(added);
    }

    private Text newText() {
        Text node = new Text();
        node.getStyleClass().addAll(TOKEN, "token-text");
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
                return full == null ? null : t.symbol() + " = " + full;
            }
            if (t.symbol() != null && t.unit() >= 0) {
                String where = t.kind() == Kind.WEIGHT ? t.symbol() + "[" + t.unit() + ", " + t.col() + "]"
                        : t.symbol() + "[" + t.unit() + "]";
                return where + " = " + t.value();
            }
            return null;
        });
    }
}
