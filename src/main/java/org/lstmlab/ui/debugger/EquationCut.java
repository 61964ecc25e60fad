package org.lstmlab.ui.debugger;

/**
 * Where presenter mode's equation pane ends, and where it is scrolled to, without a toolkit. The pane shows its
 * content from the top (where the cursor stands, the equation's heading, then its lines), or, when that leaves no
 * room for the result, from the equation's heading; it holds at least the heading and the lines of the equation's
 * result, taking the room from the diagram down to its least size, and a pane that cannot hold all of its content
 * ends under a whole line, never across one (at 200 % on 1024 × 768 the teacher saw half a line at its edge, and the
 * heading had scrolled out of sight).
 *
 * @param top    how far down the content the pane is scrolled, in its pixels
 * @param height the pane's height
 */
record EquationCut(double top, double height) {
    /** The substitution's font size in presenter mode, and its compact one (the style sheet's), in CSS pixels. */
    static final double TOKEN = 24;
    static final double COMPACT_TOKEN = 18;

    /**
     * Whether the substitution takes its compact size: when its result does not fit even with the pane scrolled to
     * the heading, and the compact numbers are still {@link #TOKEN} px high on the screen at this {@code zoom} (at
     * 200 % on 1024 × 768 the result's last line was out of sight; there they are 36 px).
     */
    static boolean compact(double must, double heading, double most, double zoom) {
        return must - heading > most && COMPACT_TOKEN * zoom >= TOKEN - 1e-9;
    }

    /**
     * The cut of a pane that the fitting gives {@code fitted}, and that may take up to {@code most} (the diagram
     * keeping its least height).
     *
     * @param must    the bottom of the equation's result, as {@code bottoms} are
     * @param heading the top of the equation's heading in the content (where the pane may be scrolled to)
     * @param wanted  the height that shows all the content (with its padding below); a pane as high holds it all
     * @param bottoms the lines' bottoms in the content, from the top, in order, each with the pane's insets added
     */
    static EquationCut of(double fitted, double most, double must, double heading, double wanted, double[] bottoms) {
        double top = must > most ? heading : 0;  // the equation's heading and as much of its result as fits
        double h = Math.max(fitted, Math.min(must - top, most));
        if (h >= wanted - top) {
            return new EquationCut(top, wanted - top);
        }
        double cut = 0;
        for (double b : bottoms) {
            if (b - top <= h + 0.5) {
                cut = Math.max(cut, b - top);
            }
        }
        return new EquationCut(top, cut > 0 ? Math.ceil(cut) : h);
    }
}
