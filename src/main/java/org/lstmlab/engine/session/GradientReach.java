package org.lstmlab.engine.session;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.LayerGrads;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * How much of the loss's gradient reaches each timestep: ‖∂L/∂h_t‖ for t = 1..T, averaged over a fixed batch of
 * validation samples, read from backpropagation's own trace. Vanishing gradients show as a curve falling towards
 * t = 1; the Train tab draws it, one line per layer, and the {@link Checkup} reads each layer's first value against
 * its largest.
 */
public final class GradientReach {
    /** Samples in the batch the reach is measured on. */
    public static final int BATCH = 32;
    /** σ(a) this close to 0 or 1 has σ'(a) below 1 % of σ'(0) = 1/4. */
    static final double SIGMOID_FLAT = 0.0025;
    /** |tanh(a)| above this has tanh'(a) = 1 − tanh² below 1 %. */
    static final double TANH_FLAT = Math.sqrt(0.99);

    private GradientReach() {
    }

    /** Up to {@link #BATCH} validation samples of one length (training samples when there is no validation set). */
    public static Batch batch(Dataset data) {
        List<Sample> from = data.validation().isEmpty() ? data.train() : data.validation();
        List<Sample> first = Batches.plan(from, BATCH, null).get(0);
        return Batches.toBatch(first, data.head(), data.outputSize());
    }

    /**
     * What a probe batch shows of one recurrent layer.
     *
     * @param reach     mean ‖∂L/∂h_t‖ of the layer's outputs for t = 1..T
     * @param saturated the share of the layer's activations that pass on less than 1 % of the gradient they could
     *                  ({@link #saturated})
     */
    public record Measure(double[] reach, double saturated) {
    }

    /**
     * Runs {@code batch} forward and backward through {@code model}, overwriting its gradients, and measures every
     * recurrent layer, the input's first. Call between training steps, on the thread that trains (or on a replica).
     */
    public static List<Measure> layers(SequenceModel model, Batch batch) {
        model.zeroGrad();
        model.forward(batch);
        model.backward();
        List<Measure> out = new ArrayList<>();
        for (int k = 0; k < model.rnn().numLayers(); k++) {
            out.add(new Measure(stepNorms(model.rnn().grads(k)),
                    saturated(model.rnn().trace(k), model.rnn().cell())));
        }
        return List.copyOf(out);
    }

    /**
     * The share of a layer's saturated activations: a sigmoid gate within 0.0025 of 0 or 1 (σ' below 1 % of its
     * largest value, 1/4), a tanh within 0.005 of ±1 (tanh' below 1 %). It counts the activations a gradient must
     * pass through to reach the weights: an LSTM's input gate, candidate and output gate, a GRU's reset gate and
     * candidate, a simple RNN's tanh state. A forget gate (or a GRU's update gate) near 1 is memory, not damage,
     * so those are left out. NaN for the ReLU RNN, whose units do not saturate.
     */
    public static double saturated(LayerTrace tr, CellType cell) {
        int h = tr.hiddenSize();
        long n = (long) tr.steps() * tr.batch();
        long count = 0;
        long all = 0;
        if (cell.isSimpleRnn()) {
            if (cell == CellType.RNN_RELU) {
                return Double.NaN;
            }
            double[] hidden = tr.hidden();
            for (int i = tr.stateOffset(1, 0); i < hidden.length; i++) {
                count += Math.abs(hidden[i]) > TANH_FLAT ? 1 : 0;
            }
            return (double) count / (hidden.length - tr.stateOffset(1, 0));
        }
        double[] gates = tr.gates();
        int g = cell.gateCount();
        List<String> names = cell.gates();
        for (long row = 0; row < n; row++) {
            for (int k = 0; k < g; k++) {
                String name = names.get(k);
                if (name.equals("f") || name.equals("z")) {
                    continue;
                }
                boolean tanh = name.equals("g") || name.equals("n");
                int off = (int) ((row * g + k) * h);
                for (int j = 0; j < h; j++) {
                    double v = gates[off + j];
                    boolean flat = tanh ? Math.abs(v) > TANH_FLAT : v < SIGMOID_FLAT || v > 1 - SIGMOID_FLAT;
                    count += flat ? 1 : 0;
                }
                all += h;
            }
        }
        return all == 0 ? Double.NaN : (double) count / all;
    }

    /** Mean over the batch of the L2 norm of dh_t, for t = 1..T. */
    public static double[] stepNorms(LayerGrads g) {
        int steps = g.steps();
        int b = g.batch();
        int h = g.hiddenSize();
        double[] dh = g.dh();
        double[] out = new double[steps];
        for (int t = 0; t < steps; t++) {
            double sum = 0;
            for (int s = 0; s < b; s++) {
                double sq = 0;
                int off = (t * b + s) * h;
                for (int j = 0; j < h; j++) {
                    sq += dh[off + j] * dh[off + j];
                }
                sum += Math.sqrt(sq);
            }
            out[t] = sum / b;
        }
        return out;
    }
}
