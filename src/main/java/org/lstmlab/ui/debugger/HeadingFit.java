package org.lstmlab.ui.debugger;

/**
 * How much presenter mode draws the current equation's formula smaller so that its heading (the equation's name,
 * then the formula) fits the equation pane's width, without a toolkit. Zoomed in to 200 % on 1024 × 768 the GRU's
 * candidate and the backward gradient to h_{t-1} were wider than the pane, and a horizontal scroll bar showed. The
 * formula keeps its size where it fits; else it shrinks to the room the name leaves it, but its letters stay at least
 * {@link #SMALLEST} px high on the screen (presenter mode's smallest text); where even that is too wide, the name
 * gives up its room (its end is cut, an ellipsis shows).
 */
final class HeadingFit {
    /** The smallest letters presenter mode shows on the screen, in screen pixels (its numbers' size at 200 %). */
    static final double SMALLEST = 24;

    private HeadingFit() {
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
