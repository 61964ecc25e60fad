package org.lstmlab.ui.debugger;

/**
 * How much presenter mode draws the current equation's formula smaller so that its heading (the equation's name,
 * then the formula) fits the equation pane's width, without a toolkit. Zoomed in to 200 % on 1024 × 768 the GRU's
 * candidate and the backward gradient to h_{t-1} were wider than the pane, and a horizontal scroll bar showed. The
 * formula keeps its size where it fits; else it shrinks to the room the name leaves it, but its letters stay at least
 * {@link #SMALLEST} px high on the screen (presenter mode's smallest text); where even that is too wide, the name
 * gives up its room (its end is cut, an ellipsis shows). Outside presenter mode at 100 % ({@link #listRow}) a row of
 * the equation list wider than the pane has its name wrapped first, then its formula drawn smaller, never under
 * {@link #LIST_LEAST} of its size: at 100 % on 1024 × 768 the weight-gradient sums of the GRU that resets before the
 * product brought a horizontal scroll bar (a long name beside a formula with its note).
 */
final class HeadingFit {
    /** The smallest letters presenter mode shows on the screen, in screen pixels (its numbers' size at 200 %). */
    static final double SMALLEST = 24;

    /** The least scale of a formula in the equation list outside presenter mode: 12 px letters at 100 %. */
    static final double LIST_LEAST = 0.8;

    private HeadingFit() {
    }

    /**
     * A row of the equation list outside presenter mode: the width its name gets (less than {@code name} where it
     * wraps, never under {@code nameLeast}, the width the names' column keeps) and the scale of its formula.
     *
     * @param name      the name's width on one line
     * @param nameLeast the least width of a name
     * @param formula   the formula's width at its own size
     * @param room      the width the row leaves its name and formula (the pane's, less the row's paddings and gap)
     */
    static double[] listRow(double name, double nameLeast, double formula, double room) {
        if (name + formula <= room || formula <= 0) {
            return new double[] {name, 1};
        }
        double least = Math.min(name, nameLeast);
        double wrapped = Math.max(least, room - formula);
        if (wrapped + formula <= room) {
            return new double[] {wrapped, 1};
        }
        return new double[] {least, Math.max(LIST_LEAST, Math.min(1, (room - least) / formula))};
    }

    /**
     * The scale of the formula, at most 1.
     *
     * @param formula  the formula's width at its own size, in layout pixels
     * @param room     the width the heading leaves the formula, in layout pixels
     * @param fontSize the formula's letter size at its own size, in layout pixels
     * @param zoom     the screen pixels a layout pixel takes (2 at 200 %)
     */
    static double scale(double formula, double room, double fontSize, double zoom) {
        if (formula <= room || formula <= 0) {
            return 1;
        }
        double least = Math.min(1, SMALLEST / (fontSize * zoom));
        return Math.max(least, Math.max(0, room) / formula);
    }
}
