package org.lstmlab.engine.session;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Checkup.Finding;
import org.lstmlab.engine.session.Checkup.Sign;
import org.lstmlab.engine.text.Message;

/**
 * The checkup's signs that a probe batch shows layer by layer: saturated gates and a gradient that vanishes before
 * it reaches t = 1. Every layer is judged; a sign names the layer that shows it most and, in a stack, gives the
 * value of every layer from the input up, so that a second layer that saturates is told apart from the first.
 * Layers are numbered from 0, as the gradient chart's legend, the debugger and PyTorch's weight_ih_l0 number them.
 */
final class LayerSigns {
    private LayerSigns() {
    }

    /** The saturation and vanishing signs of {@code layers} (the input's first; null or empty: none). */
    static List<Finding> judge(List<GradientReach.Measure> layers, CellType cell, String lr) {
        List<Finding> out = new ArrayList<>();
        if (layers == null || layers.isEmpty()) {
            return out;
        }
        int n = layers.size();
        int worst = -1;
        for (int k = 0; k < n; k++) {
            double s = layers.get(k).saturated();
            if (s >= Checkup.SATURATED_MOST && (worst < 0 || s > layers.get(worst).saturated())) {
                worst = k;
            }
        }
        boolean saturated = worst >= 0;
        boolean rnn = cell.isSimpleRnn();  // no gates: what saturates in it is its tanh hidden state
        if (saturated) {
            String share = Checkup.percent(layers.get(worst).saturated());
            Message text = n == 1 ? Message.of(rnn ? "engine.checkup.saturated.rnn" : "engine.checkup.saturated", share)
                    : Message.of(rnn ? "engine.checkup.saturated.layer.rnn" : "engine.checkup.saturated.layer", share,
                    String.valueOf(worst), String.valueOf(n - 1), list(layers, true));
            out.add(new Finding(Sign.SATURATED, text, Message.of(rnn ? "engine.checkup.saturated.advice.rnn"
                    : "engine.checkup.saturated.advice", lr), "checkup"));
        }
        int vanished = -1;
        double lowest = Checkup.VANISHED;
        for (int k = 0; k < n; k++) {
            double r = ratio(layers.get(k).reach());
            if (r < lowest) {
                lowest = r;
                vanished = k;
            }
        }
        if (vanished >= 0) {
            double[] reach = layers.get(vanished).reach();
            String ratio = Checkup.num(lowest);
            String top = String.valueOf(top(reach) + 1);
            Message text = n == 1 ? Message.of("engine.checkup.vanishing", ratio, top)
                    : Message.of("engine.checkup.vanishing.layer", ratio, top, String.valueOf(vanished),
                    String.valueOf(n - 1), list(layers, false));
            String advice;
            if (saturated) {  // lost in the saturated units, not in the length
                advice = rnn ? "engine.checkup.vanishing.saturated.rnn" : "engine.checkup.vanishing.saturated";
            } else {
                advice = rnn ? "engine.checkup.vanishing.rnn" : "engine.checkup.vanishing.gated";
            }
            out.add(new Finding(Sign.VANISHING, text, Message.of(advice, String.valueOf(reach.length)),
                    "vanishing-gradient"));
        }
        return out;
    }

    /** Whether a layer has at least {@link Checkup#SATURATED_MOST} of its gate values saturated. */
    static boolean anySaturated(List<GradientReach.Measure> layers) {
        return layers != null && layers.stream().anyMatch(m -> m.saturated() >= Checkup.SATURATED_MOST);
    }

    /** The gradient reaching t = 1 as a fraction of the largest one; NaN when it cannot be told. */
    static double ratio(double[] reach) {
        if (reach == null || reach.length < 2) {
            return Double.NaN;
        }
        double largest = reach[top(reach)];
        double r = reach[0] / largest;
        return largest > 0 && Double.isFinite(r) ? r : Double.NaN;
    }

    private static int top(double[] reach) {
        int top = 0;
        for (int t = 1; t < reach.length; t++) {
            top = reach[t] > reach[top] ? t : top;
        }
        return top;
    }

    /** Every layer's share of saturated values, or its gradient ratio, as "a, b, c" in the reader's language. */
    private static Object list(List<GradientReach.Measure> layers, boolean shares) {
        Object tail = null;
        for (int k = layers.size() - 1; k >= 0; k--) {
            GradientReach.Measure m = layers.get(k);
            double v = shares ? m.saturated() : ratio(m.reach());
            String item = Double.isNaN(v) ? "–" : shares ? Checkup.percent(v) : Checkup.num(v);
            tail = tail == null ? item : Message.of("engine.checkup.list", item, tail);
        }
        return tail;
    }
}
