package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The debugger's Backward Mode button says in its tooltip what it steps through, by the name Chinese courses give
 * it: 通过时间反向传播, with the other translation and the abbreviation. The Chinese window named it nowhere (the
 * button reads 反向传播模式, the position 反向); the English window says backpropagation through time.
 */
class BackwardModeTermUiTest extends MainWindowUiBase {
    private static String tooltip(FxRobot robot) {
        ToggleButton b = robot.lookup("#backwardToggle").queryAs(ToggleButton.class);
        Tooltip t = UiWait.onFx(b::getTooltip);
        assertNotNull(t, "Backward Mode has no tooltip");
        return UiWait.onFx(t::getText);
    }

    @Test
    void backwardModeNamesBackpropagationThroughTime(FxRobot robot) {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        String en = tooltip(robot);
        assertTrue(en.contains("Backpropagation through time") && en.contains("Ctrl+B"), en);
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("the Chinese window", () -> window.debugger().viewModel().trace() != null
                && tooltip(robot).startsWith("通过时间反向传播"));
        String zh = tooltip(robot);
        assertTrue(zh.contains("随时间反向传播") && zh.contains("BPTT") && zh.contains("梯度"), zh);
    }
}
