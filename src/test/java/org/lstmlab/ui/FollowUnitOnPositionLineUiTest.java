package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * "Follow unit" and its field stand on the line of the position over the equations ("Forward t = 1 of 20, layer
 * 0: ..."), their text on its baseline, at 1024 × 768, at 100 % and 200 %, in presenter mode or not, in both
 * languages. Before, the row aligned its children to the top: in presenter mode (a position of 22 px beside a label
 * of 12 px) "Follow unit" and "跟踪单元" hung above the position's text like a superscript.
 */
class FollowUnitOnPositionLineUiTest extends MainWindowUiBase {
    /** Where {@code n}'s text's baseline lies on the scene. */
    private static double baseline(Node n) {
        return n.localToScene(0, n.getBaselineOffset()).getY();
    }

    @Test
    void followUnitSitsOnThePositionsBaseline(FxRobot robot) {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        List<String> problems = new ArrayList<>();
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            robot.interact(() -> window.setLanguage(language));
            UiWait.until("the trace again", () -> window.debugger().viewModel().trace() != null);
            problems.addAll(atEachZoomAndMode(robot, language, new int[] {100, 200}, where -> {
                double line = baseline(robot.lookup("#equationHeader .position-label").query());
                List<String> p = new ArrayList<>();
                for (String q : List.of("#equationHeader .follow-unit", "#equationHeader .text-field")) {
                    double b = baseline(robot.lookup(q).query());
                    if (Math.abs(b - line) > 1.5) {
                        p.add(where + ": " + q + "'s baseline at " + b + ", the position's at " + line);
                    }
                }
                return p;
            }));
        }
        assertEquals(List.of(), problems);
    }
}
