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
    /** The substitution's font size in presenter mode, in CSS pixels. */
    static final double TOKEN = 24;
    /**
     * Its compact sizes, smaller and smaller (the style sheet's {@code compact} and {@code compact-more}), in CSS
     * pixels: at 200 % on 1024 × 768 the result of the LSTM's output-gate gradient and the GRU's candidate state
     * still needed the scroll bar for their last line at the first; at the second they are 24 px on the screen.
     */
    static final double[] COMPACT = {18, 12};

    /**
     * The compact level after {@code level} (0 for the usual size, k for {@code COMPACT[k - 1]}): the next one when
     * the substitution's result does not fit even with the pane scrolled to the heading, and the next size's numbers
     * are still {@link #TOKEN} px high on the screen at this {@code zoom}; else {@code level} (at 200 % on 1024 × 768
     * the result's last line was out of sight; there the sizes are 36 and 24 px).
     */
    static int compact(double must, double heading, double most, double zoom, int level) {
        boolean next = level < COMPACT.length && COMPACT[level] * zoom >= TOKEN - 1e-9;
        return must - heading > most && next ? level + 1 : level;
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
