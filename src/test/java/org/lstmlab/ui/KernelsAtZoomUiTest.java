package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar's kernels at 1024 × 768, in both languages: a few words a teacher can read ("Fast arithmetic",
 * not "Kernels: Vector API, 8 doubles per vector"), whole at 100 %, 150 % and 200 %, the details in the tooltip.
 */
class KernelsAtZoomUiTest extends MainWindowUiBase {
    @Test
    void theKernelsReadWholeAtEachZoomTheSentenceInTheTooltip(FxRobot robot) throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            WaitForAsyncUtils.asyncFx(() -> {
                window.setLanguage(language);
                window.setZoom(100);
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
            Label kernels = robot.lookup("#statusKernels").queryAs(Label.class);
            String words = UiWait.onFx(kernels::getText);
            String details = UiWait.onFx(() -> kernels.getTooltip().getText());
            assertTrue(details.contains("Vector API") || details.contains("Java"), details);
            assertTrue(!words.contains("Vector API") && words.length() < details.length(), words);
            assertEquals(words, UiWait.onFx(() -> Drawn.text(kernels)), language + " at 100 %");
            for (int zoom : new int[] {150, 200}) {
                WaitForAsyncUtils.asyncFx(() -> window.setZoom(zoom)).get();
                WaitForAsyncUtils.waitForFxEvents();
                Label shown = robot.lookup("#statusKernels").queryAs(Label.class);
                String text = UiWait.onFx(shown::getText);
                assertEquals(words, text, "the same words at every zoom");
                assertEquals(text, UiWait.onFx(() -> Drawn.text(shown)), language + " at " + zoom + " %");
                assertNotNull(UiWait.onFx(shown::getTooltip), "a tooltip");
                assertEquals(details, UiWait.onFx(() -> shown.getTooltip().getText()), "the details in full");
            }
        }
    }
}
