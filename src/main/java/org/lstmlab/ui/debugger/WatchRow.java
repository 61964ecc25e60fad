package org.lstmlab.ui.debugger;

/**
 * A watch as the list shows it: its text, its value at the cursor (or why there is none) and its series over time.
 *
 * @param series the value at every timestep of the cursor's layer, or null until the worker has computed it
 */
public record WatchRow(Watch watch, String value, boolean pending, double[] series) {
}
