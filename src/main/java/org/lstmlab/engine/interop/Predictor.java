package org.lstmlab.engine.interop;

import org.lstmlab.engine.io.Layout;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;

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

    /**
     * @param x batch-first input {@code (B, T, D)}, D the model's input size
     */
    public static Prediction predict(SequenceModel model, double[] x, int batch, int steps) {
        ModelSpec s = model.spec();
        int d = s.inputSize();
        if (batch < 1 || steps < 1 || (long) batch * steps * d != x.length) {
            throw new IllegalArgumentException("input of " + x.length + " values is not (B=" + batch + ", T=" + steps
                    + ", D=" + d + ")");
        }
        SequenceModel m = model.replica();
        m.rnn().forward(SequenceInput.dense(Layout.toTimeMajor(x, batch, steps, d), steps, batch, d), null, null);
        LayerTrace top = m.rnn().trace(s.numLayers() - 1);
        int o = s.outputSize();
        boolean last = s.head() == HeadMode.LAST;
        int rows = last ? batch : steps * batch;
        double[] logits = new double[rows * o];
        m.head().forward(top.hidden(), last ? top.stateOffset(steps, 0) : top.stateOffset(1, 0), rows, logits);
        double[] out = new double[rows * o];
        s.loss().activation().apply(logits, rows, o, out);
        return last ? new Prediction(new int[] {batch, o}, out)
                : new Prediction(new int[] {batch, steps, o}, Layout.toBatchFirst(out, batch, steps, o));
    }
}
