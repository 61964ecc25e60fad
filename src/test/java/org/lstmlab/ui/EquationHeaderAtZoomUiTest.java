package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The line over the equations (where the cursor stands, then "Follow unit" and its field) at 1024 × 768, zoomed in
 * and in presenter mode, in both languages: "Follow unit" reads whole, in view (before, it was pushed past the
 * pane's right edge when wide equations made it scroll), and so does the position outside presenter
 * mode, wrapping onto a second line (before, at 150 % "Follow unit" read "Follow …" and the position "…layer 0:
 * input …"; at 200 % in presenter mode the label was "…" alone beside its field). Presenter mode keeps the position
 * to one line, cut at its end if it must be, for the equation below it. The debugger's status line over them wraps
 * too (at 200 % "Step with F11 (equatio…").
 */
class EquationHeaderAtZoomUiTest extends MainWindowUiBase {
    /**
     * {@code query}'s label reads whole and lies inside what the equation pane shows (scrolled to its left): over the
     * scrolling equations, or in presenter mode at the top of what scrolls.
     */
    private static void whole(FxRobot robot, String query, String where) {
        Node area = robot.lookup("#equationArea").query();
        ScrollPane pane = robot.lookup("#equationPane").queryAs(ScrollPane.class);
        Label l = robot.from(area).lookup(query).queryAs(Label.class);
        assertEquals(UiWait.onFx(l::getText), UiWait.onFx(() -> Drawn.text(l)), query + " " + where);
        Bounds view = UiWait.onFx(() -> {
            pane.setHvalue(0);
            Node shows = pane.getContent().lookup("#equationHeader") != null ? pane.lookup(".viewport") : area;
            return shows.localToScene(shows.getLayoutBounds());
        });
        for (Node n : UiWait.onFx(() -> List.of(l, area.lookup("#equationHeader .text-field")))) {
            Bounds b = UiWait.onFx(() -> n.localToScene(n.getLayoutBounds()));
            assertTrue(b.getMaxX() <= view.getMaxX() + 0.5, n + " ends at " + b.getMaxX() + ", beyond the pane's "
                    + view.getMaxX() + " " + where);
        }
    }

    @Test
    void whereTheCursorIsAndFollowUnitReadWhole(FxRobot robot) {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            robot.interact(() -> window.setLanguage(language));
            UiWait.until("the trace again", () -> window.debugger().viewModel().trace() != null);
            for (int zoom : new int[] {150, 200}) {
                for (boolean presenting : new boolean[] {false, true}) {
                    robot.interact(() -> {
                        window.setZoom(zoom);
                        window.setPresenting(presenting);
                    });
                    String where = language + " at " + zoom + " %" + (presenting ? ", presenting" : "");
                    if (!presenting) {  // presenter mode keeps the position to one line for the equation
                        whole(robot, ".position-label", where);
                        Label status = robot.lookup("#debugger-status").queryAs(Label.class);
                        assertEquals(UiWait.onFx(status::getText), UiWait.onFx(() -> Drawn.text(status)),
                                "the debugger's status line " + where);
                    }
                    whole(robot, ".follow-unit", where);
                }
            }
        }
    }
}
