package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the gradient plot puts its legend so that it covers no data: inside the plot, in the first corner (top left,
 * top right, bottom left, bottom right) that no curve passes through, with its entries one under another; when every
 * corner has data (a narrow plot beside a lesson, where the legend is as wide as the plot), in a band above the plot,
 * its entries side by side while they fit. Pure geometry: the caller measures the entries and draws.
 */
final class LegendPlace {
    /** Between the legend and the plot's frame, and between two entries side by side. */
    static final double INSET = 4;
    static final double GAP = 12;

    /** A rectangle: left, top, width, height. */
    record Box(double x, double y, double w, double h) {
        double right() {
            return x + w;
        }

        double bottom() {
            return y + h;
        }

        /** Whether the segment from (x0, y0) to (x1, y1) (a point when they are equal) touches the box. */
        boolean touches(double x0, double y0, double x1, double y1) {
            double t0 = 0;
            double t1 = 1;
            double dx = x1 - x0;
            double dy = y1 - y0;
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {x0 - x, right() - x0, y0 - y, bottom() - y0};
            for (int k = 0; k < 4; k++) {   // Liang–Barsky: clip the segment to the box
                if (p[k] == 0) {
                    if (q[k] < 0) {
                        return false;
                    }
                } else {
                    double r = q[k] / p[k];
                    if (p[k] < 0) {
                        t0 = Math.max(t0, r);
                    } else {
                        t1 = Math.min(t1, r);
                    }
                }
            }
            return t0 <= t1;
        }
    }

    private LegendPlace() {
    }

    /**
     * The first corner of {@code plot} where a {@code w × h} legend touches none of the {@code paths} (each the
     * x, y pairs of a run of one curve, a lone point as one pair), kept {@code clear} px away from them (half a
     * line's width or a dot's); null when every corner has data or the legend does not fit.
     */
    static Box corner(Box plot, double w, double h, List<double[]> paths, double clear) {
        if (w + 2 * INSET > plot.w() || h + 2 * INSET > plot.h()) {
            return null;
        }
        double[] xs = {plot.x() + INSET, plot.right() - INSET - w};
        double[] ys = {plot.y() + INSET, plot.bottom() - INSET - h};
        for (double y : ys) {
            for (double x : xs) {
                Box b = new Box(x - clear, y - clear, w + 2 * clear, h + 2 * clear);
                if (paths.stream().noneMatch(p -> crosses(b, p))) {
                    return new Box(x, y, w, h);
                }
            }
        }
        return null;
    }

    private static boolean crosses(Box b, double[] path) {
        if (path.length == 2) {
            return b.touches(path[0], path[1], path[0], path[1]);
        }
        for (int k = 0; k + 3 < path.length; k += 2) {
            if (b.touches(path[k], path[k + 1], path[k + 2], path[k + 3])) {
                return true;
            }
        }
        return false;
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

    /** The entries one under another: as {@link #flow}, in a room no wider than the widest. */
    static List<double[]> stack(List<double[]> sizes) {
        List<double[]> out = new ArrayList<>();
        double y = 0;
        double wide = 0;
        for (double[] s : sizes) {
            out.add(new double[] {0, y});
            y += s[1];
            wide = Math.max(wide, s[0]);
        }
        out.add(new double[] {wide, y});
        return out;
    }
}
