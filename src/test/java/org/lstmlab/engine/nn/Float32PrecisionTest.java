package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;

/**
 * The float32 precision computes what the float64 one does, for every cell type (the tutorial variants, the
 * reset-before GRU with its own float32 products, the ReLU RNN), with a dense and with a one-hot input: loss, every
 * parameter's gradient, the input gradient and the final states of one forward and backward pass of a two-layer
 * model agree with float64 to 1e-4 of each tensor's largest value (measured 2.0e-7 to 4.9e-7, where float32
 * rounding puts them; Float32ReferenceTest holds LSTM and GRU to PyTorch float32 itself). Also: the trace's
 * accessors give float64 copies of the float32 trace.
 */
class Float32PrecisionTest {
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @EnumSource(CellType.class)
    void float32AgreesWithFloat64OnEveryCellType(CellType cell) {
        agree(cell, 19, 6, 3);
    }

    /**
     * A pass long enough that the backward pass sums its weight, bias and input gradients in several blocks of steps
     * (Float32Gradients), as W2 and W3 do: still within float32 rounding of float64.
     */
    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "GRU", "GRU_RESET_BEFORE", "RNN_TANH"})
    void float32AgreesWithFloat64AcrossBlocksOfSteps(CellType cell) {
        int h = 128;
        int steps = 40;
        int batch = 16;
        int blockSteps = new Float32Gradients(h, h, cell.gateCount() * h).blockSteps(steps, batch);
        assertTrue(blockSteps < steps, "several blocks: " + blockSteps + " steps each");
        agree(cell, h, steps, batch);
    }

    private static void agree(CellType cell, int h, int steps, int batch) {
        for (boolean oneHot : new boolean[] {false, true}) {
            List<double[]> f64 = pass(cell, oneHot, Precision.FLOAT64, h, steps, batch);
            List<double[]> f32 = pass(cell, oneHot, Precision.FLOAT32, h, steps, batch);
            double worst = 0;
            for (int i = 0; i < f64.size(); i++) {
                double r = relative(f64.get(i), f32.get(i));
                assertTrue(r <= TOLERANCE, cell + (oneHot ? " one-hot" : " dense") + " result " + i + ": " + r);
                worst = Math.max(worst, r);
            }
            System.out.printf("%s %s H=%d T=%d B=%d: float32 within %.1e of float64%n", cell,
                    oneHot ? "one-hot" : "dense", h, steps, batch, worst);
            assertTrue(worst > 0, cell + ": the float32 precision rounds");
        }
    }

    /** One forward and backward pass (dense input: with dx); the loss, gradients, final states and dx. */
    private static List<double[]> pass(CellType cell, boolean oneHot, Precision precision, int h, int steps,
                                       int batch) {
        int d = oneHot ? 7 : 5;
        SequenceModel model = new SequenceModel(new ModelSpec(cell, d, h, 2, 4, HeadMode.EVERY_STEP,
                Loss.SOFTMAX_CROSS_ENTROPY));
        SplittableRandom r = new SplittableRandom(31);
        double range = 0.4 * Math.sqrt(19.0 / h);  // wider layers get smaller weights: not chaotic over T steps
        for (Param p : model.parameters()) {
            double[] w = p.data();
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextDouble(-range, range);
            }
        }
        model.setPrecision(precision);
        int[] classes = new int[steps * batch];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = r.nextInt(4);
        }
        SequenceInput in;
        if (oneHot) {
            int[] tokens = new int[steps * batch];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = r.nextInt(d);
            }
            in = SequenceInput.oneHot(tokens, steps, batch, d);
        } else {
            double[] x = new double[steps * batch * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
            in = SequenceInput.dense(x, steps, batch, d);
        }
        model.zeroGrad();
        double loss = model.forward(Batch.ofClasses(in, classes));
        model.backward(!oneHot);
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {loss});
        for (Param p : model.parameters()) {
            out.add(p.gradData().clone());
        }
        RecurrentStack rnn = model.rnn();
        out.add(rnn.finalHidden());
        out.add(rnn.trace(1).outputs());
        out.add(rnn.grads(0).dh());
        out.add(rnn.initialHiddenGrad(0));
        if (cell.hasCellState()) {
            out.add(rnn.finalCell());
            out.add(rnn.initialCellGrad(1));
        }
        if (!oneHot) {
            out.add(rnn.grads(0).dx());
        }
        if (precision == Precision.FLOAT32) {
            LayerTrace tr = rnn.trace(0);
            assertArrayEquals(widened(tr.hiddenF, (steps + 1) * batch * h), tr.hidden(), "hidden() is a copy");
            if (!cell.isSimpleRnn()) {
                assertArrayEquals(widened(tr.gatesF, steps * batch * cell.gateCount() * h), tr.gates());
            }
            if (cell.hasCellState()) {
                assertNull(rnn.grads(0).dc(), "dc_t is not kept in float32");
            }
        }
        return out;
    }

    private static double[] widened(float[] a, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i];
        }
        return out;
    }

    /** Largest |a − b| over the largest |a| (at least 1e-3). */
    private static double relative(double[] a, double[] b) {
        double scale = 1e-3;
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst / scale;
    }
}
