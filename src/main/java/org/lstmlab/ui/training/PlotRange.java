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
}
