package org.lstmlab.ui.debugger;

/**
 * How large the debugger draws its diagrams. Cells beside the main one are drawn at the zoom's size and wrap below
 * it rather than shrink (their numbers stay readable); the main cell alone fits its pane, shrinking to no less than
 * {@link #SMALLEST} on a small screen and, in presenter mode, growing to fill the pane.
 */
final class DiagramFit {
    /** The least the main diagram shrinks to on a small screen; below it the pane scrolls. */
    static final double SMALLEST = 0.6;

    private DiagramFit() {
    }

    /**
     * The scale of the diagrams in a {@code width × height} pane for drawings of natural size {@code w × h}.
     *
     * @param alone      whether the main cell is the only one (no cells beside it)
     * @param presenting presenter mode: the lone diagram grows to fill the pane
     */
    static double scale(double width, double height, double w, double h, boolean alone, boolean presenting) {
        if (!alone || width <= 0 || height <= 0 || w <= 0 || h <= 0) {
            return 1;
        }
        double fit = Math.min(width / w, height / h);
        return presenting ? Math.max(1, fit) : Math.max(SMALLEST, Math.min(1, fit));
    }
}
