package org.lstmlab.ui.debugger;

import java.util.List;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;

/**
 * The order in which the debugger visits a trace, as positions 0, 1, 2, ... Forward: timestep by timestep, in
 * each timestep layer 0 up to the top, in each layer the cell's forward equations. Backward: from the last timestep
 * down to the first, the top layer down to layer 0, the backward equations. Both orders respect the data
 * dependencies, so every value on screen has been computed by the time its position is reached.
 */
public final class Navigator {
    private final CellType cell;
    private final int steps;
    private final int layers;
    private final Direction direction;
    private final int perLayer;

    public Navigator(CellType cell, int steps, int layers, Direction direction) {
        this.cell = cell;
        this.steps = steps;
        this.layers = layers;
        this.direction = direction;
        this.perLayer = equations().size();
    }

    public List<Equation> equations() {
        return EquationCatalogue.of(cell, direction);
    }

    public Direction direction() {
        return direction;
    }

    public int steps() {
        return steps;
    }

    public int layers() {
        return layers;
    }

    /** Number of positions: T · L · equations per cell. */
    public int size() {
        return steps * layers * perLayer;
    }

    public int index(Cursor c) {
        int tOrder = direction == Direction.FORWARD ? c.t() : steps - 1 - c.t();
        int lOrder = direction == Direction.FORWARD ? c.layer() : layers - 1 - c.layer();
        return (tOrder * layers + lOrder) * perLayer + c.equation();
    }

    public Cursor at(int index) {
        int i = Math.max(0, Math.min(size() - 1, index));
        int eq = i % perLayer;
        int lOrder = i / perLayer % layers;
        int tOrder = i / perLayer / layers;
        return direction == Direction.FORWARD ? new Cursor(direction, tOrder, lOrder, eq)
                : new Cursor(direction, steps - 1 - tOrder, layers - 1 - lOrder, eq);
    }

    public Cursor first() {
        return at(0);
    }

    public Cursor last() {
        return at(size() - 1);
    }

    public boolean isLast(Cursor c) {
        return index(c) == size() - 1;
    }

    /** Step Into: the next equation (stays on the last one). */
    public Cursor next(Cursor c) {
        return at(index(c) + 1);
    }

    /** Step Back: the previous equation (stays on the first one). */
    public Cursor previous(Cursor c) {
        return at(index(c) - 1);
    }

    /**
     * Step Over: the same equation of the same layer one timestep on (later in forward, earlier in backward); at the
     * last timestep, the last position.
     */
    public Cursor nextStep(Cursor c) {
        int t = c.t() + (direction == Direction.FORWARD ? 1 : -1);
        if (t < 0 || t >= steps) {
            return last();
        }
        return new Cursor(direction, t, c.layer(), c.equation());
    }

    /** Step Back over a timestep: the same equation one timestep back in stepping order; at the first, the first. */
    public Cursor previousStep(Cursor c) {
        int t = c.t() + (direction == Direction.FORWARD ? -1 : 1);
        if (t < 0 || t >= steps) {
            return first();
        }
        return new Cursor(direction, t, c.layer(), c.equation());
    }

    /** The cursor moved to timestep t (0-based), keeping layer and equation. */
    public Cursor jumpTo(Cursor c, int t) {
        return new Cursor(direction, Math.max(0, Math.min(steps - 1, t)), Math.min(c.layer(), layers - 1),
                Math.min(c.equation(), perLayer - 1));
    }

    /** The same place in a navigator of another shape: t and layer clamped, equation mapped by output symbol. */
    public Cursor adopt(Cursor old) {
        if (old == null) {
            return first();
        }
        int eq = 0;
        if (old.direction() == direction) {
            eq = Math.min(old.equation(), perLayer - 1);
        }
        return new Cursor(direction, Math.max(0, Math.min(steps - 1, old.t())),
                Math.max(0, Math.min(layers - 1, old.layer())), eq);
    }
}
