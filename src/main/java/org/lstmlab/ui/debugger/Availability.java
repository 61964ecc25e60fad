package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.Set;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;

/**
 * When, within one timestep of one layer, a symbol has been computed: the index of the equation that produces it
 * (as output or intermediate), or 0 for what the step starts from ({@code x}, {@code h_prev}, {@code dy}, weights,
 * {@code t}). In backward mode every forward value is already there. Breakpoints are tested at the first
 * position where all their names are computed; watches show "not yet" before it.
 */
public final class Availability {
    /** Returned for a name that cannot be read in this direction (a gradient in forward mode). */
    public static final int NEVER = Integer.MAX_VALUE;

    private Availability() {
    }

    public static int of(String symbol, CellType cell, Direction direction) {
        List<String> backwardSymbols = Trace.symbolsOf(cell, Direction.BACKWARD);
        if (direction == Direction.FORWARD && backwardSymbols.contains(symbol)) {
            return NEVER;
        }
        if (direction == Direction.BACKWARD && !backwardSymbols.contains(symbol)) {
            return 0;
        }
        List<Equation> eqs = EquationCatalogue.of(cell, direction);
        if (symbol.equals("da") && cell.hasCellState()) {
            int last = 0;
            for (String g : cell.gates()) {
                last = Math.max(last, of("da_" + g, cell, direction));
            }
            return last;
        }
        for (int k = 0; k < eqs.size(); k++) {
            Equation e = eqs.get(k);
            if (e.output().equals(symbol) || e.intermediates().contains(symbol)) {
                return k;
            }
        }
        return 0;
    }

    /** The latest availability over all the names: where an expression reading them can first be evaluated. */
    public static int ofAll(Set<String> names, CellType cell, Direction direction) {
        int at = 0;
        for (String n : names) {
            at = Math.max(at, of(n, cell, direction));
        }
        return at;
    }

    /**
     * The vector {@code symbol} of the cursor's timestep in {@code layer} if the cursor has reached the equation that
     * computes it (in stepping order), else null.
     */
    static double[] visible(Trace tr, Cursor c, Navigator nav, String symbol, int layer) {
        if (tr == null || c == null || !SubstitutionBuilder.readable(tr, symbol)) {
            return null;
        }
        int at = of(symbol, tr.cell(), c.direction());
        if (at == NEVER) {
            return null;
        }
        Cursor there = new Cursor(c.direction(), c.t(), layer, at);
        if (nav.index(there) > nav.index(c)) {
            return null;
        }
        return tr.vector(symbol, layer, c.t(), 0);
    }
}
