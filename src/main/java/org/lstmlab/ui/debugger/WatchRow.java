package org.lstmlab.ui.debugger;

/**
 * A watch as the list shows it: its text, its value at the cursor (or why there is none) and its series over time,
 * of which its sparkline draws the steps computed at the cursor only.
 *
 * @param series the value at every timestep of the cursor's layer, or null until the worker has computed it
 * @param from   the first step of the series computed at the cursor ({@link Watch#computedSteps})
 * @param to     the step after the last one computed at the cursor
 */
public record WatchRow(Watch watch, String value, boolean pending, double[] series, int from, int to) {
}
