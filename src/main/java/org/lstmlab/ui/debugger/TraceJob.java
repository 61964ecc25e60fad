package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Trace;

/**
 * Runs the engine for a {@link TraceRequest} on a fresh stack (forward, then backward from the chosen loss) and
 * copies out what the views draw. This is the only place the debugger computes anything, and it runs on the
 * worker thread; the FX thread only reads the result.
 */
public final class TraceJob {

    /**
     * A finished trace with its digest; {@code loss} is the loss value; {@code predictions} are the model's outputs
     * (rows × O, probabilities for sigmoid and softmax heads) with the model's own head and loss, else null.
     */
    public record Result(TraceRequest request, Trace trace, TraceDigest digest, double loss, double[] predictions) {
    }

    private TraceJob() {
    }

    /** The symbols drawn as heatmaps for a cell: LSTM i f g o c h, GRU r z n h, RNN a h. */
    public static List<String> heatmapSymbols(CellType cell) {
        return org.lstmlab.engine.trace.Trace.heatmapSymbolsOf(cell);
    }

    public static Result run(TraceRequest r, DoubleConsumer progress) {
        progress.accept(0.05);
        SequenceInput in = SequenceInput.dense(r.input().clone(), r.steps(), 1, r.inputSize());
        RecurrentStack stack;
        double loss;
        double[] predictions = null;
        if (r.loss() == LossKind.MODEL_HEAD) {
            SequenceModel model = new SequenceModel(r.head());
            model.setWeights(r.params());
            Batch batch = new Batch(in, r.target().targets(), r.target().classes());
            loss = model.forward(batch);
            predictions = model.predictions();
            progress.accept(0.45);
            model.backward(true);
            stack = model.rnn();
        } else {
            stack = new RecurrentStack(r.cell(), r.inputSize(), r.hiddenSize(), r.layers());
            stack.setWeights(r.params());
            stack.forward(in, null, null);
            progress.accept(0.45);
            int h = r.hiddenSize();
            double[] dy = new double[r.steps() * h];
            int from = r.loss() == LossKind.EVERY_STEP_SUM ? 0 : (r.steps() - 1) * h;
            java.util.Arrays.fill(dy, from, dy.length, 1.0);
            stack.backward(dy, null, null, true);
            loss = lossOf(stack, from);
        }
        progress.accept(0.8);
        Trace trace = Trace.withGradients(stack);
        TraceDigest digest = digest(trace);
        progress.accept(1.0);
        return new Result(r, trace, digest, loss, predictions);
    }

    private static double lossOf(RecurrentStack stack, int from) {
        double[] hidden = stack.trace(stack.numLayers() - 1).hidden();
        double s = 0;
        for (int k = from + stack.hiddenSize(); k < hidden.length; k++) {  // h_t is state t+1: skip h_0
            s += hidden[k];
        }
        return s;
    }

    /** Copies the heatmap symbols and the gradient norms out of a trace. */
    public static TraceDigest digest(Trace trace) {
        List<String> symbols = heatmapSymbols(trace.cell());
        int steps = trace.steps();
        int units = trace.hiddenSize();
        List<Map<String, TraceDigest.Series>> layers = new ArrayList<>();
        List<double[]> dh = new ArrayList<>();
        List<double[]> dc = new ArrayList<>();
        for (int k = 0; k < trace.layers(); k++) {
            Map<String, TraceDigest.Series> bySymbol = new LinkedHashMap<>();
            for (String s : symbols) {
                float[] v = new float[steps * units];
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double[] minUpTo = new double[steps];
                double[] maxUpTo = new double[steps];
                for (int t = 0; t < steps; t++) {
                    double[] vec = trace.vector(s, k, t, 0);
                    for (int j = 0; j < units; j++) {
                        v[t * units + j] = (float) vec[j];
                        if (Double.isFinite(vec[j])) {
                            min = Math.min(min, vec[j]);
                            max = Math.max(max, vec[j]);
                        }
                    }
                    minUpTo[t] = min;
                    maxUpTo[t] = max;
                }
                bySymbol.put(s, new TraceDigest.Series(v, steps, units, minUpTo, maxUpTo));
            }
            layers.add(Map.copyOf(bySymbol));
            dh.add(norms(trace, k, "dh"));
            dc.add(trace.cell().hasCellState() ? norms(trace, k, "dc") : null);
        }
        return new TraceDigest(trace.cell(), symbols, layers, dh, dc);
    }

    private static double[] norms(Trace trace, int layer, String symbol) {
        if (!trace.hasGradients() || !trace.symbols(Direction.BACKWARD).contains(symbol)) {
            return null;
        }
        double[] out = new double[trace.steps()];
        for (int t = 0; t < out.length; t++) {
            double s = 0;
            for (double v : trace.vector(symbol, layer, t, 0)) {
                s += v * v;
            }
            out[t] = Math.sqrt(s);
        }
        return out;
    }
}
