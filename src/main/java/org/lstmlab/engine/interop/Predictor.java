package org.lstmlab.engine.interop;

import java.io.IOException;

import org.lstmlab.engine.io.IOConsumer;
import org.lstmlab.engine.io.Layout;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.text.Counted;

/**
 * Runs a model on sequences and returns what its head outputs, activation included: the same computation as
 * {@link SequenceModel#forward} without a loss, so no targets are needed.
 */
public final class Predictor {
    private Predictor() {
    }

    /**
     * A prediction, batch-first: {@code (B, O)} for a last-step head, {@code (B, T, O)} for an every-step head.
     *
     * @param values the numbers, row-major in {@code shape}
     */
    public record Prediction(int[] shape, double[] values) {
    }

    /** Bytes one batch of sequences may take while it is predicted, when the budget allows. */
    public static final long BATCH_BYTES = 64L << 20;

    /**
     * @param x batch-first input {@code (B, T, D)}, D the model's input size
     */
    public static Prediction predict(SequenceModel model, double[] x, int batch, int steps) {
        check(model.spec(), x, batch, steps);
        return run(model.replica(), x, batch, steps, null);
    }

    /** The shape of a prediction: {@code (B, O)} for a last-step head, {@code (B, T, O)} for an every-step head. */
    public static int[] shape(ModelSpec s, int batch, int steps) {
        return s.head() == HeadMode.LAST ? new int[] {batch, s.outputSize()}
                : new int[] {batch, steps, s.outputSize()};
    }

    /**
     * Bytes the prediction of one sequence of {@code steps} holds while it runs: every layer's forward cache (the
     * pre-activations and gates, GRU's recurrent part, c, tanh c and h: at most 3·G·H + 4·H values a step), the
     * input twice (batch-first and time-major) and the head's outputs three times.
     */
    public static long bytesPerSequence(ModelSpec s, int steps) {
        long gh = (long) s.cell().gateCount() * s.hiddenSize();
        long perStep = s.numLayers() * (3 * gh + 4L * s.hiddenSize()) + 2L * s.inputSize() + 3L * s.outputSize();
        return 8 * ((steps + 1L) * perStep);
    }

    /**
     * Sequences per batch: as many as fit in {@link #BATCH_BYTES} (less when the memory still free is smaller),
     * at least one, at most {@code batch}.
     *
     * @throws IllegalArgumentException when not even one sequence fits in the memory left
     */
    public static int batchSize(ModelSpec s, int batch, int steps) {
        long one = bytesPerSequence(s, steps);
        InteropMemory.require("predicting one sequence of " + steps + " steps with "
                + Counted.of(s.numLayers(), "layer") + " of " + s.hiddenSize() + " " + s.cell().id() + " units needs",
                one, "Use shorter sequences");
        return batchSize(s, batch, steps, InteropMemory.available());
    }

    /** {@link #batchSize} when {@code available} bytes are free. */
    static int batchSize(ModelSpec s, int batch, int steps, long available) {
        long one = bytesPerSequence(s, steps);
        long room = Math.max(one, Math.min(BATCH_BYTES, available / 2));
        return (int) Math.max(1, Math.min(batch, room / one));
    }

    /**
     * Predicts {@code per} sequences at a time and hands each batch's values to {@code sink}, in order. Memory
     * stays that of one batch (one replica of the model, whose buffers are reused); the numbers are those of
     * {@link #predict} on all sequences at once, since every sequence is computed on its own.
     *
     * @param lengths the steps each sequence holds, padding after them (a last-step head reads h at each one's
     *                length, h_0 = 0 for a length of 0), or null when each holds T
     */
    public static void predict(SequenceModel model, double[] x, int batch, int steps, int[] lengths, int per,
            IOConsumer<double[]> sink) throws IOException {
        check(model.spec(), x, batch, steps);
        if (per < 1) {
            throw new IllegalArgumentException("a batch holds at least one sequence, not " + per);
        }
        if (lengths != null && (lengths.length != batch || model.spec().head() != HeadMode.LAST
                || java.util.Arrays.stream(lengths).anyMatch(n -> n < 0 || n > steps))) {
            throw new IllegalArgumentException("lengths in [0, " + steps + "] for each of " + batch
                    + " sequences need a last-step head");
        }
        SequenceModel replica = model.replica();
        int size = steps * model.spec().inputSize();
        for (int b0 = 0; b0 < batch; b0 += per) {
            int n = Math.min(per, batch - b0);
            double[] slice = java.util.Arrays.copyOfRange(x, b0 * size, (b0 + n) * size);
            sink.accept(run(replica, slice, n, steps,
                    lengths == null ? null : java.util.Arrays.copyOfRange(lengths, b0, b0 + n)).values());
        }
    }

    private static void check(ModelSpec s, double[] x, int batch, int steps) {
        int d = s.inputSize();
        if (batch < 1 || steps < 1 || (long) batch * steps * d != x.length) {
            throw new IllegalArgumentException("input of " + x.length + " values is not (B=" + batch + ", T=" + steps
                    + ", D=" + d + ")");
        }
    }

    private static Prediction run(SequenceModel m, double[] x, int batch, int steps, int[] lengths) {
        ModelSpec s = m.spec();
        int d = s.inputSize();
        m.rnn().forward(SequenceInput.dense(Layout.toTimeMajor(x, batch, steps, d), steps, batch, d), null, null);
        LayerTrace top = m.rnn().trace(s.numLayers() - 1);
        int o = s.outputSize();
        boolean last = s.head() == HeadMode.LAST;
        int rows = last ? batch : steps * batch;
        double[] logits = new double[rows * o];
        if (lengths != null) {     // h at each sequence's length, gathered (B, H); stateOffset(0, b) is h_0 = 0
            int h = s.hiddenSize();
            double[] at = new double[batch * h];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(top.hidden(), top.stateOffset(lengths[b], b), at, b * h, h);
            }
            m.head().forward(at, 0, rows, logits);
        } else {
            m.head().forward(top.hidden(), last ? top.stateOffset(steps, 0) : top.stateOffset(1, 0), rows, logits);
        }
        double[] out = new double[rows * o];
        s.loss().activation().apply(logits, rows, o, out);
        return last ? new Prediction(shape(s, batch, steps), out)
                : new Prediction(shape(s, batch, steps), Layout.toBatchFirst(out, batch, steps, o));
    }
}
