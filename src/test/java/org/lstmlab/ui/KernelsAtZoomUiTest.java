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
 * The status bar's kernels at 1024 × 768, in both languages: at 100 % the whole sentence; at 150 % and 200 %, where
 * it was cut to "Kernels…" and "计算内核：Vector API（每条向量 8 个双精…", a shorter form read whole, the sentence in
 * its tooltip.
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
            String sentence = UiWait.onFx(kernels::getText);
            assertTrue(sentence.contains("Vector API") || sentence.contains("Java"), sentence);
            assertEquals(sentence, UiWait.onFx(() -> Drawn.text(kernels)), language + " at 100 %");
            for (int zoom : new int[] {150, 200}) {
                WaitForAsyncUtils.asyncFx(() -> window.setZoom(zoom)).get();
                WaitForAsyncUtils.waitForFxEvents();
                Label shown = robot.lookup("#statusKernels").queryAs(Label.class);
                String text = UiWait.onFx(shown::getText);
                assertTrue(!text.isEmpty() && text.length() < sentence.length(), "a shorter form: " + text);
                assertEquals(text, UiWait.onFx(() -> Drawn.text(shown)), language + " at " + zoom + " %");
                assertNotNull(UiWait.onFx(shown::getTooltip), "a tooltip");
                assertEquals(sentence, UiWait.onFx(() -> shown.getTooltip().getText()), "the sentence in full");
            }
        }
    }
}
