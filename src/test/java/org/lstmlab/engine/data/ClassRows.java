package org.lstmlab.engine.data;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * CSV rows whose label is a fixed function of the recent inputs, for the tests of class targets: readings {@code a}
 * and {@code b} drawn uniformly from [-1, 1], and the label of row t "walking" when a[t] + a[t-1] > 0.6, else
 * "running" when b[t] > 0.5, else "sitting" (about 24 %, 19 % and 57 % of the rows). A window of two rows or more
 * holds all it takes; no single reading does.
 */
public final class ClassRows {
    private ClassRows() {
    }

    /** The label of row {@code t} from the readings. */
    public static String label(double[] a, double[] b, int t) {
        return t > 0 && a[t] + a[t - 1] > 0.6 ? "walking" : b[t] > 0.5 ? "running" : "sitting";
    }

    /** {@code rows} rows of {@code time,a,b,activity}, from {@code seed}. */
    public static String csv(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[rows];
        double[] b = new double[rows];
        StringBuilder sb = new StringBuilder("time,a,b,activity\n");
        for (int t = 0; t < rows; t++) {
            a[t] = rng.nextDouble(-1, 1);
            b[t] = rng.nextDouble(-1, 1);
            sb.append(String.format(Locale.ROOT, "t%d,%.4f,%.4f,%s%n", t, a[t], b[t], label(a, b, t)));
        }
        return sb.toString();
    }

    /** {@code rows} rows of {@code temp,open}: a door open (1) at temperatures 24 to 26, shut (0) at 20 to 23. */
    public static String door(int rows) {
        StringBuilder sb = new StringBuilder("temp,open\n");
        for (int r = 0; r < rows; r++) {
            sb.append(20 + r % 7).append(',').append(r % 7 > 3 ? 1 : 0).append('\n');
        }
        return sb.toString();
    }
}
