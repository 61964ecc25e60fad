package org.lstmlab.ui.debugger;

import org.lstmlab.engine.trace.Direction;

/**
 * Where the debugger stands: the equation {@code equation} (an index into the cell's forward or backward list of
 * the equation catalogue) of layer {@code layer} at timestep {@code t}, and that equation has just been computed.
 * {@code t} is 0-based as the engine counts; the UI shows {@code t + 1}.
 */
public record Cursor(Direction direction, int t, int layer, int equation) {
}
