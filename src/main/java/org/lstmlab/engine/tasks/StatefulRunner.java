package org.lstmlab.engine.tasks;

import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * Runs a model one step at a time, carrying its hidden (and cell) state from step to step, for generation: text
 * sampled from a character model, a sine running free on its own predictions. Each step is one forward pass of
 * length 1 from the previous final states, so n steps cost O(n).
 *
 * <p>Uses the model's buffers: give it a model no other thread is using (a copy of the one being trained).
 */
public final class StatefulRunner {
    private final SequenceModel model;
    private final int hidden;
    private final int outputs;
    private double[] h;
    private double[] c;
    private final double[] logits;
    private final double[] predictions;

    public StatefulRunner(SequenceModel model) {
        this.model = model;
        this.hidden = model.spec().hiddenSize();
        this.outputs = model.spec().outputSize();
        this.logits = new double[outputs];
        this.predictions = new double[outputs];
        reset();
    }

    /** Back to zero initial states. */
    public void reset() {
        int n = model.spec().numLayers() * hidden;
        h = new double[n];
        c = model.spec().cell().hasCellState() ? new double[n] : null;
    }

    /** Feeds one dense input vector; returns the head's predictions (after its activation), a new array. */
    public double[] step(double[] x) {
        return advance(SequenceInput.dense(x.clone(), 1, 1, x.length));
    }

    /** Feeds one token (one-hot input); returns the head's predictions, a new array. */
    public double[] step(int token) {
        return advance(SequenceInput.oneHot(new int[] {token}, 1, 1, model.spec().inputSize()));
    }

    private double[] advance(SequenceInput in) {
        model.rnn().forward(in, h, c);
        h = model.rnn().finalHidden();
        if (c != null) {
            c = model.rnn().finalCell();
        }
        int top = (model.spec().numLayers() - 1) * hidden;
        model.head().forward(h, top, 1, logits);
        model.spec().loss().activation().apply(logits, 1, outputs, predictions);
        return predictions.clone();
    }
}
