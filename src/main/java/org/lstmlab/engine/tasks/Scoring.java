package org.lstmlab.engine.tasks;

import org.lstmlab.engine.train.Evaluation;

/** Accuracy rules shared by several tasks. */
public final class Scoring {
    private Scoring() {
    }

    /** Fraction of sigmoid outputs on the right side of 0.5, over every output of every sample. */
    public static double binaryAccuracy(Evaluation e) {
        long right = 0;
        long total = 0;
        for (int i = 0; i < e.samples().size(); i++) {
            double[] p = e.predictions().get(i);
            double[] y = e.samples().get(i).target();
            int off = y.length - p.length;
            for (int j = 0; j < p.length; j++) {
                if ((p[j] > 0.5) == (y[off + j] > 0.5)) {
                    right++;
                }
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) right / total;
    }

    /** Fraction of softmax rows (of {@code classes} probabilities each) whose largest is the target class. */
    public static double classAccuracy(Evaluation e, int classes) {
        long right = 0;
        long total = 0;
        for (int i = 0; i < e.samples().size(); i++) {
            double[] p = e.predictions().get(i);
            int[] c = e.samples().get(i).classes();
            int rows = p.length / classes;
            for (int r = 0; r < rows; r++) {
                if (argmax(p, r * classes, classes) == c[c.length - rows + r]) {
                    right++;
                }
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) right / total;
    }

    /** Index of the largest of {@code n} values from {@code off}. */
    public static int argmax(double[] p, int off, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (p[off + k] > p[off + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Fraction of samples whose every output is within {@code tolerance} of its target (regression tasks). */
    public static double withinTolerance(Evaluation e, double tolerance) {
        long right = 0;
        for (int i = 0; i < e.samples().size(); i++) {
            double[] p = e.predictions().get(i);
            double[] y = e.samples().get(i).target();
            int off = y.length - p.length;
            boolean ok = true;
            for (int j = 0; j < p.length && ok; j++) {
                ok = Math.abs(p[j] - y[off + j]) < tolerance;
            }
            if (ok) {
                right++;
            }
        }
        return e.samples().isEmpty() ? Double.NaN : (double) right / e.samples().size();
    }

    /**
     * Fraction of samples whose every scored step is right: for each step {@code t} with {@code scored[t]}, the
     * largest of the {@code classes} probabilities is the target class. {@code scored} null scores every step.
     */
    public static boolean sequenceArgmaxCorrect(double[] p, int[] target, int classes, boolean[] scored) {
        int rows = p.length / classes;
        int off = target.length - rows;
        for (int r = 0; r < rows; r++) {
            if ((scored == null || scored[r]) && argmax(p, r * classes, classes) != target[off + r]) {
                return false;
            }
        }
        return true;
    }
}
