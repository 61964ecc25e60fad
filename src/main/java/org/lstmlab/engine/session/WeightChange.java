package org.lstmlab.engine.session;

import java.util.List;

import org.lstmlab.engine.nn.Param;

/**
 * How far the weights moved since the last look: ‖w − w₀‖ / ‖w₀‖ over every weight of the model, w₀ the weights at
 * the last look. A learning rate far too small shows as a ratio near 0 while the loss stays flat; a flat loss with a
 * healthy ratio has another cause. It keeps one copy of the weights.
 */
final class WeightChange {
    private final double[][] before;

    WeightChange(List<Param> params) {
        before = new double[params.size()][];
        for (int i = 0; i < before.length; i++) {
            before[i] = params.get(i).data().clone();
        }
    }

    /**
     * ‖w − w₀‖ / ‖w₀‖ since the last call (or since construction), then remembers the weights as they are now.
     * NaN when w₀ was all zero or a weight is not finite.
     */
    double measure(List<Param> params) {
        double moved = 0;
        double size = 0;
        for (int i = 0; i < before.length; i++) {
            double[] now = params.get(i).data();
            double[] was = before[i];
            for (int j = 0; j < was.length; j++) {
                double d = now[j] - was[j];
                moved += d * d;
                size += was[j] * was[j];
            }
            System.arraycopy(now, 0, was, 0, was.length);
        }
        double ratio = Math.sqrt(moved / size);
        return Double.isFinite(ratio) ? ratio : Double.NaN;
    }
}
