package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentStack;

/**
 * The numbers the user edits, owned by the FX thread: the parameter values (held in a stack that is never run),
 * the input sequence (with the symbols of a one-hot input, when it has them) and, for a trained model, its head and
 * the sample's target. {@link #request()} copies them for a worker, so later edits never reach a computation in
 * flight.
 */
public final class Workspace {

    /**
     * A trained model's Dense head and the sample's target: what its own loss needs.
     *
     * @param spec   the model's spec (head mode, output size, loss)
     * @param weight the head's weight values
     * @param bias   the head's bias values
     * @param target the sample's targets (its input is ignored)
     * @param standardised whether the sample's values, the target's too, are standardised (mean 0, sd 1)
     * @param classes the name of each class of a softmax head (a CSV file's labels), or empty
     * @param units  how a CSV series' target was standardised, to give it in the file's units; or null
     */
    public record Head(ModelSpec spec, double[] weight, double[] bias, Batch target, boolean standardised,
                       List<String> classes, org.lstmlab.engine.io.SeriesScaling units) {
        Head copy() {
            return new Head(spec, weight.clone(), bias.clone(), target, standardised, classes, units);
        }
    }

    private final RecurrentStack weights;
    private final int steps;
    private final double[] input;
    private final List<String> features;
    private final List<String> vocabulary;
    private final LossKind loss;
    private final Head head;

    /** A workspace without a head; the stack's parameters are used as they are (not copied). */
    public Workspace(RecurrentStack weights, int steps, double[] input, List<String> features, LossKind loss) {
        this(weights, steps, input, features, List.of(), loss, null);
    }

    /**
     * @param vocabulary the symbol of each feature of a one-hot input (characters, words), or empty
     * @param head       a trained model's head and target, or null
     */
    public Workspace(RecurrentStack weights, int steps, double[] input, List<String> features,
                     List<String> vocabulary, LossKind loss, Head head) {
        if (input.length != steps * weights.inputSize()) {
            throw new IllegalArgumentException("input has " + input.length + " values, T·D = "
                    + steps * weights.inputSize());
        }
        this.weights = weights;
        this.steps = steps;
        this.input = input;
        this.features = List.copyOf(features);
        this.vocabulary = vocabulary.size() == weights.inputSize() ? List.copyOf(vocabulary) : List.of();
        this.loss = loss;
        this.head = head;
    }

    public CellType cell() {
        return weights.cell();
    }

    public int inputSize() {
        return weights.inputSize();
    }

    public int hiddenSize() {
        return weights.hiddenSize();
    }

    public int layers() {
        return weights.numLayers();
    }

    public int steps() {
        return steps;
    }

    public LossKind loss() {
        return loss;
    }

    public List<String> features() {
        return features;
    }

    /** The symbol of each feature when the input is one-hot (a character model, the words of a review); or empty. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** The trained model's head and the sample's target, or null. */
    public Head head() {
        return head;
    }

    public double input(int t, int d) {
        return input[t * inputSize() + d];
    }

    /** A copy of the input, T × D. */
    public double[] inputValues() {
        return input.clone();
    }

    /** The weight block {@code name} ({@code W_if}, {@code b_hn}, ...) of a layer; throws for unknown names. */
    public GateView view(int layer, String name) {
        if (layer < 0 || layer >= layers()) {
            throw new IndexOutOfBoundsException("layer " + layer + " of " + layers());
        }
        return GateView.of(weights.layer(layer), name);
    }

    /** Applies an edit (from the user, or from undo / redo). */
    public void apply(EditHistory.Edit e) {
        if (e.weight() == null) {
            input[e.row() * inputSize() + e.col()] = e.after();
        } else {
            view(e.layer(), e.weight()).set(e.row(), e.col(), e.after());
        }
    }

    /** How many numbers this workspace holds (weights, head and input): what keeping it costs. */
    public long values() {
        long n = input.length;
        for (Param p : weights.parameters()) {
            n += p.size();
        }
        return n + (head == null ? 0 : head.weight().length + head.bias().length);
    }

    /** Whether this workspace has a trained model's head and target, so that its own loss can start backward. */
    public boolean hasHead() {
        return head != null;
    }

    /**
     * A copy with the same numbers (edits included) and another loss: changing only the loss keeps every edit. The
     * model's own head and loss needs a workspace {@link #hasHead() with a head}.
     */
    public Workspace withLoss(LossKind other) {
        if (other == LossKind.MODEL_HEAD && head == null) {
            throw new IllegalArgumentException("the model's own loss needs a trained model's head");
        }
        return new Workspace(weights.copy(), steps, input.clone(), features, vocabulary, other,
                head == null ? null : head.copy());
    }

    /** The parameter values and input, copied for a worker. */
    public TraceRequest request() {
        List<double[]> params = new ArrayList<>(weights.weightValues());
        boolean own = loss == LossKind.MODEL_HEAD;
        if (own) {
            params.add(head.weight().clone());
            params.add(head.bias().clone());
        }
        return new TraceRequest(cell(), inputSize(), hiddenSize(), layers(), steps, List.copyOf(params),
                input.clone(), loss, own ? head.spec() : null, own ? head.target() : null);
    }

    /** The same input and sizes with another cell and other weights (for side by side). */
    public TraceRequest requestFor(RecurrentStack otherWeights) {
        LossKind l = loss == LossKind.MODEL_HEAD ? LossKind.LAST_STEP_SUM : loss;
        return new TraceRequest(otherWeights.cell(), inputSize(), hiddenSize(), layers(), steps,
                otherWeights.weightValues(), input.clone(), l, null, null);
    }
}
