package org.lstmlab.ui.training;

/**
 * Counts of values in equal bins between {@code lo} and {@code hi}; immutable once built.
 *
 * @param nonFinite values that were NaN or infinite (not binned)
 */
public record Histogram(double lo, double hi, int[] counts, long nonFinite) {
    public static final Histogram EMPTY = new Histogram(0, 0, new int[0], 0);

    public Histogram {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    /** Bins {@code values} (several arrays, as one) into {@code bins} bins spanning their finite range. */
    public static Histogram of(int bins, double[]... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long bad = 0;
        for (double[] a : values) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                } else {
                    bad++;
                }
            }
        }
        int[] counts = new int[bins];
        if (lo > hi) {
            return new Histogram(0, 0, counts, bad);
        }
        if (hi == lo) {
            hi = lo + 1e-12;
        }
        double scale = bins / (hi - lo);
        for (double[] a : values) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    counts[Math.min(bins - 1, (int) ((v - lo) * scale))]++;
                }
            }
        }
        return new Histogram(lo, hi, counts, bad);
    }
}
