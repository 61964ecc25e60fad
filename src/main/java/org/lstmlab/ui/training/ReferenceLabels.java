package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a plot writes the names of its dashed reference lines (a threshold, a naive predictor's value), in pixels,
 * downwards: beside its line, above or under it, at the plot's right or left end, wherever the name lies on neither the
 * plotted series nor another name. Before, every name stood above its line at the right end, where a validation error
 * that falls towards its threshold ends: over the last points ("repeating th…" across the curve).
 *
 * <p>Each line in turn tries the places its name can take (right or left end, above or under the line, beside it or up
 * to two names' heights away; stacked against a name already placed when two lines lie a few pixels apart) and takes
 * the one that costs least: any overlap with a name placed before counts most, then each pixel of the series under the
 * name (a dot more), then its own line through the name, then another dashed line between the name and its own (the
 * name would be read as that line's), then another line through the name, then the distance from its own line; a name
 * near the series (closer than {@value #CLEAR} px) costs more the closer it is, so it goes to the end where the series
 * is farthest from its line, but a pixel farther from its line costs more than a pixel nearer the series, so that a
 * name over a series that runs along its line stands just clear of the series instead of floating above it. The plot
 * leaves a name's room beyond its outermost lines ({@link PlotRange#roomForNames}). Names stay inside the plot.
 *
 * <p>Before anything else, even an overlap of names, a name stays within ¾ of its height of its line, other names
 * stacked between them aside ({@link #detachment}): a name nearly as wide as the plot (the random walk's naive
 * forecast, in Chinese) over a series that runs along its line found no place just over it and stood two heights up,
 * at the plot's top, read as the name of the grid line there; now it stands under the other name, next to its line.
 */
final class ReferenceLabels {
    /** Closer to the series than this, in pixels, a name costs more. */
    static final double CLEAR = 12;
    /** From the plot's left and right edges to a name. */
    static final double INSET = 4;
    /** The cost of each pixel between a name and its line. */
    private static final double AWAY = 1.5;
    /**
     * The cost of a name that meets the series at all, besides its cost per pixel: a name that clips the corner of a
     * curve costs more than one stacked under another name next to its line.
     */
    private static final double CROSSED = 50;
    /** The cost of a name more than ¾ of its height from its line (other names between them aside). */
    private static final double DETACHED = 2000;
    /** A dot's radius, in pixels. */
    private static final double DOT = 3;

    /** A name's box: left, top, width and height in pixels. */
    record Box(double x, double y, double w, double h) {
        double right() {
            return x + w;
        }

        double bottom() {
            return y + h;
        }

        boolean overlaps(Box o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }

        Box grown(double by) {
            return new Box(x - by, y - by, w + 2 * by, h + 2 * by);
        }
    }

    /**
     * A line in pixels: its points' x and y (NaN: a gap, as where a log axis skips a value) and whether they are
     * drawn as dots.
     */
    record Path(double[] x, double[] y, boolean dots) {
    }

    private ReferenceLabels() {
    }

    /**
     * The boxes of the names of lines at {@code lineYs} (NaN: a line not drawn, whose box is null), {@code widths}
     * wide and {@code height} high, in the plot [left, right] × [top, bottom] over {@code series}.
     */
    static Box[] place(double left, double right, double top, double bottom, List<Path> series, double[] lineYs,
                       double[] widths, double height) {
        Box[] out = new Box[lineYs.length];
        List<Box> placed = new ArrayList<>();
        for (int i = 0; i < lineYs.length; i++) {
            if (Double.isNaN(lineYs[i])) {
                continue;
            }
            Box best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (Box c : candidates(left, right, lineYs[i], widths[i], height, placed)) {
                if (c.y() < top - 0.5 || c.bottom() > bottom + 0.5) {
                    continue;
                }
                double cost = cost(c, i, lineYs, series, placed);
                if (cost < bestCost - 1e-9) {
                    best = c;
                    bestCost = cost;
                }
            }
            if (best == null) {  // a plot lower than a name: at the right end, as high as it goes
                best = new Box(right - INSET - widths[i], top, widths[i], height);
            }
            out[i] = best;
            placed.add(best);
        }
        return out;
    }

    /**
     * Right then left; above then under the line, then a quarter of a name's height farther at a time, up to two
     * heights away (over a series that runs along the line); then against each name already placed.
     */
    private static List<Box> candidates(double left, double right, double y, double w, double h, List<Box> placed) {
        double[] xs = w >= right - left - 2 * INSET ? new double[] {left + INSET}
                : new double[] {right - INSET - w, left + INSET};
        List<Box> out = new ArrayList<>();
        for (int shift = 0; shift <= 8; shift++) {
            for (double x : xs) {
                out.add(new Box(x, y - 1 - h - shift * h / 4, w, h));
                out.add(new Box(x, y + 1 + shift * h / 4, w, h));
            }
        }
        for (Box p : placed) {
            for (double x : xs) {
                out.add(new Box(x, p.y() - 1 - h, w, h));
                out.add(new Box(x, p.bottom() + 1, w, h));
            }
        }
        return out;
    }

    private static double cost(Box b, int line, double[] lineYs, List<Path> series, List<Box> placed) {
        double cost = 0;
        for (Box p : placed) {
            if (b.overlaps(p)) {
                cost += 1000;
            }
        }
        double clearance = CLEAR;
        for (Path s : series) {
            double under = under(b, s);
            cost += 10 * under + (under > 0 ? CROSSED : 0);
            clearance = Math.min(clearance, distance(b, s));
        }
        cost += CLEAR - clearance;
        double own = lineYs[line];
        if (own > b.y() + 1 && own < b.bottom() - 1) {
            cost += 100;  // struck through by its own line: the dashes run through the letters
        }
        for (int j = 0; j < lineYs.length; j++) {
            if (j == line || Double.isNaN(lineYs[j])) {
                continue;
            }
            if (lineYs[j] > b.y() && lineYs[j] < b.bottom()) {
                cost += 40;   // struck through by another line: hard to read, and whose is it?
            } else if (lineYs[j] > Math.min(own, b.y()) && lineYs[j] < Math.max(own, b.bottom())) {
                cost += 50;   // another line between the name and its own: read as that one's
            }
        }
        // each pixel away from its line costs more than a pixel nearer the series gains: a name over a series that runs
        // along its line stands just clear of it, not a clearance farther up, floating over nothing
        cost += AWAY * Math.max(0, Math.max(b.y() - own, own - b.bottom()) - 1);
        if (detachment(b, own, placed) > 0.75 * b.h() + 1) {
            cost += DETACHED;   // read as the name of a grid line or of nothing: worse than a name on the series
        }
        return cost;
    }

    /**
     * The pixels between a name and its line that no other name fills: a name stacked under (or over) another one
     * that stands next to the line is next to it too.
     */
    static double detachment(Box b, double line, List<Box> others) {
        double gap = Math.max(0, Math.max(b.y() - line, line - b.bottom()));
        for (Box o : others) {
            boolean between = b.y() > line ? o.y() >= line - 1 && o.bottom() <= b.y() + 1
                    : o.bottom() <= line + 1 && o.y() >= b.bottom() - 1;
            if (o != b && between && o.x() < b.right() && b.x() < o.right()) {
                gap -= o.h();
            }
        }
        return gap;
    }

    /** How much of the series lies under the box: pixels of its line, and 5 for each dot. */
    static double under(Box b, Path s) {
        double pixels = 0;
        Box wide = b.grown(1);
        for (int k = 0; k < s.x().length; k++) {
            if (!finite(s, k)) {
                continue;
            }
            if (s.dots() && circleMeets(b, s.x()[k], s.y()[k])) {
                pixels += 5;
            }
            if (k > 0 && finite(s, k - 1)) {
                pixels += inside(wide, s.x()[k - 1], s.y()[k - 1], s.x()[k], s.y()[k]);
            }
        }
        return pixels;
    }

    /** The least distance from the box to the series (0 where they meet). */
    static double distance(Box b, Path s) {
        double d = Double.POSITIVE_INFINITY;
        for (int k = 0; k < s.x().length; k++) {
            if (!finite(s, k)) {
                continue;
            }
            double point = Math.max(0, pointToBox(b, s.x()[k], s.y()[k]) - (s.dots() ? DOT : 0));
            d = Math.min(d, point);
            if (k > 0 && finite(s, k - 1)) {
                double ax = s.x()[k - 1];
                double ay = s.y()[k - 1];
                if (inside(b, ax, ay, s.x()[k], s.y()[k]) > 0) {
                    return 0;
                }
                for (double[] c : new double[][] {{b.x(), b.y()}, {b.right(), b.y()}, {b.x(), b.bottom()},
                        {b.right(), b.bottom()}}) {
                    d = Math.min(d, pointToSegment(c[0], c[1], ax, ay, s.x()[k], s.y()[k]));
                }
            }
        }
        return d;
    }

    private static boolean finite(Path s, int k) {
        return k < s.y().length && Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k]);
    }

    private static boolean circleMeets(Box b, double x, double y) {
        return pointToBox(b, x, y) < DOT;
    }

    private static double pointToBox(Box b, double x, double y) {
        double dx = Math.max(Math.max(b.x() - x, 0), x - b.right());
        double dy = Math.max(Math.max(b.y() - y, 0), y - b.bottom());
        return Math.hypot(dx, dy);
    }

    private static double pointToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    /**
     * The length of the segment from (ax, ay) to (bx, by) inside the box (Liang and Barsky's clipping); a segment
     * that only touches it counts as a hair, so that touching is told from missing.
     */
    static double inside(Box b, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {ax - b.x(), b.right() - ax, ay - b.y(), b.bottom() - ay};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return 0;
                }
            } else {
                double t = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t0 > t1 ? 0 : Math.max(1e-6, (t1 - t0) * Math.hypot(dx, dy));
    }
}
