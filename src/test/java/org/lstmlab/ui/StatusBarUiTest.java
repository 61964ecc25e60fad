package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar at 1024 × 768 while a paused run waits on the Train tab: the long line about the run and the
 * kernels give way, and "Model not saved" is read whole, in both languages; zoomed in, the message on how to leave
 * presenter mode wraps rather than losing its end.
 */
class StatusBarUiTest extends MainWindowUiBase {

    private void assertUnsavedReadsWhole(FxRobot robot) {
        Label activity = robot.lookup("#statusActivity").queryAs(Label.class);
        Label unsaved = robot.lookup("#statusUnsaved").queryAs(Label.class);
        UiWait.until("the run's line and the unsaved mark in the status bar", () -> unsaved.isVisible()
                && !activity.getText().isEmpty() && !Drawn.text(unsaved).isEmpty(),
                () -> "activity '" + activity.getText() + "', unsaved visible " + unsaved.isVisible()
                        + ", drawn '" + Drawn.text(unsaved) + "', run " + window.trainingView().viewModel()
                        .stateProperty().get());
        assertTrue(UiWait.onFx(() -> Drawn.text(activity).length() > 0), "the run's line is there, cut or not");
        assertEquals(unsaved.getText(), UiWait.onFx(() -> Drawn.text(unsaved)), "the unsaved mark is cut short");
    }

    @Test
    void modelNotSavedIsNeverCutShortByTheRunsLine(FxRobot robot) throws Exception {
        BriefRun.trainAndPause(window);
        WaitForAsyncUtils.asyncFx(() -> window.selectTab("debugger")).get();
        assertUnsavedReadsWhole(robot);
        assertTrue(UiWait.onFx(window::hasUnsavedModel));

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        assertUnsavedReadsWhole(robot);
        assertEquals("模型尚未保存", robot.lookup("#statusUnsaved").queryAs(Label.class).getText());
    }

    @Test
    void howToLeavePresenterModeIsReadWholeWhenZoomedIn(FxRobot robot) throws Exception {
        // before, at 150 % the line ended "…按 Esc 或 Ctrl+Sh…" and at 200 % "F11 a…": the way out was cut off
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            for (int zoom : new int[] {150, 200}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    window.setLanguage(language);
                    window.setZoom(zoom);
                    window.setPresenting(false);
                    window.setPresenting(true);
                }).get();
                WaitForAsyncUtils.waitForFxEvents();
                Label message = robot.lookup("#statusMessage").queryAs(Label.class);
                assertTrue(UiWait.onFx(() -> message.getText().contains("Esc")));
                assertEquals(UiWait.onFx(message::getText), UiWait.onFx(() -> Drawn.text(message)),
                        language + " at " + zoom + " %");
            }
        }
    }
}
