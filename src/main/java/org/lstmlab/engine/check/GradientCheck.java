package org.lstmlab.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import org.lstmlab.engine.nn.Param;

/**
 * Central finite-difference check of analytic gradients, in float64: for every element,
 * {@code n = (L(p + ε) − L(p − ε)) / 2ε} against the backward pass's {@code a}. An element fails when both
 * {@code |a − n| / (|a| + |n|) > 1e-3} and {@code |a − n| > 1e-8} (the rule DL4J uses for its LSTM checks).
 *
 * <p>The reported worst relative error is taken over elements with {@code |a| + |n| ≥ 1e-5}: below that the
 * finite difference itself is noise (about 1e-10 absolute for a loss of order 1 with ε = 1e-6), and a relative
 * error of two noisy numbers says nothing about the backward pass. Such elements still count as failures under the
 * rule above.
 */
public final class GradientCheck {
    public static final double DEFAULT_EPSILON = 1e-6;
    public static final double MAX_RELATIVE_ERROR = 1e-3;
    public static final double MIN_ABSOLUTE_ERROR = 1e-8;
    /** Gradients smaller than this (|a| + |n|) are not used for the reported worst relative error. */
    public static final double MEASURABLE = 1e-5;

    /** The worst element of one parameter. */
    public record ParamResult(String name, int size, int worstIndex, double analytic, double numeric,
                              double relativeError, int failures) {
    }

    /** All parameters' results. */
    public record Report(List<ParamResult> params, double worstRelativeError, String worstParam, int failures,
                         int checked) {
        public boolean passed() {
            return failures == 0;
        }
    }

    private GradientCheck() {
    }

    /**
     * Checks every element of every parameter.
     *
     * @param loss     computes the loss from the current parameter values (a forward pass)
     * @param backward computes the loss and fills every parameter's gradient (gradients are zeroed before)
     */
    public static Report check(List<Param> params, DoubleSupplier loss, Runnable backward, double eps) {
        return check(params, loss, backward, eps, done -> { });
    }

    /** As {@link #check(List, DoubleSupplier, Runnable, double)}, telling {@code progress} each value checked. */
    public static Report check(List<Param> params, DoubleSupplier loss, Runnable backward, double eps,
                               java.util.function.LongConsumer progress) {
        for (Param p : params) {
            p.zeroGrad();
        }
        backward.run();
        List<double[]> analytic = new ArrayList<>();
        for (Param p : params) {
            analytic.add(p.gradData().clone());
        }
        List<ParamResult> results = new ArrayList<>();
        double worst = 0;
        String worstName = "";
        int failures = 0;
        int checked = 0;
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            double[] v = p.data();
            double[] a = analytic.get(k);
            int worstIndex = -1;
            double worstRel = -1;
            double worstNumeric = 0;
            int paramFailures = 0;
            for (int i = 0; i < v.length; i++) {
                double saved = v[i];
                v[i] = saved + eps;
                double plus = loss.getAsDouble();
                v[i] = saved - eps;
                double minus = loss.getAsDouble();
                v[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double abs = Math.abs(a[i] - numeric);
                double rel = abs / Math.max(Math.abs(a[i]) + Math.abs(numeric), MIN_ABSOLUTE_ERROR);
                boolean fails = !(rel <= MAX_RELATIVE_ERROR || abs <= MIN_ABSOLUTE_ERROR);
                if (fails) {
                    paramFailures++;
                }
                boolean measurable = Math.abs(a[i]) + Math.abs(numeric) >= MEASURABLE;
                if (measurable && rel > worstRel) {
                    worstRel = rel;
                    worstIndex = i;
                    worstNumeric = numeric;
                }
                checked++;
                progress.accept(checked);
            }
            failures += paramFailures;
            double reportedRel = Math.max(worstRel, 0);
            results.add(new ParamResult(p.name(), v.length, worstIndex,
                    worstIndex >= 0 ? a[worstIndex] : 0, worstNumeric, reportedRel, paramFailures));
            if (reportedRel > worst) {
                worst = reportedRel;
                worstName = p.name();
            }
        }
        return new Report(List.copyOf(results), worst, worstName, failures, checked);
    }
}
