package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;

/**
 * The Gradients plot veils no number the debugger has not computed, in any layer, and no number it has: at every
 * position of a stack's backward pass, a curve's steps from {@link GradientSteps#firstComputed} on are exactly the
 * ones the equations stepped through so far have written. The reference replays the {@link Navigator}'s order
 * equation by equation and notes what each one writes, for stacks of 2 and 3 layers of every standard cell and for a
 * cell beside the main one. Without a toolkit.
 */
class GradientStepsTest {
    private static final int STEPS = 4;

    /** What the backward equations at positions 0..{@code upTo} of {@code nav} wrote: "layer/t/symbol". */
    private static Set<String> written(Navigator nav, int upTo) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i <= upTo; i++) {
            Cursor at = nav.at(i);
            Equation e = nav.equations().get(at.equation());
            out.add(at.layer() + "/" + at.t() + "/" + e.output());
            for (String s : e.intermediates()) {
                out.add(at.layer() + "/" + at.t() + "/" + s);
            }
        }
        return out;
    }

    private static List<String> symbols(CellType cell) {
        return cell.hasCellState() ? List.of("dh", "dc") : List.of("dh");
    }

    @Test
    void everyLayersCurveIsComputedFromExactlyTheStepsTheBackwardPassHasWritten() {
        for (CellType cell : List.of(CellType.LSTM, CellType.GRU, CellType.GRU_RESET_BEFORE, CellType.RNN_TANH)) {
            for (int layers : new int[] {2, 3}) {
                Navigator nav = new Navigator(cell, STEPS, layers, Direction.BACKWARD);
                for (int i = 0; i < nav.size(); i++) {
                    Cursor c = nav.at(i);
                    Set<String> done = written(nav, i);
                    for (int layer = 0; layer < layers; layer++) {
                        for (String symbol : symbols(cell)) {
                            int from = GradientSteps.firstComputed(new GradientSteps.Source(cell, layer, symbol,
                                    false), c);
                            for (int t = 0; t < STEPS; t++) {
                                assertEquals(done.contains(layer + "/" + t + "/" + symbol), t >= from,
                                        cell + " x" + layers + ", cursor " + c + ": " + symbol + " of layer "
                                                + layer + " at t = " + t);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The cases the plot was wrong in: the cursor in the top layer, and an LSTM's δc_t before its equation. */
    @Test
    void theLayerBelowTheCursorsHasNotComputedItsStepYet() {
        CellType lstm = CellType.LSTM;
        Cursor top = new Cursor(Direction.BACKWARD, 2, 1, 0);
        assertEquals(2, GradientSteps.firstComputed(new GradientSteps.Source(lstm, 1, "dh", false), top));
        assertEquals(3, GradientSteps.firstComputed(new GradientSteps.Source(lstm, 1, "dc", false), top),
                "δc_t comes after δh_t");
        assertEquals(3, GradientSteps.firstComputed(new GradientSteps.Source(lstm, 0, "dh", false), top),
                "the lower layer: from the step after the cursor's");
        Cursor below = new Cursor(Direction.BACKWARD, 2, 0, 0);
        assertEquals(2, GradientSteps.firstComputed(new GradientSteps.Source(lstm, 1, "dc", false), below),
                "with the cursor in the lower layer, the top one has its step done");
        assertEquals(GradientSteps.NONE, GradientSteps.firstComputed(new GradientSteps.Source(lstm, 1, "dh", false),
                new Cursor(Direction.FORWARD, 3, 1, 0)), "forward mode: nothing computed");
    }

    /** A companion shows the cursor's step of the cursor's layer done whole; its layer 0 is what the plot draws. */
    @Test
    void aCellBesideTheMainOneHasItsStepDoneWholeInTheCursorsLayer() {
        CellType main = CellType.GRU;
        CellType companion = CellType.LSTM;
        Navigator nav = new Navigator(main, STEPS, 2, Direction.BACKWARD);
        Navigator beside = new Navigator(companion, STEPS, 2, Direction.BACKWARD);
        int last = beside.equations().size() - 1;
        for (int i = 0; i < nav.size(); i++) {
            Cursor c = nav.at(i);
            Set<String> done = written(beside, beside.index(new Cursor(Direction.BACKWARD, c.t(), c.layer(), last)));
            for (String symbol : symbols(companion)) {
                int from = GradientSteps.firstComputed(new GradientSteps.Source(companion, 0, symbol, true), c);
                for (int t = 0; t < STEPS; t++) {
                    assertEquals(done.contains("0/" + t + "/" + symbol), t >= from, "cursor " + c + ": " + symbol
                            + " at t = " + t);
                }
            }
        }
    }
}
