package org.lstmlab.ui.common;

import java.util.Properties;

/**
 * How JavaFX repaints, set before its toolkit starts. A frame repaints the scene inside a few dirty regions; with
 * JavaFX's default of 6, a debugger step (new values under every gate of the diagram, the equations, the
 * substitution, the heatmaps' markers) merges its changes into a few large rectangles, and the software pipeline
 * (virtual machines, remote desktops) repaints everything inside them: the diagram's cached layers, the heatmaps.
 * With JavaFX's most, 15, it repaints little more than what changed. Users and tests can still set their own
 * {@code -Dprism.dirtyregioncount}.
 */
public final class Repaint {
    /** JavaFX's upper bound for {@code prism.dirtyregioncount}. */
    static final int DIRTY_REGIONS = 15;

    private Repaint() {
    }

    /** Sets the app's repaint options in the system properties (call before the JavaFX toolkit starts). */
    public static void beforeToolkit() {
        apply(System.getProperties());
    }

    /** Sets the app's repaint options in {@code properties}, keeping any already set. */
    static void apply(Properties properties) {
        if (properties.getProperty("prism.dirtyregioncount") == null) {
            properties.setProperty("prism.dirtyregioncount", Integer.toString(DIRTY_REGIONS));
        }
    }
}
