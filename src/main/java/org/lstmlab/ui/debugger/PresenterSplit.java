package org.lstmlab.ui.debugger;

/**
 * Where presenter mode's divider between the equation pane and the diagram stands, without a toolkit: at the
 * height presenter mode fits ({@link DiagramFit#presenterEquationHeight}) until the user drags it, then at the
 * share of the room the user left it at, for the session (through leaving and re-entering presenter mode, and the
 * views a language switch rebuilds), until a double click on the divider gives it back to the fitting.
 */
public final class PresenterSplit {
    /** The least share of the room a drag leaves the equation pane, and the most. */
    static final double LEAST = 0.12;
    static final double MOST = 0.88;

    private double share = Double.NaN;

    /** The equation pane's height out of {@code room}: the dragged share of it, or {@code fitted}. */
    double height(double room, double fitted) {
        return dragged() ? clamp(share) * room : fitted;
    }

    /** Whether the user has dragged the divider (and not given it back to the fitting since). */
    boolean dragged() {
        return !Double.isNaN(share);
    }

    /** The end of a drag: the equation pane is {@code height} high out of {@code room}. */
    void dragTo(double height, double room) {
        if (room > 0 && Double.isFinite(height)) {
            share = clamp(height / room);
        }
    }

    /** Gives the divider back to presenter mode's fitting. */
    void fit() {
        share = Double.NaN;
    }

    /** The least and the most a drag may give the equation pane out of {@code room}. */
    static double least(double room) {
        return LEAST * room;
    }

    static double most(double room) {
        return MOST * room;
    }

    private static double clamp(double s) {
        return Math.max(LEAST, Math.min(MOST, s));
    }
}
