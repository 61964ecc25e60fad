package org.lstmlab.ui.debugger;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Undo and redo of everything the user changes: value edits, set-up changes (another cell, other sizes, other
 * weights, an opened model) and both at once (the first edit of the input table also turns the input into
 * "Table (as edited)"). A set-up change keeps the numbers shown before it, so undoing it brings them back exactly,
 * value edits included. Old steps are forgotten once the numbers they keep pass {@link #MAX_VALUES}.
 */
public final class EditHistory {
    /** The most numbers (weights and inputs of set-ups no longer shown) the history keeps: 32 MB of doubles. */
    public static final long MAX_VALUES = 4_000_000;

    /**
     * One changed number: an input value ({@code weight == null}: row t, column d) or a weight ({@code weight} is a
     * view name such as {@code W_if} of {@code layer}, at row, col).
     */
    public record Edit(String weight, int layer, int row, int col, double before, double after) {
        public Edit inverse() {
            return new Edit(weight, layer, row, col, after, before);
        }
    }

    /**
     * What is on show: the set-up as built, its numbers, and how its title is written (the model's name, or empty),
     * so that the title follows View ▸ Language.
     */
    public record Shown(Setup setup, Workspace workspace, Supplier<String> title) {
        /** No title: the numbers are not a model's. */
        public static final Supplier<String> UNTITLED = () -> "";
    }

    /**
     * One undoable step. Doing it shows {@code after} (when the set-up changed) and then applies {@code edit} (when a
     * value changed); undoing it applies the edit's inverse and shows {@code before}.
     */
    public record Step(Edit edit, Shown before, Shown after) {
        public Step {
            if (edit == null && (before == null || after == null)) {
                throw new IllegalArgumentException("a step changes a value, the set-up, or both");
            }
        }

        /** The numbers this step keeps alive that are not on show after it. */
        long kept() {
            return before != null && after != null && before.workspace() != after.workspace()
                    ? before.workspace().values() : 0;
        }
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final long maxValues;

    public EditHistory() {
        this(MAX_VALUES);
    }

    EditHistory(long maxValues) {
        this.maxValues = maxValues;
    }

    public void done(Step s) {
        undo.push(s);
        redo.clear();
        forgetOld();
    }

    /** The step to undo (the caller applies the inverse of its edit, then shows {@code before}), or null. */
    public Step undo() {
        if (undo.isEmpty()) {
            return null;
        }
        Step s = undo.pop();
        redo.push(s);
        return s;
    }

    /** The step to do again (the caller shows {@code after}, then applies its edit), or null. */
    public Step redo() {
        if (redo.isEmpty()) {
            return null;
        }
        Step s = redo.pop();
        undo.push(s);
        return s;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** How many steps can be undone. */
    public int depth() {
        return undo.size();
    }

    /** Drops the oldest steps while they keep more than the limit; the newest step always stays. */
    private void forgetOld() {
        long total = 0;
        for (Step s : undo) {
            total += s.kept();
        }
        while (total > maxValues && undo.size() > 1) {
            Iterator<Step> oldest = undo.descendingIterator();
            total -= oldest.next().kept();
            oldest.remove();
        }
    }
}
