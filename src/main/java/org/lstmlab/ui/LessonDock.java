package org.lstmlab.ui;

/**
 * How the debugger and a lesson docked beside it share the window, without a toolkit: where the lesson's divider
 * stands.
 *
 * <p>The lesson's divider is remembered for the session: a lesson opened again, or reopened in the other
 * language, keeps the width the user dragged it to.
 */
final class LessonDock {
    /** Where the divider stands the first time a lesson docks: the debugger gets 62 % of the window. */
    static final double DEFAULT_DIVIDER = 0.62;
    /** The divider positions kept: the debugger keeps at least 30 % and the lesson at least 15 %. */
    static final double MIN_DIVIDER = 0.30;
    static final double MAX_DIVIDER = 0.85;

    private double divider = DEFAULT_DIVIDER;

    /** Where the lesson's divider goes when a lesson docks: the last position the user left it at this session. */
    double divider() {
        return divider;
    }

    /** Remembers the divider's position; one outside {@link #MIN_DIVIDER} to {@link #MAX_DIVIDER} is clamped. */
    void rememberDivider(double position) {
        if (Double.isFinite(position)) {
            divider = Math.max(MIN_DIVIDER, Math.min(MAX_DIVIDER, position));
        }
    }
}
