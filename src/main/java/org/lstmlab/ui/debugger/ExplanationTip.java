package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.Duration;
import org.lstmlab.ui.common.ZoomPane;

/**
 * A rich tooltip that shows an {@link Explainer.Explanation}: the part's name, what it does, what its value means now
 * and where it comes from. The text is asked for each time the tooltip opens, so it always speaks of the current
 * step; its letters grow with the app's zoom above 100 % (a tooltip is a window of its own, which the zoom does not
 * reach), over the cell diagram too, which shrinks itself to fit its pane and so takes back the zoom's growth on the
 * screen; below 100 % they keep their size at 100 %. In presenter mode they grow half as large again
 * ({@link #PRESENTER}), as the rest of the debugger's text does.
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
            Rectangle2D room = room(node);
            double size = FONT * enlargement(node);
            setSize(box, size, textWidth(size, room == null ? Double.POSITIVE_INFINITY : room.getWidth()));
        });
        // shown where the pointer is, it could run past the window's right edge (at 1024 × 768 it did from 100 %):
        // it moves inside the window and its screen; as wide or tall as they are, its letters shrink to fit
        tip.setOnShown(e -> keepInside(tip, box, room(node)));
        Tooltip.install(node, tip);
        return tip;
    }

    /** The letters' size and the width the texts wrap at (never narrower: the tooltip was sized for that). */
    private static void setSize(VBox box, double size, double width) {
        box.setStyle("-fx-font-size: " + size + "px;");
        box.getProperties().put(ExplanationTip.class, size);
        for (javafx.scene.Node n : box.getChildren()) {
            Label l = (Label) n;
            l.setPrefWidth(width);
            l.setMinWidth(width);  // never wrapped narrower: the tooltip was sized for that, 4000 px tall
        }
    }

    /** The tooltip's edges around its texts: the tooltip's padding and the box's, at most, in letter sizes. */
    private static final double EDGES = 3;
    /** How close the tooltip comes to the window's edges. */
    private static final double MARGIN = 4;

    /**
     * The width the texts wrap at with letters of {@code size} px: 32 letters, but no wider than {@code room} (the
     * window and its screen) leaves them inside the tooltip's edges.
     */
    static double textWidth(double size, double room) {
        return Math.max(8 * size, Math.min(32 * size, room - 2 * MARGIN - EDGES * size));
    }

    /**
     * Where a tooltip at {@code tip} goes to stay inside {@code room} (less a margin): moved left or up as much as it
     * runs past the right or bottom edge, never past the left or top one (a tooltip larger than the room starts at
     * its top left corner).
     */
    static Rectangle2D fit(Rectangle2D tip, Rectangle2D room) {
        double x = Math.max(room.getMinX() + MARGIN, Math.min(tip.getMinX(), room.getMaxX() - MARGIN - tip.getWidth()));
        double y = Math.max(room.getMinY() + MARGIN,
                Math.min(tip.getMinY(), room.getMaxY() - MARGIN - tip.getHeight()));
        return new Rectangle2D(x, y, tip.getWidth(), tip.getHeight());
    }

    /** The part of the screen the tooltip may take: the node's window, on its screen (null when not shown). */
    private static Rectangle2D room(Node node) {
        Window w = node.getScene() == null ? null : node.getScene().getWindow();
        if (w == null || !(w.getWidth() > 0)) {
            return null;
        }
        Rectangle2D window = new Rectangle2D(w.getX(), w.getY(), w.getWidth(), w.getHeight());
        List<Screen> screens = Screen.getScreensForRectangle(window);
        Rectangle2D screen = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        double minX = Math.max(window.getMinX(), screen.getMinX());
        double minY = Math.max(window.getMinY(), screen.getMinY());
        double maxX = Math.min(window.getMaxX(), screen.getMaxX());
        double maxY = Math.min(window.getMaxY(), screen.getMaxY());
        return maxX - minX < 100 || maxY - minY < 100 ? screen : new Rectangle2D(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * Moves the shown tooltip inside {@code room}; first, while it is wider or taller than the room, makes its
     * letters smaller (a long explanation at 300 %).
     */
    private static void keepInside(Tooltip tip, VBox box, Rectangle2D room) {
        if (room == null) {
            return;
        }
        for (int k = 0; k < 6 && (tip.getWidth() > room.getWidth() - 2 * MARGIN + 0.5
                || tip.getHeight() > room.getHeight() - 2 * MARGIN + 0.5); k++) {
            double shrink = Math.min((room.getWidth() - 2 * MARGIN) / tip.getWidth(),
                    (room.getHeight() - 2 * MARGIN) / tip.getHeight());
            double size = Math.max(6, (double) box.getProperties().get(ExplanationTip.class)
                    * Math.min(0.95, Math.sqrt(shrink)));
            setSize(box, size, textWidth(size, room.getWidth()));
            tip.getScene().getRoot().applyCss();
            tip.getScene().getRoot().layout();
            tip.sizeToScene();
        }
        Rectangle2D at = fit(new Rectangle2D(tip.getX(), tip.getY(), tip.getWidth(), tip.getHeight()), room);
        tip.setX(at.getMinX());
        tip.setY(at.getMinY());
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

    /**
     * How much the letters are enlarged: the app's zoom (the {@link ZoomPane} the node is shown in; 1 outside one),
     * or more where the node itself is drawn larger on the screen (the diagram in presenter mode, up to 2.5 times);
     * in presenter mode at least {@link #PRESENTER} times the zoom.
     * Not the node's own scale alone: the diagram fits its pane, so at 200 % it is drawn about as large as at 100 %.
     * Never less than 1: below 100 % (75 %, 90 %) the explanation keeps its size at 100 %, {@link #FONT} px, as a
     * passing overlay that must stay readable (it shrank with the zoom, to 9.75 px at 75 %).
     */
    static double enlargement(Node node) {
        double zoomed = Math.max(1, Math.max(zoomOf(node), Math.min(2.5, scaleOf(node))));
        return presenting(node) ? Math.max(zoomed, PRESENTER * Math.max(1, zoomOf(node))) : zoomed;
    }

    /**
     * How much more presenter mode enlarges the letters, on top of the zoom: as much as it enlarges a docked lesson
     * (150 %), between what it does to the step's name (15 to 22 px) and to the equations (13 to 24 px). Without it
     * the explanations kept their size while everything around them grew, and were unreadable from the back of a room.
     */
    static final double PRESENTER = 1.5;

    /** Whether {@code node} is shown in presenter mode (the debugger's root has {@link DebuggerView#PRESENTING}). */
    private static boolean presenting(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(DebuggerView.PRESENTING)) {
                return true;
            }
        }
        return false;
    }

    /** The factor of the zoom pane {@code node} is shown in, as the pane applies it; 1 outside any. */
    static double zoomOf(Node node) {
        Node child = node;
        for (javafx.scene.Parent p = node.getParent(); p != null; child = p, p = p.getParent()) {
            if (p instanceof ZoomPane) {
                return scaleOf(child) / scaleOf(p);   // the content's scale, as the pane's own place may be scaled
            }
        }
        return 1;
    }

    /** How much {@code node} is enlarged in its scene (1 when it cannot tell). */
    private static double scaleOf(Node node) {
        Point2D a = node.localToScene(0, 0);
        Point2D b = node.localToScene(0, 100);
        double s = b.distance(a) / 100;
        return Double.isFinite(s) && s > 0 ? s : 1;
    }
}
