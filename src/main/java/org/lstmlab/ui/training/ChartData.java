package org.lstmlab.ui.training;

/** Small transformations of snapshot arrays for the plots. */
final class ChartData {
    private ChartData() {
    }

    static double[] oneBased(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i + 1;
        }
        return t;
    }
}
