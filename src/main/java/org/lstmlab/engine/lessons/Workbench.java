package org.lstmlab.engine.lessons;

import java.util.Arrays;
import java.util.List;

import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.presets.HandBuiltWeights;
import org.lstmlab.engine.presets.InputSignals;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.engine.trace.expr.ExprParser;
import org.lstmlab.engine.trace.expr.Evaluator;
import org.lstmlab.engine.trace.expr.TraceScope;

/**
 * The debugger without a display: a cell with its weights and one input sequence, traced forward and backward, a
 * cursor (timestep and direction), and optionally a second cell beside the first. The lesson actions run on it
 * exactly as the debugger runs them, with the debugger's rules (a hand-built preset fixes D = 1, its H and one
 * layer; the counter takes the counting pulses; editing the input turns it into a table), so that every number a
 * lesson quotes is the number the student sees.
 *
 * <p>Backpropagation starts, as in the debugger, from L = Σ_j h_T[j] ({@code last-step}) or L = Σ_t Σ_j h_t[j]
 * ({@code every-step}); a model opened from a training run uses its own head and loss against the sample's target.
 */
public final class Workbench {
    private CellType cell = CellType.LSTM;
    private int steps = 20;
    private int inputSize = 1;
    private int hiddenSize = 4;
    private String weights = "torch";
    private long seed = 6;
    private String input = "sine";
    private String word = "hello";
    private String loss = "last-step";

    private RecurrentStack stack;
    private double[] x;
    private SequenceModel model;  // a trained model (its head and loss), or null
    private Batch sample;

    private int cursor = 1;
    private Direction direction = Direction.FORWARD;
    private CellType beside;

    private Trace trace;
    private Trace besideTrace;
    private Head head;

    public Workbench() {
        rebuild();
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /** Applies the non-null fields of a set-up and rebuilds the weights and the input (edits are dropped). */
    public void setUp(Action.Setup s) {
        if (s.cell() != null) {
            cell = s.cell();
        }
        if (s.steps() != null) {
            steps = s.steps();
        }
        if (s.inputSize() != null) {
            inputSize = s.inputSize();
        }
        if (s.hiddenSize() != null) {
            hiddenSize = s.hiddenSize();
        }
        if (s.weights() != null) {
            weights = s.weights();
        }
        if (s.seed() != null) {
            seed = s.seed();
        }
        if (s.input() != null) {
            input = s.input();
        }
        if (s.word() != null) {
            word = s.word();
        }
        if (s.loss() != null) {
            loss = s.loss();
        }
        model = null;
        sample = null;
        rebuild();
    }

    private void rebuild() {
        HandBuiltWeights.Preset hand = handBuilt();
        if (hand != null) {
            if (!HandBuiltWeights.supports(hand, cell)) {
                throw Refusal.of("engine.run.noPreset", weights, cell.id());
            }
            inputSize = 1;
            hiddenSize = HandBuiltWeights.hiddenSize(hand, cell);
            if (hand == HandBuiltWeights.Preset.COUNTER && !input.equals("table")) {
                input = "counting";
            } else if (input.equals("word")) {
                input = "sine";
            }
        }
        InputSignals.Data data = switch (input) {
            case "word" -> InputSignals.oneHot(word);
            case "counting" -> InputSignals.counting(steps, inputSize);
            case "table" -> resized(steps, inputSize);
            default -> InputSignals.sine(steps, inputSize);
        };
        steps = data.steps();
        inputSize = data.size();
        x = data.values();
        stack = new RecurrentStack(cell, inputSize, hiddenSize, 1);
        if (hand != null) {
            HandBuiltWeights.apply(hand, stack);
        } else {
            Initializers.initialize(stack, scheme(), seed);
        }
        cursor = Math.min(Math.max(cursor, 1), steps);
        invalidate();
    }

    private InputSignals.Data resized(int t, int d) {
        double[] out = new double[t * d];
        if (x != null) {
            int oldD = stack == null ? d : stack.inputSize();
            int oldT = x.length / Math.max(1, oldD);
            for (int s = 0; s < Math.min(t, oldT); s++) {
                for (int k = 0; k < Math.min(d, oldD); k++) {
                    out[s * d + k] = x[s * oldD + k];
                }
            }
        }
        return new InputSignals.Data(t, d, out, List.of());
    }

    private HandBuiltWeights.Preset handBuilt() {
        return switch (weights) {
            case "latch" -> HandBuiltWeights.Preset.LATCH;
            case "counter" -> HandBuiltWeights.Preset.COUNTER;
            default -> null;
        };
    }

    private Initializers.Scheme scheme() {
        return weights.equals("keras") ? Initializers.Scheme.KERAS : Initializers.Scheme.TORCH;
    }

    /** Sets one weight of the main cell. */
    public void setWeight(String name, int row, int col, double value) {
        GateView v = GateView.of(stack.layer(0), name);
        if (row < 0 || row >= v.rows() || col < 0 || col >= v.cols()) {
            throw Refusal.of("engine.run.weightIndex", name, Integer.toString(v.rows() - 1),
                    Integer.toString(v.cols() - 1), Integer.toString(row), Integer.toString(col));
        }
        v.set(row, col, value);
        invalidate();
    }

    /** Sets x_t[d], t counted from 1; the input becomes a table, as in the debugger. */
    public void setInput(int t, int d, double value) {
        if (t < 1 || t > steps || d < 0 || d >= inputSize) {
            throw Refusal.of("engine.run.inputIndex", Integer.toString(steps), Integer.toString(inputSize));
        }
        x[(t - 1) * inputSize + d] = value;
        if (model == null) {
            input = "table";
        }
        invalidate();
    }

    /** Opens a trained model with the first validation sequence of its data, as the Train tab's hand-off does. */
    public void open(SequenceModel trained, Dataset data) {
        Sample s = data.validation().get(0).unpadded();   // a padded sequence's real steps
        model = trained.replica();
        sample = Batches.toBatch(List.of(s), data.head(), data.outputSize());
        cell = trained.spec().cell();
        inputSize = trained.spec().inputSize();
        hiddenSize = trained.spec().hiddenSize();
        steps = s.steps();
        x = sample.input().isOneHot() ? oneHot(sample.input()) : sample.input().dense().clone();
        stack = new RecurrentStack(cell, inputSize, hiddenSize, 1);
        copy(trained.rnn().parameters(), stack.parameters());
        weights = "trained";
        input = "sample";
        loss = "model";
        cursor = Math.min(cursor, steps);
        invalidate();
    }

    private static double[] oneHot(SequenceInput in) {
        double[] out = new double[in.steps() * in.size()];
        for (int t = 0; t < in.steps(); t++) {
            double[] v = in.vector(t, 0);
            System.arraycopy(v, 0, out, t * in.size(), in.size());
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ cursor

    public void jump(int t) {
        if (t < 1 || t > steps) {
            throw Refusal.of("engine.run.jump", Integer.toString(t), Integer.toString(steps));
        }
        cursor = t;
    }

    /** Moves the cursor to the first timestep after which the condition holds; false if it never does. */
    public boolean runToBreakpoint(String condition) {
        var expr = ExprParser.parse(condition);
        Trace tr = trace();
        for (int t = 0; t < tr.steps(); t++) {
            if (Evaluator.evaluate(expr, new TraceScope(tr, 0, t, 0)).holds()) {
                cursor = t + 1;
                return true;
            }
        }
        return false;
    }

    public void setDirection(Direction d) {
        direction = d;
    }

    /** Puts a cell beside the main one (null removes it). */
    public void setBeside(CellType other) {
        beside = other;
        besideTrace = null;
    }

    // ------------------------------------------------------------------------------------------------ traces

    private void invalidate() {
        trace = null;
        besideTrace = null;
        head = null;
    }

    /** The main cell's trace, forward and backward. */
    public Trace trace() {
        if (trace == null) {
            trace = traceOf(cell, stack.parameters());
        }
        return trace;
    }

    /** The trace of the cell beside the main one, or null. */
    public Trace besideTrace() {
        if (beside == null) {
            return null;
        }
        if (besideTrace == null) {
            if (beside.gates().equals(cell.gates())) {
                besideTrace = traceOf(beside, stack.parameters());
            } else {
                RecurrentStack other = new RecurrentStack(beside, inputSize, hiddenSize, 1);
                Initializers.initialize(other, scheme(), seed);
                besideTrace = traceOf(beside, other.parameters());
            }
        }
        return besideTrace;
    }

    private Trace traceOf(CellType c, List<Param> params) {
        SequenceInput in = SequenceInput.dense(x.clone(), steps, 1, inputSize);
        if (model != null && c == cell) {
            SequenceModel m = model.replica();
            copy(params, m.rnn().parameters());
            m.forward(new Batch(in, sample.targets(), sample.classes()));
            m.backward(true);
            return Trace.withGradients(m.rnn());
        }
        RecurrentStack s = new RecurrentStack(c, inputSize, hiddenSize, 1);
        copy(params, s.parameters());
        s.forward(in, null, null);
        double[] dy = new double[steps * hiddenSize];
        int from = loss.equals("every-step") ? 0 : (steps - 1) * hiddenSize;
        Arrays.fill(dy, from, dy.length, 1.0);
        s.backward(dy, null, null, true);
        return Trace.withGradients(s);
    }

    /**
     * The Dense head of an opened trained model on its sample, with the weights as they are now: the logits
     * (rows × outputs, before the output activation), the predictions, the targets (class indices for a softmax
     * head) and the loss. Null when no trained model is open.
     */
    public Head head() {
        if (model == null) {
            return null;
        }
        if (head == null) {
            SequenceModel m = model.replica();
            copy(stack.parameters(), m.rnn().parameters());
            SequenceInput in = SequenceInput.dense(x.clone(), steps, 1, inputSize);
            double loss = m.forward(new Batch(in, sample.targets(), sample.classes()));
            double[] targets = sample.classes() != null
                    ? Arrays.stream(sample.classes()).asDoubleStream().toArray()
                    : Arrays.copyOf(sample.targets(), m.predictions().length);
            head = new Head(m.logits(), m.predictions(), targets, loss);
        }
        return head;
    }

    /** What the head of an opened model computes on its sample. */
    public record Head(double[] logits, double[] predictions, double[] targets, double loss) {
    }

    private static void copy(List<Param> from, List<Param> to) {
        Param.setValues(to, from.stream().map(Param::data).toList());
    }

    // ------------------------------------------------------------------------------------------------ state

    /** Everything the debugger's set-up form and cursor show, for mirroring the workbench on the debugger. */
    public record State(CellType cell, int steps, int inputSize, int hiddenSize, String weights, long seed,
                        String input, String word, String loss, int cursor, Direction direction, CellType beside) {
    }

    public State state() {
        return new State(cell, steps, inputSize, hiddenSize, weights, seed, input, word, loss, cursor, direction,
                beside);
    }

    public CellType cell() {
        return cell;
    }

    /** The cursor's timestep, counted from 1. */
    public int cursor() {
        return cursor;
    }
}
