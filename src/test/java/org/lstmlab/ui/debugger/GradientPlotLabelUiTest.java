package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.common.I18n;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Gradients plot's axis label in the narrow pane of a 1024 × 768 window (about 230 px): broken into lines that
 * each fit, in English and in Chinese, instead of running off the pane's edge.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GradientPlotLabelUiTest {
    @Start
    void start(Stage stage) {
        // text is measured with the toolkit's fonts
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    @Test
    void theAxisLabelWrapsToThePanesWidthAndKeepsEveryCharacter() {
        Font font = Font.getDefault();
        for (Locale l : I18n.LANGUAGES) {
            String label = I18n.bundle(l).getString("debugger.gradients.axis");
            assertTrue(width(label, font) > 218, "the label is wider than the pane: " + label);
            List<String> lines = GradientPlot.lines(label, font, 218);
            assertTrue(lines.size() >= 2, lines.toString());
            for (String line : lines) {
                assertTrue(width(line, font) <= 218, "'" + line + "' fits");
            }
            assertEquals(label.replace(" ", ""), String.join("", lines).replace(" ", ""), "nothing is lost");
            assertEquals(List.of(label), GradientPlot.lines(label, font, 2000), "a wide pane: one line");
        }
    }
}
