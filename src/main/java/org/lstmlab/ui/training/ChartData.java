package org.lstmlab.ui.training;

/** Small transformations of snapshot arrays for the plots. */
final class ChartData {
    private ChartData() {
    }

    static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] > 0 ? Math.log10(v[i]) : Double.NaN;
        }
        return out;
    }

    static double[] oneBased(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i + 1;
        }
        return t;
    }
}
