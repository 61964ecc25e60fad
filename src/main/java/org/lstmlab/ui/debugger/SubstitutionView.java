package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.lstmlab.ui.debugger.Substitution.Kind;
import org.lstmlab.ui.debugger.Substitution.Token;

/**
 * Draws a {@link Substitution}: one text line per line of tokens. Hovering a value or a symbol shows it in full;
 * clicking a unit follows it; clicking a weight opens it in the editor.
 */
final class SubstitutionView extends VBox {
    private final Consumer<Integer> followUnit;
    private final Consumer<Token> editWeight;
    private final java.util.function.Function<String, String> fullVector;

    SubstitutionView(Consumer<Integer> followUnit, Consumer<Token> editWeight,
                     java.util.function.Function<String, String> fullVector) {
        this.followUnit = followUnit;
        this.editWeight = editWeight;
        this.fullVector = fullVector;
        getStyleClass().add("substitution");
        setId("substitution");
    }

    void show(Substitution s) {
        getChildren().clear();
        if (s == null) {
            return;
        }
        for (List<Token> line : s.lines()) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("substitution-line");
            for (Token t : line) {
                flow.getChildren().add(text(t));
            }
            getChildren().add(flow);
        }
        setAccessibleText(s.text());
    }

    private Text text(Token t) {
        Text node = new Text(t.text());
        node.getStyleClass().addAll("token", "token-" + t.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (t.kind() == Kind.SYMBOL && t.symbol() != null) {
            String full = fullVector.apply(t.symbol());
            if (full != null) {
                install(node, t.symbol() + " = " + full);
            }
        } else if (t.symbol() != null && t.unit() >= 0) {
            String where = t.kind() == Kind.WEIGHT ? t.symbol() + "[" + t.unit() + ", " + t.col() + "]"
                    : t.symbol() + "[" + t.unit() + "]";
            install(node, where + " = " + t.value());
        }
        if (t.kind() == Kind.WEIGHT) {
            node.setCursor(Cursor.HAND);
            node.setOnMouseClicked(e -> editWeight.accept(t));
        } else if (t.followsUnit()) {
            node.setCursor(Cursor.HAND);
            node.setOnMouseClicked(e -> followUnit.accept(t.unit()));
        }
        return node;
    }

    private static void install(Text node, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(150));
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        Tooltip.install(node, tip);
    }
}
