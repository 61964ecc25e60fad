package org.lstmlab.ui.debugger;

import java.util.ArrayDeque;
import java.util.Deque;

/** Undo and redo of value edits: each edit remembers the value it replaced. */
public final class EditHistory {

    /**
     * One changed number: an input value ({@code weight == null}: row t, column d) or a weight ({@code weight} is a
     * view name such as {@code W_if} of {@code layer}, at row, col).
     */
    public record Edit(String weight, int layer, int row, int col, double before, double after) {
        public Edit inverse() {
            return new Edit(weight, layer, row, col, after, before);
        }
    }

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    public void done(Edit e) {
        undo.push(e);
        redo.clear();
    }

    /** The edit to apply to undo the last one (its inverse), or null. */
    public Edit undo() {
        if (undo.isEmpty()) {
            return null;
        }
        Edit e = undo.pop();
        redo.push(e);
        return e.inverse();
    }

    /** The edit to apply again, or null. */
    public Edit redo() {
        if (redo.isEmpty()) {
            return null;
        }
        Edit e = redo.pop();
        undo.push(e);
        return e;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
