package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

/**
 * How the gradient plot lays out its legend, so that it covers no data: in a band above the plot, outside its frame,
 * its entries side by side while they fit (in a corner of the plot, a companion's curves ran under it, and the
 * cursor line crossed it). Pure geometry: the caller measures the entries and draws.
 */
final class LegendPlace {
    /** Between two entries side by side. */
    static final double GAP = 12;

    /** A rectangle: left, top, width, height. */
    record Box(double x, double y, double w, double h) {
    }

    private LegendPlace() {
    }

    /**
     * The entries (each {w, h}) laid out in rows no wider than {@code room}, side by side while they fit: each
     * entry's top-left corner relative to the legend's, and last the legend's width and height.
     */
    static List<double[]> flow(List<double[]> sizes, double room) {
        List<double[]> out = new ArrayList<>();
        double x = 0;
        double y = 0;
        double row = 0;
        double wide = 0;
        for (double[] s : sizes) {
            if (x > 0 && x + s[0] > room) {
                x = 0;
                y += row;
                row = 0;
            }
            out.add(new double[] {x, y});
            wide = Math.max(wide, x + s[0]);
            x += s[0] + GAP;
            row = Math.max(row, s[1]);
        }
        out.add(new double[] {wide, y + row});
        return out;
    }
}
