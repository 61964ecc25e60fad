package org.lstmlab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * How the debugger and a lesson docked beside it share the window, without a toolkit: whether the debugger's side
 * panel (set-up, breakpoints, watches, value editor) is folded away, and where the lesson's divider stands.
 *
 * <p>The side panel folds by itself when a lesson is docked or the window is zoomed in, and the debugger is narrower
 * than {@link #NARROW} layout pixels (the lesson sets the debugger up, a teacher zooms in to show the equations, and
 * they need the room), and unfolds by itself when that stops being true. Those are the only moments the rule acts:
 * in between, the user's Side panel button decides, and a panel the user folded stays folded when a lesson docks
 * beside a wide debugger. The width is in
 * layout pixels, after the zoom: at 125 % a 1024-pixel window lays the debugger out in 819 × 0.62.
 *
 * <p>The lesson's divider is remembered for the session: a lesson opened again, or reopened in the other
 * language, finds it where the user dragged it, and the main window puts it back there when the window or the zoom
 * changes.
 */
final class LessonDock {
    /**
     * Below this width the side panel leaves the equations too little room. The panel and the equation column's
     * scroll bar and borders take 346 px; the widest line an LSTM forward step draws, h_t's substitution (564 px at
     * 100 %), needs 594 px inside the equation box's padding and border: 346 + 594 = 940. (At 1024 × 768 with a
     * lesson docked the debugger is 631 px wide, and its column 285 px with the panel, 615 px without.)
     */
    static final double NARROW = 940;
    /** Where the divider stands the first time a lesson docks: the debugger gets 62 % of the window. */
    static final double DEFAULT_DIVIDER = 0.62;
    /** The divider positions kept: the debugger keeps at least 30 % and the lesson at least 15 %. */
    static final double MIN_DIVIDER = 0.30;
    static final double MAX_DIVIDER = 0.85;

    private final BooleanProperty sidePanelShown = new SimpleBooleanProperty(this, "sidePanelShown", true);
    private final ReadOnlyBooleanWrapper ruleFolds = new ReadOnlyBooleanWrapper(this, "ruleFolds");
    private boolean docked;
    private boolean zoomedIn;
    private double width;
    private double divider = DEFAULT_DIVIDER;

    /**
     * Whether the debugger's side panel shows. The rule sets it when its verdict changes; the user's button sets
     * it any time (bind it both ways to the button's state).
     */
    BooleanProperty sidePanelShownProperty() {
        return sidePanelShown;
    }

    /** The rule's verdict: a lesson docked or the zoom leaves a debugger narrower than {@link #NARROW}. */
    ReadOnlyBooleanProperty ruleFoldsProperty() {
        return ruleFolds.getReadOnlyProperty();
    }

    /** A lesson docked beside the tabs (true) or closed (false). */
    void setLessonDocked(boolean on) {
        docked = on;
        decide();
    }

    boolean lessonDocked() {
        return docked;
    }

    /** The window zoomed in above 100 % (true) or not (false). */
    void setZoomedIn(boolean on) {
        zoomedIn = on;
        decide();
    }

    /** The debugger tab's width in layout pixels; zero or less (not laid out yet) is ignored. */
    void setDebuggerWidth(double w) {
        if (w > 0) {
            width = w;
            decide();
        }
    }

    private void decide() {
        boolean folds = (docked || zoomedIn) && width > 0 && width < NARROW;
        if (folds != ruleFolds.get()) {
            ruleFolds.set(folds);
            sidePanelShown.set(!folds);
        }
    }

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
