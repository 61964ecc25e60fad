package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The line over the equations (where the cursor stands, then "Follow unit" and its field) at 1024 × 768, zoomed in
 * and in presenter mode, in both languages: "Follow unit" reads whole, and so does the position outside presenter
 * mode, wrapping onto a second line (before, at 150 % "Follow unit" read "Follow …" and the position "…layer 0:
 * input …"; at 200 % in presenter mode the label was "…" alone beside its field). Presenter mode keeps the position
 * to one line, cut at its end if it must be, for the equation below it.
 */
class EquationHeaderAtZoomUiTest extends MainWindowUiBase {
    private static void whole(FxRobot robot, String query, String where) {
        Label l = robot.from(robot.lookup("#equationPane").queryAll()).lookup(query).queryAs(Label.class);
        assertEquals(UiWait.onFx(l::getText), UiWait.onFx(() -> Drawn.text(l)), query + " " + where);
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
                    }
                    whole(robot, ".follow-unit", where);
                }
            }
        }
    }
}
