package org.lstmlab.engine.tasks;

import org.lstmlab.engine.data.Sample;
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

    /**
     * The accuracy of always answering the most frequent binary label: over every target value of every sample,
     * the larger of the fractions above and below 0.5.
     */
    public static double majorityBinary(Evaluation e) {
        long positive = 0;
        long total = 0;
        for (int i = 0; i < e.samples().size(); i++) {
            double[] p = e.predictions().get(i);
            double[] y = e.samples().get(i).target();
            for (int j = y.length - p.length; j < y.length; j++) {
                positive += y[j] > 0.5 ? 1 : 0;
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) Math.max(positive, total - positive) / total;
    }

    /** The accuracy of always answering the most frequent class among the last {@code lastTargets} of each sample. */
    public static double majorityClass(Evaluation e, int classes, int lastTargets) {
        long[] counts = new long[classes];
        long total = 0;
        for (Sample s : e.samples()) {
            int[] c = s.classes();
            for (int t = Math.max(0, c.length - lastTargets); t < c.length; t++) {
                counts[c[t]]++;
                total++;
            }
        }
        long best = 0;
        for (long n : counts) {
            best = Math.max(best, n);
        }
        return total == 0 ? Double.NaN : (double) best / total;
    }

    /** The fraction of samples whose every target is within {@code tolerance} of the constant {@code guess}. */
    public static double constantWithinTolerance(Evaluation e, double guess, double tolerance) {
        long right = 0;
        for (Sample s : e.samples()) {
            boolean ok = true;
            for (double y : s.target()) {
                ok &= Math.abs(guess - y) < tolerance;
            }
            right += ok ? 1 : 0;
        }
        return e.samples().isEmpty() ? Double.NaN : (double) right / e.samples().size();
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
