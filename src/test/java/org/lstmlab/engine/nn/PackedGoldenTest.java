package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.engine.GoldenCase.toTimeMajor;
import static org.lstmlab.engine.Tolerance.assertClose;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.engine.GoldenCase;
import org.lstmlab.engine.check.GradientCheck;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;

/**
 * Sequences of several lengths in one batch against PyTorch 1.13 float64 (golden/make_packed.py): a 2-layer LSTM
 * and GRU on a packed batch of 3, a Linear head on h_n[-1], MSE. Predictions, loss and every gradient to 1e-9; the
 * padding reaches nothing; a finite-difference check; the lengths ignored read h_T instead.
 */
class PackedGoldenTest {

    private record Loaded(SequenceModel model, Batch batch, GoldenCase gc) {
    }

    private static Loaded load(String cell) {
        GoldenCase gc = GoldenCase.load("model_" + cell + "_packed_l2");
        int b = gc.metaInt("batch");
        int steps = gc.metaInt("seq_len");
        int d = gc.metaInt("input_size");
        ModelSpec spec = new ModelSpec(CellType.parse(gc.meta.get("cell")), d, gc.metaInt("hidden_size"),
                gc.metaInt("num_layers"), gc.metaInt("output_size"), HeadMode.LAST, Loss.MEAN_SQUARED_ERROR);
        SequenceModel model = new SequenceModel(spec);
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            double[] v = gc.get(e.getKey());
            System.arraycopy(v, 0, e.getValue().data(), 0, v.length);
        }
        double[] raw = gc.get("lengths");
        int[] lengths = new int[b];
        for (int s = 0; s < b; s++) {
            lengths[s] = (int) raw[s];
        }
        SequenceInput in = SequenceInput.dense(toTimeMajor(gc.get("input"), b, steps, d), steps, b, d);
        return new Loaded(model, new Batch(in, gc.get("target"), null, lengths), gc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void agreesWithPackPaddedSequence(String cell) {
        Loaded c = load(cell);
        double loss = c.model.forward(c.batch);
        assertClose("loss", c.gc.get("expected.loss"), new double[] {loss});
        assertClose("prediction", c.gc.get("expected.prediction"), c.model.predictions());
        c.model.zeroGrad();
        c.model.backward();
        for (Map.Entry<String, Param> e : c.model.namedParameters().entrySet()) {
            assertClose("grad." + e.getKey(), c.gc.get("expected.grad." + e.getKey()), e.getValue().gradData());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void thePaddingReachesNothing(String cell) {
        Loaded c = load(cell);
        double loss = c.model.forward(c.batch);
        c.model.zeroGrad();
        c.model.backward();
        double[][] grads = c.model.parameters().stream().map(p -> p.gradData().clone()).toArray(double[][]::new);
        SequenceInput in = c.batch.input();
        double[] zeroed = in.dense().clone();
        for (int s = 0; s < in.batch(); s++) {
            for (int t = c.batch.lengths()[s]; t < in.steps(); t++) {
                java.util.Arrays.fill(zeroed, (t * in.batch() + s) * in.size(), (t * in.batch() + s + 1) * in.size(),
                        0.0);
            }
        }
        Batch zeros = new Batch(SequenceInput.dense(zeroed, in.steps(), in.batch(), in.size()), c.batch.targets(),
                null, c.batch.lengths());
        assertEquals(loss, c.model.forward(zeros));
        c.model.zeroGrad();
        c.model.backward();
        for (int k = 0; k < grads.length; k++) {
            assertArrayEquals(grads[k], c.model.parameters().get(k).gradData(), c.model.parameters().get(k).name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void finiteDifferencesAgree(String cell) {
        Loaded c = load(cell);
        GradientCheck.Report r = GradientCheck.check(c.model.parameters(), () -> c.model.forward(c.batch), () -> {
            c.model.zeroGrad();
            c.model.forward(c.batch);
            c.model.backward();
        }, GradientCheck.DEFAULT_EPSILON);
        assertTrue(r.passed(), r.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void fullLengthsAreBitIdenticalToNoLengths(String cell) {
        Loaded c = load(cell);
        SequenceInput in = c.batch.input();
        int[] full = new int[in.batch()];
        java.util.Arrays.fill(full, in.steps());
        double withLengths = c.model.forward(new Batch(in, c.batch.targets(), null, full));
        double[] predictions = c.model.predictions();
        c.model.zeroGrad();
        c.model.backward();
        double[][] grads = c.model.parameters().stream().map(p -> p.gradData().clone()).toArray(double[][]::new);
        assertEquals(withLengths, c.model.forward(Batch.ofValues(in, c.batch.targets())));
        assertArrayEquals(predictions, c.model.predictions());
        c.model.zeroGrad();
        c.model.backward();
        for (int k = 0; k < grads.length; k++) {
            assertArrayEquals(grads[k], c.model.parameters().get(k).gradData());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void readingTheLastStepIgnoresTheLengths(String cell) {
        Loaded c = load(cell);
        double packed = c.model.forward(c.batch);
        c.model.readLastStep(true);
        SequenceModel replica = c.model.replica();
        double last = replica.forward(c.batch);
        assertEquals(last, c.model.forward(Batch.ofValues(c.batch.input(), c.batch.targets())));
        assertTrue(Math.abs(last - packed) > 1e-3, packed + " vs " + last);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void float32FollowsTheLengths(String cell) {
        Loaded c = load(cell);
        c.model.setPrecision(Precision.FLOAT32);
        double loss = c.model.forward(c.batch);
        c.model.zeroGrad();
        c.model.backward();
        assertEquals(c.gc.get("expected.loss")[0], loss, 1e-5);
        double[] expected = c.gc.get("expected.grad.rnn.weight_ih_l0");
        double[] got = c.model.parameters().get(0).gradData();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-5, "grad.rnn.weight_ih_l0[" + i + "]");
        }
    }

    /**
     * Every cell, two layers: the padded batch with its lengths gives each sequence the prediction it gets alone,
     * cut to its length, and the batch's gradient is the mean of theirs (the loss is the mean over the batch).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(CellType.class)
    void everyCellReadsEachSequenceAsIfAlone(CellType cell) {
        Loaded c = load("lstm");
        SequenceInput in = c.batch.input();
        int b = in.batch();
        int d = in.size();
        int o = c.gc.metaInt("output_size");
        SequenceModel m = new SequenceModel(new ModelSpec(cell, d, 5, 2, o, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 11);
        m.zeroGrad();
        m.forward(c.batch);
        double[] predictions = m.predictions();
        m.backward();
        double[][] batchGrads = m.parameters().stream().map(p -> p.gradData().clone()).toArray(double[][]::new);
        double[][] mean = new double[batchGrads.length][];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = new double[batchGrads[k].length];
        }
        for (int s = 0; s < b; s++) {
            int length = c.batch.lengths()[s];
            double[] x = new double[length * d];
            for (int t = 0; t < length; t++) {
                System.arraycopy(in.dense(), (t * b + s) * d, x, t * d, d);
            }
            double[] y = java.util.Arrays.copyOfRange(c.batch.targets(), s * o, (s + 1) * o);
            m.zeroGrad();
            m.forward(Batch.ofValues(SequenceInput.dense(x, length, 1, d), y));
            assertClose("prediction " + s, java.util.Arrays.copyOfRange(predictions, s * o, (s + 1) * o),
                    m.predictions());
            m.backward();
            for (int k = 0; k < mean.length; k++) {
                double[] g = m.parameters().get(k).gradData();
                for (int i = 0; i < g.length; i++) {
                    mean[k][i] += g[i] / b;
                }
            }
        }
        for (int k = 0; k < mean.length; k++) {
            assertClose(cell + " " + m.parameters().get(k).name(), mean[k], batchGrads[k]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm"})
    void anEveryStepHeadRefusesLengths(String cell) {
        Loaded c = load(cell);
        SequenceInput in = c.batch.input();
        ModelSpec every = new ModelSpec(CellType.LSTM, in.size(), 4, 1, 1, HeadMode.EVERY_STEP,
                Loss.MEAN_SQUARED_ERROR);
        Batch b = new Batch(in, new double[in.steps() * in.batch()], null, c.batch.lengths());
        assertThrows(IllegalArgumentException.class, () -> new SequenceModel(every).forward(b));
    }
}
