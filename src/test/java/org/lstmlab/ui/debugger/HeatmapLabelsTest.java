package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;

/**
 * A heatmap's words say no more than the map shows: in forward mode its range, its colour bar and its tooltip cover
 * the steps computed so far, never a later step that a lesson may ask for; in backward mode every step. Without a
 * toolkit.
 */
class HeatmapLabelsTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
    /** The LSTM's forward equation of c, and its last one (h): with the cursor there, its step is complete. */
    private static final int C = 4;
    private static final int END = 5;

    /** Two units over three steps: c = [0.5, −0.2], [1.5, 0.1], [2.5, −3]. */
    private static TraceDigest.Series series() {
        float[] v = {0.5f, -0.2f, 1.5f, 0.1f, 2.5f, -3f};
        return new TraceDigest.Series(v, 3, 2, new double[] {-0.2, -0.2, -3}, new double[] {0.5, 1.5, 2.5});
    }

    @Test
    void theComputedStepsFollowTheCursorItsLayerAndTheDirection() {
        assertEquals(1, HeatmapLabels.computed(3, 0, 0, C, 0, END, true), "forward at t = 1: one step");
        assertEquals(2, HeatmapLabels.computed(3, 1, 0, C, 1, END, true), "a layer below has computed t too");
        assertEquals(1, HeatmapLabels.computed(3, 1, 2, C, 1, END, true), "a layer above computes t later");
        assertEquals(0, HeatmapLabels.computed(3, 0, 1, C, 0, END, true), "so at t = 1 it has computed nothing yet");
        assertEquals(3, HeatmapLabels.computed(3, 2, 0, C, 0, END, true), "the last step: every one");
        assertEquals(3, HeatmapLabels.computed(3, 0, 1, C, 0, END, false), "backward: the forward pass is done");
        assertEquals(1, HeatmapLabels.computed(3, 1, 0, C, 0, C - 1, true), "before c's equation: c_t still to come");
        assertEquals(2, HeatmapLabels.computed(3, 1, 0, C, 0, C, true), "at c's equation: c_t is there");
        assertEquals(2, HeatmapLabels.computed(3, 1, 0, C, 1, 0, true), "a layer below has its whole step t");
        assertEquals(1, HeatmapLabels.computed(3, 1, 2, 0, 1, END, true), "a layer above none of it");
        assertEquals(3, HeatmapLabels.computed(3, 1, 0, C, 0, 0, false), "backward mode: whatever the equation");
    }

    @Test
    void inForwardModeTheRangeAndTheScaleCoverOnlyTheComputedSteps() {
        HeatmapLabels c = HeatmapLabels.of(CellType.LSTM, "c", 0, series(), EN);
        assertEquals("c   [\u22123.0000, 2.5000]", c.title(), "before any cursor: the whole run");

        assertTrue(c.mark(0, 0, END, true), "the scale shrinks to the first step's: the map is drawn again");
        assertEquals("c   [\u22120.2000, 0.5000]", c.title());
        assertEquals(0.5, c.scale());
        assertEquals("\u22120.5000", c.low());
        assertEquals("0.5000", c.high());
        assertEquals("c[unit 0], t = 1:  0.5000", c.pointer(0, 0));
        assertEquals("c[unit 1], t = 3:  \u2014", c.pointer(2, 1), "under the veil: a dash");
        assertFalse(c.mark(0, 0, END, true), "the same step: nothing to draw again");

        assertTrue(c.mark(1, 0, END, true));
        assertEquals("c   [\u22120.2000, 1.5000]", c.title());
        assertEquals("1.5000", c.high());
        for (String shown : new String[] {c.title(), c.low(), c.high(), c.pointer(2, 0), c.pointer(2, 1)}) {
            assertFalse(shown.contains("2.5") || shown.contains("3.0"), "step 3 is not shown at step 2: " + shown);
        }

        assertTrue(c.mark(1, 0, END, false), "backward mode: every step");
        assertEquals("c   [\u22123.0000, 2.5000]", c.title());
        assertEquals("\u22123.0000", c.low());
        assertEquals("c[unit 1], t = 3:  \u22123.0000", c.pointer(2, 1));
    }

    @Test
    void aMapWithNothingComputedSaysSoAndAGateKeepsItsScale() {
        HeatmapLabels c = HeatmapLabels.of(CellType.LSTM, "c", 1, series(), EN);
        c.mark(0, 0, END, true);
        assertEquals(0, c.computed(), "layer 1 has not computed t = 1 while the cursor is in layer 0");
        assertEquals("c   [\u2014]", c.title());
        assertEquals("\u2014", c.low());
        assertEquals("\u2014", c.high());
        assertEquals(0, c.scale(), "a scale of 0, and nothing of the map drawn");

        HeatmapLabels f = HeatmapLabels.of(CellType.LSTM, "f", 1, series(), EN);
        f.mark(0, 0, END, true);
        assertEquals("0", f.low());
        assertEquals("1.0000", f.high(), "a sigmoid gate's bar runs 0 to 1 whatever is computed");
        assertFalse(f.mark(2, 1, END, true), "and its map is never drawn again for a new scale");
    }

    @Test
    void theTooltipSaysWhichStepsItsRangeCoversInBothLanguages() {
        for (ResourceBundle lang : new ResourceBundle[] {EN, ZH}) {
            Explainer explainer = new Explainer(lang);
            HeatmapLabels c = HeatmapLabels.of(CellType.LSTM, "c", 0, series(), lang);
            c.mark(1, 0, END, true);
            String soFar = explainer.heatmap(CellType.LSTM, c).now();
            assertTrue(soFar.contains("1.5000") && !soFar.contains("2.5000"), soFar);
            assertTrue(soFar.contains("t = 1") && soFar.contains("2"), "the steps it covers: " + soFar);
            c.mark(2, 0, END, true);
            String all = explainer.heatmap(CellType.LSTM, c).now();
            assertTrue(all.contains("2.5000") && all.contains("\u22123.0000"), all);
            assertFalse(all.equals(soFar), all);
            HeatmapLabels above = HeatmapLabels.of(CellType.LSTM, "c", 1, series(), lang);
            above.mark(0, 0, END, true);
            String none = explainer.heatmap(CellType.LSTM, above).now();
            assertFalse(none.matches(".*\\d\\.\\d.*"), "no number before any step is computed: " + none);
        }
    }

    /**
     * The hand-built counter's cell state grows with the pulses: at its fifth step the c map's words do not show
     * what the cell will hold at the last step, which the squashed-cell lesson asks the student to predict.
     */
    @Test
    void theCountersCellStateAtTheLastStepIsNotShownEarlier() {
        DebuggerViewModel vm = new DebuggerViewModel(EN, DebuggerWorker.direct());
        vm.form().weightsProperty().set(WeightPreset.COUNTER);
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(2);
        Trace tr = vm.trace();
        TraceDigest digest = TraceJob.digest(tr);
        int last = tr.steps() - 1;
        double end = tr.value("c", 0, last, 0, 0);
        double at5 = tr.value("c", 0, 4, 0, 0);
        assertTrue(end > at5 + 1, "the test needs a counter that keeps counting: " + at5 + " then " + end);

        HeatmapLabels c = HeatmapLabels.of(CellType.LSTM, "c", 0, digest.series(0, "c"), EN);
        c.mark(4, 0, END, true);
        assertEquals(Numbers.display(at5), Numbers.display(c.max()), "the largest value so far is c at step 5");
        String tip = new Explainer(EN).heatmap(tr.cell(), c).now();
        for (String shown : new String[] {c.title(), c.high(), tip}) {
            assertFalse(shown.contains(Numbers.display(end)), "c at t = " + (last + 1) + " shown at t = 5: " + shown);
        }
        c.mark(4, 0, END, false);
        assertTrue(c.title().contains(Numbers.display(end)), "backward mode shows the whole run: " + c.title());
    }
}
