package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.function.Supplier;

import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.ui.common.SampleNames;

/**
 * A copy of a trained model and one sample of it, as the Train tab hands it over: parameter values in
 * {@code SequenceModel.parameters()} order, the sample as a dense one-sequence input, and (when known) its target.
 * Nothing here refers to the trainer's arrays, which keep changing. The title is how the model's name is written
 * (the Train tab's follows View ▸ Language; a file's name is the same in every language). The names say what the
 * sample's numbers stand for: a one-hot input's symbols, a CSV file's columns and class labels, and whether its
 * values are standardised (mean 0 and standard deviation 1, not the file's values).
 */
public record TrainedModel(ModelSpec spec, List<double[]> params, int steps, double[] input, Batch target,
                           Supplier<String> title, SampleNames names) {

    /**
     * Copies the model's weights and sequence {@code sequence} of the sample; with {@code targets} (the batch the
     * sample comes from), the debugger's loss is the model's own head and loss. {@code names} says what the
     * sample's numbers stand for.
     */
    public static TrainedModel copyOf(SequenceModel model, SequenceInput sample, Batch targets, int sequence,
                                      Supplier<String> title, SampleNames names) {
        if (sequence < 0 || sequence >= sample.batch()) {
            throw new IllegalArgumentException("sequence " + sequence + " of a batch of " + sample.batch());
        }
        ModelSpec spec = model.spec();
        if (sample.size() != spec.inputSize()) {
            throw new IllegalArgumentException("the sample has " + sample.size() + " features, the model expects "
                    + spec.inputSize());
        }
        List<double[]> params = model.weightValues();
        int steps = sample.steps();
        double[] x = new double[steps * sample.size()];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(sample.vector(t, sequence), 0, x, t * sample.size(), sample.size());
        }
        Batch target = targets == null ? null : targetOf(spec, targets, steps, sample.batch(), sequence);
        return new TrainedModel(spec, params, steps, x, target, title, names);
    }

    /**
     * A model read from a file, which brings no sample: it runs on the input on show when its width fits the model,
     * else on a sine of the model's input size, as long as the input on show (20 steps without one).
     */
    static TrainedModel onInput(SequenceModel model, Workspace current, String title) {
        int d = model.spec().inputSize();
        int steps = current != null ? current.steps() : 20;
        double[] x = current != null && current.inputSize() == d ? current.inputValues()
                : InputPreset.SINE.generate(steps, d, "").values();
        return copyOf(model, SequenceInput.dense(x, steps, 1, d), null, 0, () -> title, SampleNames.of(List.of()));
    }

    private static Batch targetOf(ModelSpec spec, Batch batch, int steps, int batchSize, int b) {
        int o = spec.outputSize();
        SequenceInput none = SequenceInput.dense(new double[steps * spec.inputSize()], steps, 1, spec.inputSize());
        boolean last = spec.head() == HeadMode.LAST;
        int rows = last ? 1 : steps;
        if (spec.loss().usesClassTargets()) {
            int[] classes = new int[rows];
            for (int r = 0; r < rows; r++) {
                classes[r] = batch.classes()[last ? b : r * batchSize + b];
            }
            return Batch.ofClasses(none, classes);
        }
        double[] values = new double[rows * o];
        for (int r = 0; r < rows; r++) {
            int src = last ? b : r * batchSize + b;
            System.arraycopy(batch.targets(), src * o, values, r * o, o);
        }
        return Batch.ofValues(none, values);
    }
}
