package org.lstmlab.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.text.Message;

/**
 * A recurrent stack with a Dense head and a loss: the Keras {@code Sequential([LSTM(50, input_shape=(10, 1)),
 * Dense(1, activation='sigmoid')])} with {@code binary_crossentropy}, or a character model with a softmax on every
 * step. Parameters are named as a PyTorch module with attributes {@code rnn} and {@code fc} would name them.
 *
 * <p>Not thread-safe: a data-parallel worker uses its own {@link #replica()}.
 */
public final class SequenceModel {
    private final ModelSpec spec;
    private final Embedding embedding;             // before the first layer, or null: the input is x_t itself
    private final RecurrentStack rnn;
    private final Dense fc;
    private final List<Param> parameters;

    private double[] logits = new double[0];       // (rows × O)
    private double[] predictions = new double[0];  // (rows × O)
    private double[] dLogits = new double[0];      // (rows × O)
    private double[] dTop = new double[0];         // (T, B, H) gradient into the top layer's outputs
    private int rows;
    private Batch lastBatch;
    private boolean timeFirst;                     // the tutorials' layout mistake: see readDim0AsTime
    private SequenceInput timeFirstInput;          // the batch as that mistake reads it, (B, T, D) time-major
    private double[] timeFirstFeatures = new double[0];   // out[:, -1, :] of that reading, (B, H)
    private boolean ignoreLengths;                 // the tutorials' out[:, -1] of a padded batch: see readLastStep
    private int[] lengths;                         // the last forward's real lengths (B), or null: h_T is read
    private double[] atLengths = new double[0];    // h at each sequence's real last step, (B, H)
    private double[] dAtLengths = new double[0];   // its gradient
    private float[] atLengthsF = new float[0];     // the same in float32
    private float[] dAtLengthsF = new float[0];

    public SequenceModel(ModelSpec spec) {
        this(checked(spec), null, new RecurrentStack(spec.cell(), spec.inputSize(), spec.hiddenSize(),
                spec.numLayers()), new Dense(spec.hiddenSize(), spec.outputSize()));
    }

    /**
     * A model whose inputs are token ids looked up in an embedding table of {@code vocabulary} rows of
     * {@code spec.inputSize()} values ({@code nn.Embedding(V, E, padding_idx)} before the recurrent layers); its
     * batches hold token input ({@link SequenceInput#oneHot} of a vocabulary of V).
     *
     * @param paddingIdx the row that gets no gradient, or {@link Embedding#NO_PADDING}
     */
    public static SequenceModel withEmbedding(ModelSpec spec, int vocabulary, int paddingIdx) {
        MemoryBudget.check(Message.of("engine.memory.modelWeights", spec.cell().id(),
                Integer.toString(spec.hiddenSize()), Integer.toString(spec.numLayers()),
                Integer.toString(spec.outputSize())), 4L * Double.BYTES * (long) vocabulary * spec.inputSize());
        return new SequenceModel(checked(spec), new Embedding(vocabulary, spec.inputSize(), paddingIdx),
                new RecurrentStack(spec.cell(), spec.inputSize(), spec.hiddenSize(), spec.numLayers()),
                new Dense(spec.hiddenSize(), spec.outputSize()));
    }

    private SequenceModel(ModelSpec spec, Embedding embedding, RecurrentStack rnn, Dense fc) {
        this.spec = spec;
        this.embedding = embedding;
        this.rnn = rnn;
        this.fc = fc;
        List<Param> all = new ArrayList<>();
        if (embedding != null) {
            all.add(embedding.weight());
        }
        all.addAll(rnn.parameters());
        all.add(fc.weight());
        all.add(fc.bias());
        this.parameters = Collections.unmodifiableList(all);
    }

    private static ModelSpec checked(ModelSpec spec) {
        MemoryBudget.check(Message.of("engine.memory.modelWeights", spec.cell().id(),
                Integer.toString(spec.hiddenSize()), Integer.toString(spec.numLayers()),
                Integer.toString(spec.outputSize())), 4L * Double.BYTES * spec.parameterCount());
        return spec;
    }

    /** The same model sharing these parameter values, with gradients and buffers of its own. */
    public SequenceModel replica() {
        SequenceModel r = new SequenceModel(spec, embedding == null ? null : embedding.replica(), rnn.replica(),
                fc.replica());
        r.timeFirst = timeFirst;
        r.ignoreLengths = ignoreLengths;
        return r;
    }

    /**
     * Reproduces a layout mistake of PyTorch tutorials, for the lessons' training runs only (never the Train tab):
     * {@code nn.LSTM} keeps {@code batch_first=False}, so a (B, T, D) batch has its dim 0 read as time: the layer
     * runs B steps over T sequences, the t-th of which is x_t of every sample in the batch's order. The tutorial's
     * {@code out[:, -1, :]} then takes, at each of those B steps, the last of the T sequences: sample b's
     * prediction is the head on h after the recurrence over x_T of samples 1..b of its batch, and x_1..x_{T-1} of
     * every sample reach no prediction. Replicas made afterwards inherit it. Float64 only.
     */
    public void readDim0AsTime(boolean on) {
        timeFirst = on;
    }

    /**
     * Reproduces another mistake of tutorials, for the lessons' training runs only: a batch of sequences zero-padded
     * to one length, and the head reading {@code out[:, -1]}, h after the padding, instead of h at each sequence's
     * real last step ({@link Batch#lengths}). On, the lengths are ignored. Replicas made afterwards inherit it.
     */
    public void readLastStep(boolean on) {
        ignoreLengths = on;
    }

    /**
     * A model with its own copy of every weight (and fresh gradients and buffers): what a trained model hands to
     * another thread, a file or the debugger. This is the one place weights are copied.
     */
    public SequenceModel copy() {
        SequenceModel c = embedding == null ? new SequenceModel(spec)
                : withEmbedding(spec, embedding.vocabulary(), embedding.paddingIdx());
        c.copyWeightsFrom(this);
        return c;
    }

    /**
     * The recurrent layers and head of a model that starts with an embedding, without the table (copies of their
     * weights): what reads x_t, the table's rows, as the debugger and {@code predict} run a PyTorch or Keras text
     * classifier after looking its ids up.
     */
    public SequenceModel layers() {
        SequenceModel layers = new SequenceModel(spec);
        List<double[]> values = weightValues();
        layers.setWeights(values.subList(embedding == null ? 0 : 1, values.size()));
        return layers;
    }

    /** Overwrites every weight of this model with those of {@code other}, a model of the same architecture. */
    public void copyWeightsFrom(SequenceModel other) {
        if (!other.spec.equals(spec) || (other.embedding == null) != (embedding == null)
                || (embedding != null && other.embedding.vocabulary() != embedding.vocabulary())) {
            throw new IllegalArgumentException("cannot copy the weights of " + other.spec + " into " + spec);
        }
        List<Param> mine = parameters();
        List<Param> theirs = other.parameters();
        for (int k = 0; k < mine.size(); k++) {  // same spec, same sizes; indexed: no allocation per training step
            double[] src = theirs.get(k).data();
            System.arraycopy(src, 0, mine.get(k).data(), 0, src.length);
        }
    }

    /** Every weight's values, copied, in {@link #parameters()} order (the recurrent stack's, then the head's). */
    public List<double[]> weightValues() {
        return Param.valuesOf(parameters());
    }

    /** Overwrites every weight with {@code values}, in {@link #parameters()} order; counts and sizes are checked. */
    public void setWeights(List<double[]> values) {
        Param.setValues(parameters(), values);
    }

    /**
     * The precision training computes in: float64 (the default, what the debugger and the reference cases use) or
     * float32 (faster: the recurrent layers' whole pass and the head's products in float32; the parameters, their
     * gradients, the optimizer and the loss stay float64).
     * Replicas made afterwards inherit it, so set it before creating a {@code Trainer}.
     */
    public Precision precision() {
        return rnn.precision();
    }

    /** Sets the precision of the recurrent layers and of the head's products; see {@link #precision()}. */
    public void setPrecision(Precision precision) {
        rnn.setPrecision(precision);
        fc.setPrecision(precision);
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * D of the data this model reads: the first layer's input size, or V for a model with an embedding, whose
     * inputs are token ids in [0, V).
     */
    public int dataInputSize() {
        return embedding == null ? spec.inputSize() : embedding.vocabulary();
    }

    /** The embedding table before the first layer, or null when the model reads x_t itself. */
    public Embedding embedding() {
        return embedding;
    }

    public RecurrentStack rnn() {
        return rnn;
    }

    public Dense head() {
        return fc;
    }

    /** Parameters in PyTorch's {@code state_dict} order. */
    public List<Param> parameters() {
        return parameters;
    }

    /**
     * ({@code embedding.weight},) {@code rnn.weight_ih_l0}, ..., {@code fc.weight}, {@code fc.bias}: PyTorch's
     * state_dict names.
     */
    public Map<String, Param> namedParameters() {
        Map<String, Param> named = new LinkedHashMap<>();
        if (embedding != null) {
            named.put(embedding.weight().name(), embedding.weight());
        }
        for (Param p : rnn.parameters()) {
            named.put("rnn." + p.name(), p);
        }
        named.put(fc.weight().name(), fc.weight());
        named.put(fc.bias().name(), fc.bias());
        return Collections.unmodifiableMap(named);
    }

    public void zeroGrad() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).zeroGrad();
        }
    }

    /** Forward pass and loss; predictions are available from {@link #predictions()} until the next call. */
    public double forward(Batch batch) {
        if (timeFirst) {
            if (embedding != null) {
                throw new IllegalStateException("the time-first mistake is reproduced without an embedding");
            }
            return forwardTimeFirst(batch);
        }
        SequenceInput in = batch.input();
        int steps = in.steps();
        int b = in.batch();
        int h = spec.hiddenSize();
        int o = spec.outputSize();
        lengths = ignoreLengths ? null : batch.lengths();
        if (lengths != null && spec.head() != HeadMode.LAST) {
            throw new IllegalArgumentException("sequences of several lengths need a last-step head");
        }
        rnn.forward(embedding == null ? in : embedding.forward(in), null, null);
        LayerTrace top = rnn.trace(rnn.numLayers() - 1);
        rows = spec.head() == HeadMode.LAST ? b : steps * b;
        int featureOff = spec.head() == HeadMode.LAST ? top.stateOffset(steps, 0) : top.stateOffset(1, 0);
        if (logits.length < rows * o) {
            logits = new double[rows * o];
            predictions = new double[rows * o];
            dLogits = new double[rows * o];
        }
        if (lengths != null) {
            headAtLengths(top, b, h);
        } else if (top.isFloat32()) {
            fc.forwardFloat(top.hiddenF, featureOff, rows, logits);
        } else {
            fc.forward(top.hidden(), featureOff, rows, logits);
        }
        checkTargets(batch);
        lastBatch = batch;
        return spec.loss().lossGradientAndPredictions(logits, rows, o, batch.targets(), batch.classes(), dLogits,
                predictions);
    }

    /** Backward pass of the last {@link #forward}: accumulates every parameter's gradient. */
    public void backward() {
        backward(false);
    }

    /**
     * Backward pass of the last {@link #forward}; with {@code inputGrad} it also computes dL/dx of a dense input
     * ({@code rnn().grads(0).dx()}), which the debugger shows and a trace with gradients needs.
     */
    public void backward(boolean inputGrad) {
        if (lastBatch == null) {
            throw new IllegalStateException("backward() needs a forward() first");
        }
        if (timeFirst) {
            backwardTimeFirst(inputGrad);
            return;
        }
        SequenceInput in = lastBatch.input();
        int steps = in.steps();
        int b = in.batch();
        int h = spec.hiddenSize();
        LayerTrace top = rnn.trace(rnn.numLayers() - 1);
        if (top.isFloat32()) {
            float[] dTopF = rnn.topGradientBuffer();
            if (lengths != null) {
                dAtLengthsF = Float32Products.fit(dAtLengthsF, b * h);
                fc.backwardFloat(atLengthsF, 0, rows, dLogits, dAtLengthsF, 0);
                Arrays.fill(dTopF, 0, steps * b * h, 0f);
                for (int s = 0; s < b; s++) {
                    System.arraycopy(dAtLengthsF, s * h, dTopF, ((lengths[s] - 1) * b + s) * h, h);
                }
            } else if (spec.head() == HeadMode.LAST) {
                Arrays.fill(dTopF, 0, (steps - 1) * b * h, 0f);
                fc.backwardFloat(top.hiddenF, top.stateOffset(steps, 0), rows, dLogits, dTopF, (steps - 1) * b * h);
            } else {
                fc.backwardFloat(top.hiddenF, top.stateOffset(1, 0), rows, dLogits, dTopF, 0);
            }
            rnn.backwardFloat(dTopF, null, null, null, inputGrad || embedding != null);
            backwardEmbedding(in);
            return;
        }
        if (dTop.length < steps * b * h) {
            dTop = new double[steps * b * h];
        }
        if (lengths != null) {
            if (dAtLengths.length < b * h) {
                dAtLengths = new double[b * h];
            }
            fc.backward(atLengths, 0, rows, dLogits, dAtLengths, 0);
            Arrays.fill(dTop, 0, steps * b * h, 0.0);
            for (int s = 0; s < b; s++) {   // BPTT starts at each real end; the padding after it gets no gradient
                System.arraycopy(dAtLengths, s * h, dTop, ((lengths[s] - 1) * b + s) * h, h);
            }
        } else if (spec.head() == HeadMode.LAST) {
            Arrays.fill(dTop, 0, (steps - 1) * b * h, 0.0);
            fc.backward(top.hidden(), top.stateOffset(steps, 0), rows, dLogits, dTop, (steps - 1) * b * h);
        } else {
            fc.backward(top.hidden(), top.stateOffset(1, 0), rows, dLogits, dTop, 0);
        }
        rnn.backward(dTop, null, null, inputGrad || embedding != null);
        backwardEmbedding(in);
    }

    /** The embedding's part of the backward pass: the first layer's dL/dx scattered into the table's rows. */
    private void backwardEmbedding(SequenceInput ids) {
        if (embedding != null) {
            embedding.backward(ids, rnn.grads(0).dx());
        }
    }

    /**
     * The head on h at each sequence's real last step, {@code out[arange(B), lengths - 1]}: gathered into one
     * (B, H) block, then the same product as over h_T. The recurrent layers ran every step, but nothing after a
     * sequence's end reaches its prediction, so this is what packing the batch computes.
     */
    private void headAtLengths(LayerTrace top, int b, int h) {
        if (top.isFloat32()) {
            atLengthsF = Float32Products.fit(atLengthsF, b * h);
            for (int s = 0; s < b; s++) {
                System.arraycopy(top.hiddenF, top.stateOffset(lengths[s], s), atLengthsF, s * h, h);
            }
            fc.forwardFloat(atLengthsF, 0, b, logits);
            return;
        }
        if (atLengths.length < b * h) {
            atLengths = new double[b * h];
        }
        double[] hidden = top.hidden();
        for (int s = 0; s < b; s++) {
            System.arraycopy(hidden, top.stateOffset(lengths[s], s), atLengths, s * h, h);
        }
        fc.forward(atLengths, 0, b, logits);
    }

    /** {@link #forward} as the layout mistake of {@link #readDim0AsTime} reads the batch. */
    private double forwardTimeFirst(Batch batch) {
        SequenceInput in = batch.input();
        if (spec.head() != HeadMode.LAST || rnn.precision() != Precision.FLOAT64) {
            throw new IllegalStateException("the time-first mistake is reproduced for a last-step head in float64");
        }
        int steps = in.steps();
        int b = in.batch();
        int d = in.size();
        int h = spec.hiddenSize();
        if (in.isOneHot()) {   // x'[time b][sequence t] = x[time t][sequence b]
            int[] tokens = new int[steps * b];
            for (int t = 0; t < steps; t++) {
                for (int s = 0; s < b; s++) {
                    tokens[s * steps + t] = in.tokens()[t * b + s];
                }
            }
            timeFirstInput = SequenceInput.oneHot(tokens, b, steps, d);
        } else {
            double[] x = new double[steps * b * d];
            for (int t = 0; t < steps; t++) {
                for (int s = 0; s < b; s++) {
                    System.arraycopy(in.dense(), in.offset() + (t * b + s) * d, x, (s * steps + t) * d, d);
                }
            }
            timeFirstInput = SequenceInput.dense(x, b, steps, d);
        }
        rnn.forward(timeFirstInput, null, null);
        LayerTrace top = rnn.trace(rnn.numLayers() - 1);
        if (timeFirstFeatures.length < b * h) {
            timeFirstFeatures = new double[b * h];
        }
        for (int s = 0; s < b; s++) {   // out[s, -1, :]: step s + 1 of the reading, its last sequence
            System.arraycopy(top.hidden(), top.stateOffset(s + 1, steps - 1), timeFirstFeatures, s * h, h);
        }
        rows = b;
        int o = spec.outputSize();
        if (logits.length < rows * o) {
            logits = new double[rows * o];
            predictions = new double[rows * o];
            dLogits = new double[rows * o];
        }
        fc.forward(timeFirstFeatures, 0, rows, logits);
        checkTargets(batch);
        lastBatch = batch;
        return spec.loss().lossGradientAndPredictions(logits, rows, o, batch.targets(), batch.classes(), dLogits,
                predictions);
    }

    /** {@link #backward(boolean)} of {@link #forwardTimeFirst}: the head's gradient goes to the last sequence. */
    private void backwardTimeFirst(boolean inputGrad) {
        int steps = timeFirstInput.batch();   // the batch's own T, the reading's sequences
        int b = timeFirstInput.steps();
        int h = spec.hiddenSize();
        double[] dFeatures = new double[b * h];
        fc.backward(timeFirstFeatures, 0, rows, dLogits, dFeatures, 0);
        if (dTop.length < steps * b * h) {
            dTop = new double[steps * b * h];
        }
        Arrays.fill(dTop, 0, steps * b * h, 0.0);
        for (int s = 0; s < b; s++) {
            System.arraycopy(dFeatures, s * h, dTop, (s * steps + steps - 1) * h, h);
        }
        rnn.backward(dTop, null, null, inputGrad);
    }

    /** The Dense head's outputs of the last forward (rows × O), before the output activation: the logits. */
    public double[] logits() {
        return Arrays.copyOf(logits, rows * spec.outputSize());
    }

    /** Predictions of the last forward (rows × O): probabilities for sigmoid and softmax heads. */
    public double[] predictions() {
        return Arrays.copyOf(predictions, rows * spec.outputSize());
    }

    /** Rows of the last forward: B for a last-step head, T·B for an every-step head. */
    public int rows() {
        return rows;
    }

    private void checkTargets(Batch batch) {
        int o = spec.outputSize();
        if (spec.loss().usesClassTargets()) {
            if (batch.classes() == null || batch.classes().length < rows) {
                throw new IllegalArgumentException("softmax cross-entropy needs " + rows + " class targets");
            }
        } else if (batch.targets() == null || batch.targets().length < rows * o) {
            throw new IllegalArgumentException(spec.loss().kerasName() + " needs " + rows * o + " target values");
        }
    }
}
