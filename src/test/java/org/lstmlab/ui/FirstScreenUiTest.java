package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * What a teacher reads first, the evening before a lecture, at 1024 × 768 with no settings: the status bar says where
 * the lessons are and how to start presenter mode (neither has a button on the Debugger tab), whole and on one
 * line; in English here, in Chinese in {@link FirstScreenChineseUiTest}.
 */
class FirstScreenUiTest extends MainWindowUiBase {

    @Test
    void theStatusBarSaysWhereTheLessonsAreAndHowToPresent(FxRobot robot) {
        Locale language = language();
        Label message = robot.lookup("#statusMessage").queryAs(Label.class);
        String learnTab = UiWait.onFx(() -> window.root().lookup("#mainTabs") instanceof
                javafx.scene.control.TabPane tabs ? tabs.getTabs().get(3).getText() : "");
        UiWait.until("the first hint", () -> message.getText().contains("Ctrl+Shift+P"), message::getText);
        String said = UiWait.onFx(message::getText);
        assertTrue(said.contains(learnTab), language + ": names the " + learnTab + " tab: " + said);
        assertTrue(said.contains("F1"), said);
        assertEquals(said, UiWait.onFx(() -> Drawn.text(message)), language + ": read whole");
        double lineHeight = UiWait.onFx(() -> message.getFont().getSize() * 1.6);
        assertTrue(UiWait.onFx(message::getHeight) < lineHeight, language + ": on one line, "
                + UiWait.onFx(message::getHeight) + " px high");
    }
}
