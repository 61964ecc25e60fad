package org.lstmlab.ui.training;

import java.util.List;

/** The range a plot axis shows for its values. */
final class PlotRange {
    private PlotRange() {
    }

    /**
     * Min and max of the finite values (above 0 on a logarithmic axis), or the fixed range when {@code min} is not
     * NaN. An empty set shows [0, 1] (or [0.1, 1] on a log axis); a single value gets room around it; on a linear
     * axis a range that is rounding noise around 0 shows as [-1, 1] rather than as ±10⁻¹⁶.
     */
    static double[] of(List<double[]> values, boolean log, double min, double max) {
        if (!Double.isNaN(min)) {
            return new double[] {min, max};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] vs : values) {
            for (double v : vs) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return log ? new double[] {0.1, 1} : new double[] {0, 1};
        }
        if (log) {
            return hi / lo < 10 ? new double[] {lo / Math.sqrt(10), hi * Math.sqrt(10)} : new double[] {lo, hi};
        }
        double size = Math.max(Math.abs(lo), Math.abs(hi));
        if (size < 1e-12) {
            return new double[] {-1, 1};
        }
        if (hi - lo < 1e-9 * size) {
            double pad = Math.max(0.5 * size, 1e-12);
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }

    /**
     * {@code range} widened so that a dashed reference line at one of {@code lines} has room for its name on the far
     * side from the plot's other lines: a line within {@code room} pixels of the plot's bottom (or top) edge, of {@code
     * pixels}, moves the edge away until it is {@code room} pixels from it. Two close lines at the bottom of the range
     * (a random walk's naive forecast and, 5 % under it, the threshold) then have their names one above the upper line
     * and one under the lower line, each next to its own; before, there was no room under the lower line, and both
     * names stood above, one struck through by the upper line, the other floating over it. Lines closer than a name's
     * room get two names' room (see {@link #names}), so that the upper one's name can stand under the lower one's where
     * the series leaves no room above. The values are the axis's (log10 of them on a logarithmic axis); a fixed range
     * ({@code fixed}) is kept.
     */
    static double[] roomForNames(double[] range, double[] lines, double pixels, double room, boolean fixed) {
        double lo = range[0];
        double hi = range[1];
        if (fixed || pixels <= 3 * room || !(hi > lo)) {
            return range;
        }
        double[] in = java.util.Arrays.stream(lines).filter(v -> Double.isFinite(v) && v >= range[0] && v <= range[1])
                .sorted().toArray();
        if (in.length == 0) {
            return range;
        }
        double low = in[0];
        double high = in[in.length - 1];
        for (int pass = 0; pass < 4; pass++) {   // widening one end narrows the other's gap a little: again
            double under = room * names(in[0], in.length > 1 ? in[1] : Double.NaN, pixels / (hi - lo), room);
            // two names' room at both ends only on a tall plot, with at least three lines (two close pairs)
            double over = room * names(in[in.length - 1], in.length > 2 && pixels > 6 * room ? in[in.length - 2]
                    : Double.NaN, pixels / (hi - lo), room);
            if ((low - lo) * pixels < under * (hi - lo) - 1e-9 * (hi - lo)) {
                lo = (low * pixels - under * hi) / (pixels - under);
            }
            if ((hi - high) * pixels < over * (hi - lo) - 1e-9 * (hi - lo)) {
                hi = (high * pixels - over * lo) / (pixels - over);
            }
        }
        return new double[] {Math.min(range[0], lo), Math.max(range[1], hi)};
    }

    /**
     * How many names need room beyond the outermost line at {@code edge}: two when the next line ({@code next}) is
     * closer to it than a name's room ({@code scale}: pixels per unit), since the two names then cannot both stand
     * between the lines (the character model's baseline and threshold on the poem, 9 px apart); one otherwise.
     */
    private static int names(double edge, double next, double scale, double room) {
        return Double.isFinite(next) && Math.abs(next - edge) * scale < room ? 2 : 1;
    }
}
