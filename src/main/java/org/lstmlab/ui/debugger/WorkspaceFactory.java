package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.RecurrentStack;

/**
 * Builds the numbers of a set-up: generates the input, creates the weights from the preset, and fixes the sizes a
 * preset dictates (a hand-built latch has D = 1, H = 2, one layer; a word sets T and D). Returns the set-up as
 * actually built, for the form to show.
 */
final class WorkspaceFactory {

    record Built(Setup setup, Workspace workspace) {
    }

    private WorkspaceFactory() {
    }

    static Built build(Setup s, Workspace previous, TrainedModel trained) {
        if (s.weights().isModel()) {
            return trained(s, trained);
        }
        int d = s.inputSize();
        int h = s.hiddenSize();
        int layers = s.layers();
        int steps = s.steps();
        InputPreset in = s.input();
        if (s.weights().isHandBuilt()) {
            d = 1;
            h = HandBuiltWeights.hiddenSize(s.weights(), s.cell());
            layers = 1;
            if (s.weights() == WeightPreset.COUNTER && in != InputPreset.TABLE) {
                in = InputPreset.COUNTING;
            } else if (in == InputPreset.WORD || in == InputPreset.SAMPLE) {
                in = InputPreset.SINE;
            }
        }
        InputPreset.Data data;
        if (in == InputPreset.TABLE || in == InputPreset.SAMPLE) {
            data = resized(previous, steps, d);
            in = InputPreset.TABLE;
        } else {
            data = in.generate(steps, d, s.word());
        }
        steps = data.steps();
        d = data.size();
        RecurrentStack stack = new RecurrentStack(s.cell(), d, h, layers);
        if (s.weights().isHandBuilt()) {
            HandBuiltWeights.apply(s.weights(), stack);
        } else {
            Initializers.initialize(stack, s.weights() == WeightPreset.RANDOM_KERAS ? Initializers.Scheme.KERAS
                    : Initializers.Scheme.TORCH, s.seed());
        }
        LossKind loss = s.loss() == LossKind.MODEL_HEAD ? LossKind.LAST_STEP_SUM : s.loss();
        Setup actual = new Setup(s.cell(), steps, d, h, layers, in, s.word(), s.weights(), s.seed(), loss);
        return new Built(actual, new Workspace(stack, steps, data.values(), data.features(), data.vocabulary(), loss,
                null));
    }

    /** The previous input cut or padded with zeros to T × D. */
    private static InputPreset.Data resized(Workspace previous, int steps, int d) {
        double[] x = new double[steps * d];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            names.add(keeps(previous, d) ? previous.features().get(k) : "x[" + k + "]");
        }
        if (previous != null) {
            for (int t = 0; t < Math.min(steps, previous.steps()); t++) {
                for (int k = 0; k < Math.min(d, previous.inputSize()); k++) {
                    x[t * d + k] = previous.input(t, k);
                }
            }
        }
        return new InputPreset.Data(steps, d, x, names, keeps(previous, d) ? previous.vocabulary() : List.of());
    }

    /** Whether the table keeps the previous input's features (and their symbols): the same width. */
    private static boolean keeps(Workspace previous, int d) {
        return previous != null && previous.inputSize() == d;
    }

    private static Built trained(Setup s, TrainedModel m) {
        if (m == null) {
            throw new IllegalStateException("no trained model has been opened");
        }
        var spec = m.spec();
        RecurrentStack stack = new RecurrentStack(spec.cell(), spec.inputSize(), spec.hiddenSize(), spec.numLayers());
        int n = stack.parameters().size();
        stack.setWeights(m.params().subList(0, n));
        List<String> vocabulary = m.names().vocabulary();
        vocabulary = vocabulary.size() == spec.inputSize() ? vocabulary : List.of();
        List<String> features = m.names().features();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < spec.inputSize(); k++) {
            names.add(!vocabulary.isEmpty() ? InputPreset.featureName(k, vocabulary.get(k))
                    : features.size() == spec.inputSize() ? features.get(k) : "x[" + k + "]");
        }
        boolean head = m.target() != null;
        LossKind loss = s.loss() == LossKind.MODEL_HEAD && !head ? LossKind.LAST_STEP_SUM : s.loss();
        Workspace w = new Workspace(stack, m.steps(), m.input().clone(), names, vocabulary, loss, head
                ? new Workspace.Head(spec, m.params().get(n).clone(), m.params().get(n + 1).clone(), m.target(),
                        m.names().standardised(), m.names().classes(), m.names().units())
                : null);
        CellType cell = spec.cell();
        Setup actual = new Setup(cell, m.steps(), spec.inputSize(), spec.hiddenSize(), spec.numLayers(),
                InputPreset.SAMPLE, s.word(), s.weights(), s.seed(), loss);
        return new Built(actual, w);
    }
}
