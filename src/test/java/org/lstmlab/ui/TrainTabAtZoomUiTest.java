package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train tab in a Chinese window of 1024 × 768: at 100 % it shows its three columns whole without scrolling, in
 * both languages (the code pane's edge was cut by a few pixels); at 150 % and 200 %, where the columns no longer
 * fit, the tab scrolls, and every button of the run and the code can be scrolled into view (before, the code pane
 * lay beyond the window's edge at 150 %, and at 200 % Step, Stop, Open in debugger and Files… too, out of reach;
 * the code, taller than the window there, is in view when its width and its first lines are).
 */
class TrainTabAtZoomUiTest extends MainWindowUiBase {
    private static final String[] CONTROLS = {"#startButton", "#pauseButton", "#resumeButton", "#stepButton",
        "#stopButton", "#restartButton", "#debugButton", "#moreButton", "#lossScaleBox", "#kerasArea"};

    @Override
    protected Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    private void zoom(int percent) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.setZoom(percent);
            window.selectTab("train");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The scroll pane of the whole tab that holds {@code n}, if any (not the form's own). */
    private static ScrollPane tabScroll(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s && !s.getStyleClass().contains("builder-scroll")) {
                return s;
            }
        }
        return null;
    }

    /**
     * Whether {@code n} lies whole inside the window and inside what its scroll pane shows (a text area taller than
     * the window: its width and its top).
     */
    private static boolean seen(Node n) {
        Bounds whole = n.localToScene(n.getLayoutBounds());
        Bounds b = n instanceof javafx.scene.control.TextArea ? new javafx.geometry.BoundingBox(whole.getMinX(),
                whole.getMinY(), whole.getWidth(), Math.min(whole.getHeight(), 100)) : whole;
        Bounds window = n.getScene().getRoot().getLayoutBounds();
        ScrollPane s = tabScroll(n);
        Bounds view = s == null ? window : s.localToScene(s.getLayoutBounds());
        return b.getMinX() >= Math.max(window.getMinX(), view.getMinX()) - 0.5
                && b.getMaxX() <= Math.min(window.getMaxX(), view.getMaxX()) + 0.5
                && b.getMinY() >= Math.max(window.getMinY(), view.getMinY()) - 0.5
                && b.getMaxY() <= Math.min(window.getMaxY(), view.getMaxY()) + 0.5;
    }

    /**
     * On the FX thread: scrolls the tab (when it scrolls) so that {@code n} is in view, as a user would with the
     * scroll bars, and says whether it is. Asked again until it is: after a zoom the tab lays out over several pulses,
     * and a scroll worked out from the bounds of the pulse before can miss.
     */
    private static boolean scrolledIntoView(Node n) {
        ScrollPane s = tabScroll(n);
        if (s != null) {
            Bounds in = s.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds()));
            Bounds content = s.getContent().getLayoutBounds();
            Bounds view = s.getViewportBounds();
            double dx = content.getWidth() - view.getWidth();
            double dy = content.getHeight() - view.getHeight();
            s.setHvalue(dx <= 0 ? 0 : Math.min(1, Math.max(0, in.getMinX() / dx)));
            s.setVvalue(dy <= 0 ? 0 : Math.min(1, Math.max(0, in.getMinY() / dy)));
            s.layout();
        }
        return seen(n);
    }

    @Test
    void everyControlIsInViewAt100AndCanBeScrolledIntoViewWhenZoomed(FxRobot robot) throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            robot.interact(() -> window.setLanguage(language));
            zoom(100);
            ScrollPane tab = robot.lookup(".training-scroll").queryAs(ScrollPane.class);
            double[] widths = UiWait.onFx(() -> new double[] {tab.getContent().getLayoutBounds().getWidth(),
                tab.getViewportBounds().getWidth()});
            assertTrue(widths[0] <= widths[1] + 0.5, "no scrolling sideways at 100 % in " + language + ": "
                    + widths[0] + " px in " + widths[1]);
        }
        for (String id : CONTROLS) {
            Node n = robot.from(robot.lookup(".training-view").queryAll()).lookup(id).query();
            assertTrue(UiWait.onFx(() -> seen(n)), id + " in view at 100 % without scrolling");
        }
        for (int percent : new int[] {150, 200}) {
            zoom(percent);
            for (String id : CONTROLS) {
                Node n = robot.from(robot.lookup(".training-view").queryAll()).lookup(id).query();
                UiWait.until(id + " brought into view at " + percent + " %", () -> scrolledIntoView(n),
                        () -> String.valueOf(n.localToScene(n.getLayoutBounds())));
            }
        }
    }
}
