package org.lstmlab.ui.debugger;

import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A rich tooltip that shows an {@link Explainer.Explanation}: the part's name, what it does, what its value means now
 * and where it comes from. The text is asked for each time the tooltip opens, so it always speaks of the current
 * step; its letters grow with the zoom (a tooltip is a window of its own, which the zoom does not reach).
 */
final class ExplanationTip {
    /** The tooltip's letter size at 100 %. */
    private static final double FONT = 13;

    private ExplanationTip() {
    }

    /** Installs the tooltip on {@code node}; {@code source} may return null when there is nothing to say. */
    static Tooltip install(Node node, Supplier<Explainer.Explanation> source) {
        Label title = label("explain-title");
        Label what = label("explain-what");
        Label now = label("explain-now");
        Label from = label("explain-from");
        VBox box = new VBox(6, title, what, now, from);
        box.getStyleClass().add("explanation");
        Tooltip tip = new Tooltip();
        tip.setGraphic(box);
        tip.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(60));
        tip.setOnShowing(e -> {
            Explainer.Explanation x = source.get();
            if (x == null) {
                Platform.runLater(tip::hide);
                return;
            }
            title.setText(x.title());
            what.setText(x.what());
            now.setText(x.now());
            from.setText(x.from());
            double size = FONT * scaleOf(node);
            box.setStyle("-fx-font-size: " + size + "px;");
            for (Label l : new Label[] {title, what, now, from}) {
                l.setPrefWidth(32 * size);
                l.setMinWidth(32 * size);  // never wrapped narrower: the tooltip was sized for that, 4000 px tall
            }
        });
        Tooltip.install(node, tip);
        return tip;
    }

    private static Label label(String style) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (style.equals("explain-title")) {
            l.setStyle("-fx-font-weight: bold;");
        } else if (style.equals("explain-now")) {
            l.setStyle("-fx-font-style: italic;");
        }
        return l;
    }

    /** How much the node is enlarged on screen (the zoom, presenter mode), at least 1, at most 2.5. */
    static double scaleOf(Node node) {
        Point2D a = node.localToScene(0, 0);
        Point2D b = node.localToScene(0, 100);
        double s = b.distance(a) / 100;
        return Math.max(1, Math.min(2.5, Double.isFinite(s) ? s : 1));
    }
}
