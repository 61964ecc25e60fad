package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The range under a histogram's bars (the weights' and the gradients' on the Train tab) writes a negative end with
 * the minus sign − (U+2212), as the debugger does; an exponent keeps its own sign. It read "-0.5" before.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HistogramRangeUiTest {
    @Start
    void start(Stage stage) {
        // the histogram draws on the toolkit's thread
    }

    @Test
    void aNegativeEndOfTheRangeHasTheMinusSign() throws Exception {
        List<String> range = UiWait.onFx(() -> {
            HistogramView view = new HistogramView();
            view.resize(200, 160);
            view.show(Histogram.of(8, new double[] {-0.5, -0.125, 0.25, 0.75}), "weights");
            return view.range();
        });
        assertEquals(2, range.size(), range.toString());
        assertTrue(range.get(0).startsWith("\u2212"), "the lowest: " + range);
        assertFalse(range.get(0).contains("-"), "no ASCII '-' as its sign: " + range);
        assertEquals(AxisTicks.number(0.75), range.get(1), "a positive end as before");

        List<String> tiny = UiWait.onFx(() -> {
            HistogramView view = new HistogramView();
            view.show(Histogram.of(8, new double[] {-2e-6, 3e-6}), "gradients");
            return view.range();
        });
        assertEquals("\u2212" + AxisTicks.number(2e-6), tiny.get(0), "a small gradient's lowest: " + tiny);
    }

    /**
     * A value wider than the space the bars leave for it ("−9.88×10⁻⁴" under a histogram 75 px wide at 1024 × 768)
     * lost its end at the histogram's edge: it moves in, and both stay inside.
     */
    @Test
    void aRangeValueWiderThanItsPlaceMovesInsideTheEdges() {
        double[] roomy = HistogramView.rangeAt(200, 30, 30);
        assertEquals(8, roomy[0], 1e-9, "under the bars' left end");
        assertEquals(192, roomy[1], 1e-9, "under their right end");
        assertEquals(0, roomy[2], "side by side");
        double[] narrow = HistogramView.rangeAt(75, 66, 60);
        assertEquals(1, narrow[2], "on two lines");
        assertEquals(75 - HistogramView.EDGE - 66, narrow[0], 1e-9, "the lowest moved left, its end inside");
        assertEquals(67, narrow[1], 1e-9, "the highest still fits under the bars' end");
        double[] widest = HistogramView.rangeAt(75, 80, 80);
        assertEquals(HistogramView.EDGE, widest[0], 1e-9, "wider than the histogram: from the left edge");
        assertEquals(75 - HistogramView.EDGE, widest[1], 1e-9);
    }
}
