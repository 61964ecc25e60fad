package org.lstmlab.ui.debugger;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.EquationCatalogue;

/**
 * Which steps of a curve of the Gradients plot the debugger has computed with the cursor where it is. The
 * debugger's backward pass ({@link Navigator}) goes from the last step to the first and, in each step, from the top
 * layer down to layer 0: with the cursor at step t of layer l, every layer has computed the steps after t, the layers
 * above l have computed step t as well, layer l has computed it once the cursor has reached the equation of the
 * curve's symbol (δc_t comes two equations after δh_t), and the layers below l have not computed it yet. A cell
 * beside the main one ({@link CompanionView}) shows the cursor's step of the cursor's layer done whole. In forward
 * mode no gradient is computed. No toolkit: {@link GradientPlot} veils what this says is not computed.
 */
final class GradientSteps {
    /** Returned in forward mode: no step is computed. */
    static final int NONE = Integer.MAX_VALUE;

    /**
     * What a curve shows: the norms of {@code symbol} ({@code dh} or {@code dc}) of {@code layer}, of the main cell
     * or of a companion.
     */
    record Source(CellType cell, int layer, String symbol, boolean companion) {
    }

    private GradientSteps() {
    }

    /**
     * The first step (0-based) of {@code s} computed at cursor {@code c}: the cursor's step or the one after it in
     * backward mode (the curve's steps from there on are computed, those before it not), {@link #NONE} in forward.
     */
    static int firstComputed(Source s, Cursor c) {
        if (c.direction() == Direction.FORWARD) {
            return NONE;
        }
        int equation = s.companion() ? EquationCatalogue.of(s.cell(), Direction.BACKWARD).size() - 1 : c.equation();
        boolean done = s.layer() > c.layer()
                || s.layer() == c.layer() && Availability.of(s.symbol(), s.cell(), Direction.BACKWARD) <= equation;
        return done ? c.t() : c.t() + 1;
    }
}
