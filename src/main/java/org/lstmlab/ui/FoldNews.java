package org.lstmlab.ui;

/**
 * What the status bar says about the folded side panel, kept apart from the bar's text: the Debugger tab's side
 * panel folds (a narrow window, a zoom, a docked lesson), the bar says why; the reason gives way to the default hint
 * when the panel comes back or another tab shows, and returns with the Debugger tab when nothing else was said
 * meanwhile. Presenter mode hides the panel anyway and says so itself.
 */
final class FoldNews {
    /** What the status bar's message is: the default hint, the folded panel's reason, or anything else. */
    enum Said { HINT, FOLDED, OTHER }

    private Said showing = Said.OTHER;

    /** The bar now says {@code what}. */
    void said(Said what) {
        showing = what;
    }

    /** The rule folded the panel ({@code folds}) or unfolded it: what the bar should say now, or null to keep it. */
    Said onFold(boolean folds, boolean presenting, boolean onDebugger) {
        if (folds && !presenting && onDebugger) {
            return Said.FOLDED;
        }
        return !folds && showing == Said.FOLDED ? Said.HINT : null;
    }

    /** Another tab was chosen: what the bar should say now, or null to keep it. */
    Said onTab(boolean onDebugger, boolean folds, boolean presenting) {
        if (!onDebugger && showing == Said.FOLDED) {
            return Said.HINT;
        }
        return onDebugger && folds && !presenting && showing == Said.HINT ? Said.FOLDED : null;
    }
}
