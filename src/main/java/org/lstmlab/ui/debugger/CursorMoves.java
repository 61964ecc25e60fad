package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.function.Supplier;

import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;

/**
 * What moves the cursor or the followed unit, as the toolbar, the fields and clicks do: the "t =" and "Follow unit"
 * fields, a click on an equation row or a heatmap, backward mode and the Breakpoints field. The debugger's view
 * model hands it out ({@link DebuggerViewModel#moves()}); lessons call it too.
 */
public final class CursorMoves {
    private final CursorFields fields;
    private final Stepper stepper;
    private final Supplier<List<Equation>> equations;

    /** @param equations the equations of the current cell and direction */
    CursorMoves(CursorFields fields, Stepper stepper, Supplier<List<Equation>> equations) {
        this.fields = fields;
        this.stepper = stepper;
        this.equations = equations;
    }

    /** Jumps to timestep {@code text} (from 1) as the "t =" field does; a bad text gets a message next to it. */
    public String jumpTo(String text) {
        return fields.jumpTo(text);
    }

    /** Jumps to timestep {@code t}, counted from 1 as shown. */
    public String jumpTo(int t) {
        return fields.jumpTo(Integer.toString(t));
    }

    /** Follows unit {@code text} (from 0) as the "Follow unit" field does; a bad text gets a message next to it. */
    public String followUnit(String text) {
        return fields.followUnit(text);
    }

    /** Follows unit {@code u} (clamped to the hidden size). */
    public void followUnit(int u) {
        fields.followUnit(u);
    }

    /** Follows the next ({@code +1}) or previous ({@code -1}) unit, wrapping around. */
    public void moveUnit(int delta) {
        fields.moveUnit(delta);
    }

    /** Goes to equation {@code index} of the cursor's timestep and layer (a click on an equation row). */
    public void goToEquation(int index) {
        Cursor c = stepper.cursorProperty().get();
        if (c != null && index >= 0 && index < equations.get().size()) {
            stepper.goTo(new Cursor(c.direction(), c.t(), c.layer(), index));
        }
    }

    /** Goes to timestep {@code t} (0-based) and follows {@code u}: a click on a heatmap. */
    public void pick(int t, int u) {
        jumpTo(t + 1);
        followUnit(u);
    }

    /** Backward mode (backpropagation through time) on or off. */
    public void setBackward(boolean on) {
        stepper.setDirection(on ? Direction.BACKWARD : Direction.FORWARD);
    }

    public boolean isBackward() {
        return stepper.direction() == Direction.BACKWARD;
    }

    /** Adds a breakpoint, as the Breakpoints field does; returns the message to show, or null. */
    public String addBreakpoint(String text) {
        return stepper.addBreakpoint(text);
    }
}
