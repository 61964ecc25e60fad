package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;

/** Stepping order: forward timestep by timestep and layer by layer upwards; backward the other way round. */
class NavigatorTest {

    @Test
    void forwardVisitsLayersUpwardsWithinATimestep() {
        Navigator n = new Navigator(CellType.GRU, 3, 2, Direction.FORWARD);
        assertEquals(3 * 2 * 4, n.size());
        assertEquals(new Cursor(Direction.FORWARD, 0, 1, 0), n.at(4));
        assertEquals(new Cursor(Direction.FORWARD, 1, 0, 0), n.at(8));
        for (int i = 0; i < n.size(); i++) {
            assertEquals(i, n.index(n.at(i)));
        }
        assertEquals(n.last(), n.nextStep(new Cursor(Direction.FORWARD, 2, 0, 1)));
    }

    @Test
    void backwardStartsAtTheLastTimestepOfTheTopLayer() {
        Navigator n = new Navigator(CellType.RNN_TANH, 3, 2, Direction.BACKWARD);
        assertEquals(new Cursor(Direction.BACKWARD, 2, 1, 0), n.first());
        assertEquals(new Cursor(Direction.BACKWARD, 2, 0, 0), n.at(4));
        assertEquals(new Cursor(Direction.BACKWARD, 0, 0, 3), n.last());
        assertEquals(new Cursor(Direction.BACKWARD, 1, 1, 2), n.nextStep(new Cursor(Direction.BACKWARD, 2, 1, 2)));
        for (int i = 0; i < n.size(); i++) {
            assertEquals(i, n.index(n.at(i)));
        }
    }
}
