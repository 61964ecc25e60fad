package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A chart squeezed to a projector's width keeps its x labels apart: fewer ticks rather than labels on each other. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NarrowChartLabelsUiTest {
    @Start
    void start(Stage stage) {
        // text is measured with the toolkit's fonts
    }

    @Test
    void aNarrowAxisGetsFewerTicksWhoseLabelsDoNotTouch() {
        Font font = Font.font(11);
        double[] wide = PlotView.xTicks(0, 1, false, 600, font);
        assertEquals(6, wide.length, "0, 0.2, ... 1 on a wide chart");
        double[] narrow = PlotView.xTicks(0, 1, false, 90, font);   // 90 px for the whole axis
        assertTrue(narrow.length >= 2 && narrow.length < wide.length, java.util.Arrays.toString(narrow));
        double step = narrow[1] - narrow[0];
        for (double v : narrow) {
            assertTrue(step * 90 >= PlotView.width(AxisTicks.label(v, step), font) + 6, "room for " + v);
        }
        double[] steps = PlotView.xTicks(0, 200, true, 80.0 / 200, font);
        assertEquals("validation (per epoch)", PlotView.clipped("validation (per epoch)", font, 500));
        String cut = PlotView.clipped("validation (per epoch)", font, 50);
        assertTrue(cut.endsWith("\u2026") && PlotView.width(cut, font) <= 50, cut);
        assertTrue(steps[1] - steps[0] >= 100, "0, 100, 200 on 80 px: " + java.util.Arrays.toString(steps));
    }

    /**
     * A dashed line's name wider than a narrow plot ran left over the y axis's numbers (1024 × 768, a long
     * checkup above the charts): it is then written short.
     */
    @Test
    void aReferenceLinesNameWiderThanThePlotIsWrittenShort() {
        Font font = Font.font(11);
        PlotView.Reference solved = new PlotView.Reference("≥ 90.0 % 即为解决", "≥ 90.0 %", 0.9, Color.GREEN);
        double whole = PlotView.width(solved.name(), font);
        assertEquals(solved.name(), solved.label(font, whole + 1), "room for it: the whole name");
        assertEquals("≥ 90.0 %", solved.label(font, whole - 1), "a narrower plot: the short name");
        String cut = solved.label(font, PlotView.width("≥ 90.0 %", font) - 1);
        assertTrue(cut.endsWith("\u2026") && PlotView.width(cut, font) < PlotView.width("≥ 90.0 %", font), cut);
        PlotView.Reference naive = new PlotView.Reference("重复最后一个值", "朴素预测 0.0312", 0.03, Color.GRAY);
        String two = naive.label(font, PlotView.width("重复最后一个值", font) - 1);
        assertTrue(two.startsWith("重") && two.endsWith("\u2026"), "a short name longer than the name: " + two);
    }
}
