package org.lstmlab.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;

/**
 * A random recurrent stack with a random input, random initial states and the loss
 * {@code Σ output⊙R + Σ h_n⊙S (+ Σ c_n⊙U)}, so that every path of backpropagation through time is exercised:
 * the outputs, the final states, the input and the initial states are all checked along with the weights.
 */
public final class GradientCheckCase {
    private final RecurrentStack stack;
    private final int steps;
    private final int batch;
    private final Param input;     // x (T, B, D)
    private final Param h0;        // (L, B, H)
    private final Param c0;        // (L, B, H), LSTM only
    private final double[] outputWeights;  // R (T, B, H)
    private final double[] hnWeights;      // S (L, B, H)
    private final double[] cnWeights;      // U (L, B, H)

    public GradientCheckCase(CellType cell, int inputSize, int hiddenSize, int layers, int steps, int batch,
                             long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        this.stack = new RecurrentStack(cell, inputSize, hiddenSize, layers);
        this.steps = steps;
        this.batch = batch;
        for (Param p : stack.parameters()) {
            fill(p.data(), 0.6, rng);
        }
        int lbh = layers * batch * hiddenSize;
        input = new Param("input", steps * batch * inputSize);
        h0 = new Param("h0", lbh);
        c0 = new Param("c0", lbh);
        fill(input.data(), 1.0, rng);
        fill(h0.data(), 0.5, rng);
        fill(c0.data(), 0.5, rng);
        outputWeights = new double[steps * batch * hiddenSize];
        hnWeights = new double[lbh];
        cnWeights = new double[lbh];
        fill(outputWeights, 1.0, rng);
        fill(hnWeights, 1.0, rng);
        fill(cnWeights, 1.0, rng);
    }

    private static void fill(double[] a, double scale, SplittableRandom rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble(-scale, scale);
        }
    }

    public RecurrentStack stack() {
        return stack;
    }

    /** The stack's weights, then the input, h0 and (LSTM) c0. */
    public List<Param> checkedParams() {
        List<Param> all = new ArrayList<>(stack.parameters());
        all.add(input);
        all.add(h0);
        if (stack.cell().hasCellState()) {
            all.add(c0);
        }
        return all;
    }

    /** Forward only: the loss. */
    public double loss() {
        stack.forward(SequenceInput.dense(input.data(), steps, batch, stack.inputSize()), h0.data(),
                stack.cell().hasCellState() ? c0.data() : null);
        LayerTrace top = stack.trace(stack.numLayers() - 1);
        double sum = dot(top.hidden(), top.stateOffset(1, 0), outputWeights);
        sum += dot(stack.finalHidden(), 0, hnWeights);
        if (stack.cell().hasCellState()) {
            sum += dot(stack.finalCell(), 0, cnWeights);
        }
        return sum;
    }

    /** Forward and backward: fills the gradient of every checked parameter. */
    public void lossAndGradients() {
        loss();
        boolean lstm = stack.cell().hasCellState();
        stack.backward(outputWeights, hnWeights, lstm ? cnWeights : null, true);
        int bh = batch * stack.hiddenSize();
        System.arraycopy(stack.grads(0).dx(), 0, input.gradData(), 0, input.size());
        for (int k = 0; k < stack.numLayers(); k++) {
            System.arraycopy(stack.initialHiddenGrad(k), 0, h0.gradData(), k * bh, bh);
            if (lstm) {
                System.arraycopy(stack.initialCellGrad(k), 0, c0.gradData(), k * bh, bh);
            }
        }
    }

    /** Runs the check with the default epsilon. */
    public GradientCheck.Report run() {
        return run(done -> { });
    }

    /** Runs the check with the default epsilon, telling {@code progress} how many values are done. */
    public GradientCheck.Report run(java.util.function.LongConsumer progress) {
        return GradientCheck.check(checkedParams(), this::loss, this::lossAndGradients, GradientCheck.DEFAULT_EPSILON,
                progress);
    }

    /** How many values a case of these sizes checks: every weight, the input and the initial states. */
    public static long values(CellType cell, int inputSize, int hiddenSize, int layers, int steps, int batch) {
        long states = (cell.hasCellState() ? 2L : 1L) * layers * batch * hiddenSize;
        return org.lstmlab.engine.nn.ModelSpec.stackParameters(cell, inputSize, hiddenSize, layers)
                + (long) steps * batch * inputSize + states;
    }

    /**
     * The work of a check, in multiply-adds: two forward passes per checked value, each about
     * {@code L·T·(64 + B·G·H·(D+H))} (the 64 stands for the fixed cost of a time step, which dominates for tiny
     * layers). A long overflow gives {@code Long.MAX_VALUE}.
     */
    public static long work(CellType cell, int inputSize, int hiddenSize, int layers, int steps, int batch) {
        long perStep = org.lstmlab.engine.bounds.MemoryBudget.product(batch, (long) cell.gateCount() * hiddenSize,
                (long) inputSize + hiddenSize);
        long forward = org.lstmlab.engine.bounds.MemoryBudget.product(layers, steps,
                perStep < 0 ? -1 : perStep + 64);
        long all = org.lstmlab.engine.bounds.MemoryBudget.product(2, values(cell, inputSize, hiddenSize, layers,
                steps, batch), forward);
        return all < 0 ? Long.MAX_VALUE : all;
    }

    private static double dot(double[] a, int off, double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += a[off + i] * w[i];
        }
        return s;
    }
}
