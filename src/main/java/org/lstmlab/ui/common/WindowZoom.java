package org.lstmlab.ui.common;

import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.scene.control.PopupControl;
import javafx.scene.layout.Region;
import javafx.stage.PopupWindow;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * View ▸ Zoom for what opens in a window of its own, which the {@link ZoomPane}'s scale does not reach: menus,
 * context menus, drop-down lists and tooltips take the zoom of the node they open from, and so do dialogs (their
 * letters grow, and with them modena's sizes in em); help windows show their content in a zoom pane of their own,
 * no larger than the screen.
 */
public final class WindowZoom {
    /** The letters' size at 100 % (theme.css). */
    static final double FONT = 13;

    private WindowZoom() {
    }

    /** The zoom in percent that {@code n} is shown at (its scale on the screen, as a {@link Zoom} step). */
    public static int of(Node n) {
        if (n == null || n.getScene() == null) {
            return Zoom.NORMAL;
        }
        Point2D a = n.localToScene(0, 0);
        Point2D b = n.localToScene(0, 100);
        double s = b.distance(a);
        return Double.isFinite(s) && s > 0 ? Zoom.snap((int) Math.round(s)) : Zoom.NORMAL;
    }

    /** {@code style} with its letter size set for {@code percent} (an earlier size replaced). */
    static String fontSize(String style, int percent) {
        String rest = style == null ? "" : style.replaceAll("-fx-font-size: [0-9.]+px;\\s*", "");
        return rest + "-fx-font-size: " + FONT * Zoom.factor(percent) + "px;";
    }

    /**
     * Brings every popup that opens from {@code root}'s window to the zoom of the node it opens from (a submenu to its
     * menu's). Returns what stops it (the window closed).
     */
    public static Runnable follow(Parent root) {
        ListChangeListener<Window> opened = c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    Window main = root.getScene() == null ? null : root.getScene().getWindow();
                    if (main != null && w instanceof PopupControl p && ownedBy(p, main)) {
                        fit(p);
                    }
                }
            }
        };
        Window.getWindows().addListener(opened);
        return () -> Window.getWindows().removeListener(opened);
    }

    /**
     * Shows {@code dialog} at {@code percent}: call before it is shown (its buttons take their widths once, at the
     * letters of the moment: set later, "Cancel" read "C…").
     */
    public static void dialog(Dialog<?> dialog, int percent) {
        dialog.getDialogPane().setStyle(fontSize(dialog.getDialogPane().getStyle(), percent));
    }

    private static boolean ownedBy(Window w, Window main) {
        for (Window o = owner(w); o != null; o = owner(o)) {
            if (o == main) {
                return true;
            }
        }
        return false;
    }

    private static Window owner(Window w) {
        return w instanceof PopupWindow p ? p.getOwnerWindow() : w instanceof javafx.stage.Stage s ? s.getOwner()
                : null;
    }

    private static void fit(PopupControl p) {
        // a drop-down list has no owner node: its combo box is its parent for CSS
        Node from = p.getOwnerNode() != null ? p.getOwnerNode() : p.getStyleableParent() instanceof Node n ? n : null;
        int percent = p.getOwnerWindow() instanceof PopupControl parent && from != null
                && from.getScene() == parent.getScene()
                ? (int) parent.getProperties().getOrDefault(WindowZoom.class, Zoom.NORMAL) : of(from);
        p.getProperties().put(WindowZoom.class, percent);
        p.setStyle(fontSize(p.getStyle(), percent));
    }

    /** {@code content} shown at {@code percent} in a zoom pane whose Ctrl + wheel zooms it further (help windows). */
    public static ZoomPane pane(Parent content, int percent) {
        ZoomPane[] pane = new ZoomPane[1];
        pane[0] = new ZoomPane(d -> pane[0].percentProperty().set(d > 0 ? Zoom.in(pane[0].percentProperty().get())
                : Zoom.out(pane[0].percentProperty().get())));
        pane[0].percentProperty().set(percent);
        pane[0].setContent(content);
        return pane[0];
    }

    /**
     * Gives {@code pane}, the root of a window not shown yet, the size its content asks for, but no larger than the
     * screen that {@code near} is on (call once the scene has its style sheets).
     */
    public static void fitScreen(Region pane, Window near) {
        pane.applyCss();
        Rectangle2D screen = near == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(near.getX(), near.getY(), Math.max(1, near.getWidth()),
                Math.max(1, near.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double width = Math.min(pane.prefWidth(-1), screen.getWidth() * 0.95);
        pane.setPrefSize(width, Math.min(pane.prefHeight(width), screen.getHeight() * 0.9));  // wrapped text's height
    }
}
