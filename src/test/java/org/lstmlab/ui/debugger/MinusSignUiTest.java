package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;

/**
 * The diagram and the watch list write a negative number with the minus sign − (U+2212), as the substitution panel
 * does; what the user typed keeps its ASCII '-' (the watch's expression, the field). Before, the diagram showed
 * "-0.0299" beside the panel's "−0.0600".
 */
class MinusSignUiTest extends DebuggerUiBase {
    /** An ASCII '-' used as a number's sign (not an exponent's). */
    private static final Pattern ASCII_SIGN = Pattern.compile("(?<![eE\\p{L}\\p{N}.])-(?=[\\d.]|inf)");

    @Test
    void theDiagramAndTheWatchListWriteTheMinusSign(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        robot.interact(() -> {
            for (int k = 0; k < 4; k++) {
                vm.stepper().stepInto();  // to the cell state: the default cell's c and g are negative at t = 1
            }
        });
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

    private static List<String> values(FxRobot robot) {
        return UiWait.onFx(() -> DebuggerWindow.in(robot).lookup("#diagramScroll .node-value").queryAll().stream()
                .map(n -> ((Text) n).getText()).filter(s -> !s.isEmpty()).toList());
    }
}
