package org.lstmlab.ui.training;

import java.util.List;

/** How a plot's y axis is scaled. */
public enum PlotScale {
    LINEAR,
    LOGARITHMIC,
    /**
     * Logarithmic when every value is above 0 and the largest is at least {@value #DECADES} decades above the
     * smallest.
     */
    AUTOMATIC;

    /** Decades the values must span for {@link #AUTOMATIC} to choose a logarithmic axis. */
    public static final int DECADES = 2;

    /** Whether the axis is logarithmic for these values (NaN and infinities are ignored). */
    public boolean logarithmic(List<double[]> values) {
        if (this != AUTOMATIC) {
            return this == LOGARITHMIC;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] vs : values) {
            for (double v : vs) {
                if (Double.isFinite(v)) {
                    if (v <= 0) {
                        return false;
                    }
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > 0 && hi >= lo * Math.pow(10, DECADES);
    }
}
