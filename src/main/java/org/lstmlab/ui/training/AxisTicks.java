package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lstmlab.ui.common.MinusSign;
import org.lstmlab.ui.common.ScientificNumbers;

/**
 * Readable axes: tick values at 1, 2 or 5 times a power of ten (or at powers of ten on a logarithmic axis) and
 * labels a reader takes in at a glance, such as {@code 0.25}, {@code 4×10⁻⁵} or {@code 10⁻³}, never
 * {@code -3.92e-05}; a value that is rounding noise next to its neighbours is written as 0.
 */
public final class AxisTicks {
    private AxisTicks() {
    }

    /** About {@code target} ticks (at least two) at round values covering [lo, hi]. */
    public static double[] linear(double lo, double hi, int target) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return Double.isFinite(lo) ? new double[] {lo} : new double[0];
        }
        double step = step(lo, hi, target);
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        List<Double> out = new ArrayList<>();
        for (long k = first; k <= last && out.size() < 100; k++) {
            double v = k * step;
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Like {@link #linear}, at whole numbers only: epochs and timesteps have no 1.2. */
    public static double[] whole(double lo, double hi, int target) {
        if (!(hi > lo) || step(lo, hi, target) >= 1) {
            return linear(lo, hi, target);
        }
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lo); k <= (long) Math.floor(hi) && out.size() < 100; k++) {
            out.add((double) k);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The round step (1, 2 or 5 times a power of ten) that gives about {@code target} ticks over [lo, hi]. */
    public static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target - 1);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * p;
    }

    /**
     * Powers of ten within [lo, hi] (both above 0), thinned to at most {@code max} of them; a range that holds
     * fewer than two powers of ten also gets 2 and 5 times them.
     */
    public static double[] log(double lo, double hi, int max) {
        if (!(lo > 0) || !(hi >= lo)) {
            return new double[0];
        }
        int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int b = (int) Math.floor(Math.log10(hi) + 1e-9);
        if (b - a < 1) {
            List<Double> out = new ArrayList<>();
            for (int e = (int) Math.floor(Math.log10(lo)); e <= b + 1; e++) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                        out.add(v);
                    }
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
        int every = Math.max(1, (int) Math.ceil((b - a + 1) / (double) Math.max(1, max)));
        List<Double> out = new ArrayList<>();
        for (int e = a; e <= b; e++) {
            if ((e - a) % every == 0) {
                out.add(Math.pow(10, e));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The ticks of {@link #linear} (about {@code target}) or {@link #log} (at most {@code target}) over [lo, hi],
     * fewer when neighbours would stand less than {@code gap} pixels apart on an axis {@code pixels} long, so that
     * their labels never lie on each other (a chart squeezed to 40 px at 200 %). A linear axis too short for two of
     * those gets two at 2.5 times a power of ten if they fit ({@link #twoApart}); with no room for two, one.
     */
    public static double[] spaced(double lo, double hi, boolean log, int target, double pixels, double gap) {
        double[] ticks = new double[0];
        for (int n = target; n >= 2; n--) {
            double[] next = log ? log(lo, hi, n) : linear(lo, hi, n);
            if (next.length >= 2 && closest(next, lo, hi, log, pixels) >= gap) {
                return next;
            }
            ticks = next.length > 0 ? next : ticks;  // the coarsest that has a tick in the range
        }
        double[] two = log ? new double[0] : twoApart(lo, hi, target, pixels, gap);
        if (two.length >= 2) {
            return two;
        }
        // still too close (a decade's 1, 2 and 5, or no room for two): each next tick far enough from the last kept
        List<Double> kept = new ArrayList<>();
        for (double v : ticks) {
            if (kept.isEmpty() || closest(new double[] {kept.get(kept.size() - 1), v}, lo, hi, log, pixels) >= gap) {
                kept.add(v);
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The finest round step, 1, 2, 2.5 or 5 times a power of ten, that puts at least two and at most {@code target}
     * ticks on [lo, hi] at least {@code gap} pixels apart, and those ticks; none when no step does. The forecast plot
     * of a random walk, 50 px high over [0.55, 1.25], had one tick, "1": its steps of 0.2 were 14.28 px apart where
     * 14.3 were needed, of 0.5 only 1.0 fell in the range; 0.75, 1.0 and 1.25 fit.
     */
    static double[] twoApart(double lo, double hi, int target, double pixels, double gap) {
        if (!(hi > lo) || !(pixels > 0) || !Double.isFinite(hi - lo)) {
            return new double[0];
        }
        double least = gap * (hi - lo) / pixels;
        double p = Math.pow(10, Math.floor(Math.log10(least)));
        for (; p <= hi - lo; p *= 10) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double step = m * p;
                if (step < least * (1 - 1e-9)) {
                    continue;
                }
                long first = (long) Math.ceil(lo / step - 1e-9);
                long last = (long) Math.floor(hi / step + 1e-9);
                if (last > first && last - first < target) {
                    double[] out = new double[(int) (last - first + 1)];
                    for (int k = 0; k < out.length; k++) {
                        double v = (first + k) * step;
                        out[k] = Math.abs(v) < step * 1e-9 ? 0.0 : v;
                    }
                    return out;
                }
            }
        }
        return new double[0];
    }

    /** The smallest distance in pixels between neighbouring {@code ticks}; infinite for fewer than two. */
    private static double closest(double[] ticks, double lo, double hi, boolean log, double pixels) {
        double span = log ? Math.log10(hi / lo) : hi - lo;
        double closest = Double.POSITIVE_INFINITY;
        for (int k = 1; k < ticks.length; k++) {
            double d = log ? Math.log10(ticks[k] / ticks[k - 1]) : ticks[k] - ticks[k - 1];
            closest = Math.min(closest, d / span * pixels);
        }
        return closest;
    }

    /** The label of a tick on an axis whose ticks are {@code step} apart, a negative one with the minus sign −. */
    public static String label(double v, double step) {
        return MinusSign.of(plainLabel(v, step));
    }

    private static String plainLabel(double v, double step) {
        if (Math.abs(v) < Math.abs(step) * 1e-9) {
            return "0";
        }
        double m = Math.max(Math.abs(v), Math.abs(step));
        if (m >= 1e5 || m < 1e-3) {
            return scientific(v);
        }
        return String.format(Locale.ROOT, "%." + decimals(step) + "f", v);
    }

    /**
     * The decimals that write every multiple of {@code step} exactly, at most 6: 1 for 0.2 or 0.1, 2 for 0.25 or
     * 0.05 (before, 0.25's one decimal wrote 0.75 as "0.8"), 0 for 5 or 25; a step that is not round (1/3) gets as
     * many as its first digit needs.
     */
    static int decimals(double step) {
        double a = Math.abs(step);
        int first = Math.min(6, Math.max(0, (int) Math.ceil(-Math.log10(a) - 1e-9)));
        for (int d = first; d <= 6; d++) {
            double scaled = a * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) <= 1e-6 * scaled) {
                return d;
            }
        }
        return first;
    }

    /** The label of a tick on a logarithmic axis: {@code 0.01} to {@code 1000} plainly, else {@code 10⁻⁵}. */
    public static String logLabel(double v) {
        int e = (int) Math.round(Math.log10(v));
        if (Math.abs(v - Math.pow(10, e)) > 1e-9 * v) {
            return number(v);
        }
        if (e >= -2 && e <= 3) {
            return e < 0 ? String.format(Locale.ROOT, "%." + -e + "f", v) : Long.toString(Math.round(v));
        }
        return "10" + ScientificNumbers.superscript(e);
    }

    /**
     * A single value, such as a histogram's end, with three significant digits: {@code 0.0123}, {@code 1.5×10⁻⁶},
     * {@code −0.25} (the minus sign −); values below 1e-12 in size are rounding noise and read 0.
     */
    public static String number(double v) {
        return MinusSign.of(plainNumber(v));
    }

    private static String plainNumber(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        if (a < 1e-12) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-3) {
            return scientific(v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** {@code 3.9×10⁻⁵}: a mantissa of up to three digits and a superscript exponent. */
    static String scientific(double v) {
        int e = (int) Math.floor(Math.log10(Math.abs(v)));
        double mantissa = v / Math.pow(10, e);
        if (Math.abs(Math.round(mantissa * 100) / 100.0) >= 10) {
            e++;
            mantissa = v / Math.pow(10, e);
        }
        String m = String.format(Locale.ROOT, "%.2f", mantissa).replaceAll("0+$", "").replaceAll("\\.$", "");
        return (m.equals("1") ? "" : m.equals("-1") ? "-" : m + "×") + "10" + ScientificNumbers.superscript(e);
    }
}
