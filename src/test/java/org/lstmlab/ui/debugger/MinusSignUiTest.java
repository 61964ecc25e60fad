package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;

/**
 * The diagram, the watch list, the heatmaps (their ranges, colour bars and the value under the pointer) and the
 * explanation tooltips write a negative number with the minus sign − (U+2212), as the substitution panel does; what
 * the user typed keeps its ASCII '-' (the watch's expression, the field). Before, the diagram showed "-0.0299" beside
 * the panel's "−0.0600", and a heatmap's range read "[-0.8913, 0.7702]".
 */
class MinusSignUiTest extends DebuggerUiBase {
    /** An ASCII '-' used as a number's sign (not an exponent's). */
    private static final Pattern ASCII_SIGN = Pattern.compile("(?<![eE\\p{L}\\p{N}.])-(?=[\\d.]|inf)");

    @Test
    void theDiagramAndTheWatchListWriteTheMinusSign(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        UiWait.until("a negative number in the diagram", () -> values(robot).stream()
                .anyMatch(s -> s.startsWith("\u2212")), () -> values(robot).toString());
        for (String v : UiWait.onFx(() -> values(robot))) {
            assertFalse(ASCII_SIGN.matcher(v).find(), "the diagram writes '" + v + "'");
        }

        robot.interact(() -> vm.addWatch("0 - 1.5"));
        DebuggerWindow.waitFor(() -> vm.watches().size() == 1 && !vm.watches().get(0).pending());
        Label value = DebuggerWindow.in(robot).lookup("#watchPane .watch-value").queryAs(Label.class);
        Label name = DebuggerWindow.in(robot).lookup("#watchPane .watch-name").queryAs(Label.class);
        DebuggerWindow.waitFor(() -> !value.getText().isEmpty());
        assertEquals("\u22121.5000", UiWait.onFx(value::getText), "the watch's value");
        assertEquals("0 - 1.5", UiWait.onFx(name::getText), "the expression as typed");
        assertEquals("0 - 1.5", vm.watches().get(0).watch().text());

        robot.interact(() -> vm.addWatch("f - 1"));
        DebuggerWindow.waitFor(() -> vm.watches().size() == 2 && !vm.watches().get(1).pending());
        String vector = vm.watches().get(1).value();
        assertTrue(vector.startsWith("[\u2212"), "a vector's numbers too: " + vector);
        assertFalse(ASCII_SIGN.matcher(vector).find(), vector);
    }

    @Test
    void theHeatmapsAndTheExplanationsWriteTheMinusSign(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        double c = UiWait.onFx(() -> vm.visible("c", 0)[0]);
        assertTrue(c < 0, "the test needs a negative cell state: " + c);
        List<String> tip = ExplanationsUiTest.hover(robot, "#node-c");
        assertTrue(tip.get(2).startsWith("c \u2248 \u2212"), "the diagram's tooltip: " + tip);
        assertWritesTheMinusSign(tip.get(2));

        robot.interact(() -> vm.stepper().jumpTo("20"));
        DebuggerWindow.waitFor(() -> vm.cursor().t() == 19);
        Label title = DebuggerWindow.in(robot).lookup("#heatmap-title-0-g").queryAs(Label.class);
        String range = UiWait.onFx(title::getText);
        assertTrue(range.startsWith("g   [\u2212"), "the heatmap's range: " + range);
        assertWritesTheMinusSign(range);
        Node map = DebuggerWindow.in(robot).lookup("#heatmap-0-g").query();
        List<String> scale = UiWait.onFx(() -> map.getParent().lookupAll(".heatmap-scale .label").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertEquals(2, scale.size(), scale.toString());
        assertTrue(scale.get(0).startsWith("\u2212"), "the colour bar runs from \u2212scale: " + scale);
        scale.forEach(MinusSignUiTest::assertWritesTheMinusSign);

        // the value under the pointer, over a step and unit where the candidate is negative
        var trace = vm.trace();
        int steps = trace.steps();
        int units = trace.vector("g", 0, 0, 0).length;
        int[] at = negativeAt(trace, steps, units);
        javafx.geometry.Bounds b = UiWait.onFx(map::getBoundsInLocal);
        ExplanationsUiTest.pointerAt(robot, map, (at[0] + 0.5) * b.getWidth() / steps,
                (at[1] + 0.5) * b.getHeight() / units, MouseEvent.MOUSE_MOVED);
        String under = "g[unit " + at[1] + "]";
        UiWait.until("the title shows " + under, () -> title.getText().startsWith(under), title::getText);
        String pointer = UiWait.onFx(title::getText);
        assertTrue(pointer.endsWith("\u2212" + Numbers.format(-trace.vector("g", 0, at[0], 0)[at[1]])), pointer);
        assertWritesTheMinusSign(pointer);
        ExplanationsUiTest.pointerAt(robot, map, -5, -5, MouseEvent.MOUSE_EXITED);

        List<String> heatmapTip = ExplanationsUiTest.hover(robot, "#heatmap-title-0-g");
        assertTrue(heatmapTip.get(2).contains("from \u2212"), "the heatmap's tooltip: " + heatmapTip);
        assertWritesTheMinusSign(heatmapTip.get(2));
    }

    /** The step and unit of the first negative value of the candidate g in layer 0. */
    private static int[] negativeAt(org.lstmlab.engine.trace.Trace trace, int steps, int units) {
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < units; u++) {
                if (trace.vector("g", 0, t, 0)[u] < 0) {
                    return new int[] {t, u};
                }
            }
        }
        throw new AssertionError("no negative candidate in the trace");
    }

    private static void assertWritesTheMinusSign(String text) {
        assertFalse(ASCII_SIGN.matcher(text).find(), "an ASCII '-' as a sign in '" + text + "'");
    }

    private static List<String> values(FxRobot robot) {
        return UiWait.onFx(() -> DebuggerWindow.in(robot).lookup("#diagramScroll .node-value").queryAll().stream()
                .map(n -> ((Text) n).getText()).filter(s -> !s.isEmpty()).toList());
    }
}
