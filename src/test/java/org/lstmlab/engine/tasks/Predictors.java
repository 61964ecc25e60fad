package org.lstmlab.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.train.Evaluation;

/** Hand-made predictors, to check that a criterion passes a perfect model and fails a trivial one. */
final class Predictors {
    private Predictors() {
    }

    static Evaluation evaluate(List<Sample> samples, double loss, Function<Sample, double[]> predictor) {
        List<double[]> p = new ArrayList<>();
        for (Sample s : samples) {
            p.add(predictor.apply(s));
        }
        return new Evaluation(loss, samples, p);
    }

    /** One-hot rows of {@code classes} probabilities at the target classes (every step or the last). */
    static double[] oneHot(int[] targets, int classes, int rows) {
        double[] p = new double[rows * classes];
        int off = targets.length - rows;
        for (int r = 0; r < rows; r++) {
            p[r * classes + targets[off + r]] = 1;
        }
        return p;
    }

    static double[] constant(int n, double v) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, v);
        return p;
    }

    static int[] constantClasses(int n, int c) {
        int[] y = new int[n];
        java.util.Arrays.fill(y, c);
        return y;
    }
}
