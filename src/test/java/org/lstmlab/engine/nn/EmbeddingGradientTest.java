package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.engine.GoldenCase.toTimeMajor;
import static org.lstmlab.engine.Tolerance.assertClose;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.engine.GoldenCase;
import org.lstmlab.engine.check.GradientCheck;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;

/**
 * The embedding's backward pass: nn.Embedding(V, E, padding_idx=0) → LSTM / GRU → Linear with cross-entropy against
 * PyTorch 1.13 float64 (every gradient, the table's included, to 1e-9), and against central finite differences.
 */
class EmbeddingGradientTest {

    private static SequenceModel load(GoldenCase gc) {
        return load(gc, gc.metaInt("padding_idx"));
    }

    private static SequenceModel load(GoldenCase gc, int paddingIdx) {
        ModelSpec spec = new ModelSpec(CellType.parse(gc.meta.get("cell")), gc.metaInt("input_size"),
                gc.metaInt("hidden_size"), gc.metaInt("num_layers"), gc.metaInt("output_size"), HeadMode.LAST,
                Loss.SOFTMAX_CROSS_ENTROPY);
        SequenceModel model = SequenceModel.withEmbedding(spec, gc.metaInt("vocabulary"), paddingIdx);
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            double[] v = gc.get(e.getKey());
            System.arraycopy(v, 0, e.getValue().data(), 0, v.length);
        }
        return model;
    }

    private static Param table(SequenceModel model) {
        return model.namedParameters().get("embedding.weight");
    }

    private static Batch batch(GoldenCase gc) {
        int b = gc.metaInt("batch");
        int steps = gc.metaInt("seq_len");
        double[] ids = toTimeMajor(gc.get("input"), b, steps, 1);
        int[] tokens = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            tokens[i] = (int) ids[i];
        }
        double[] target = gc.get("target");
        int[] classes = new int[b];
        for (int s = 0; s < b; s++) {
            classes[s] = (int) target[s];
        }
        return Batch.ofClasses(SequenceInput.oneHot(tokens, steps, b, gc.metaInt("vocabulary")), classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedding_lstm", "embedding_gru"})
    void matchesPyTorch(String name) {
        GoldenCase gc = GoldenCase.load(name);
        SequenceModel model = load(gc);
        assertEquals("embedding.weight", model.parameters().get(0).name());
        double loss = model.forward(batch(gc));
        assertClose("loss", gc.get("expected.loss"), new double[] {loss});
        assertClose("prediction", gc.get("expected.prediction"), model.predictions());
        model.backward();
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            assertClose("grad." + e.getKey(), gc.get("expected.grad." + e.getKey()), e.getValue().gradData());
        }
        double[] table = table(model).gradData();
        int e = table(model).shape()[1];
        for (int j = 0; j < e; j++) {
            assertEquals(0.0, table[j], "the padding row gets no gradient");
            assertEquals(0.0, table[6 * e + j], "an id no sequence holds gets no gradient");
        }
    }

    /**
     * Without a padding row the table's gradient is the loss's true derivative, which central differences measure
     * (the padding row's zero is a convention: its values do reach the loss).
     */
    @ParameterizedTest
    @ValueSource(strings = {"embedding_lstm", "embedding_gru"})
    void matchesFiniteDifferences(String name) {
        GoldenCase gc = GoldenCase.load(name);
        SequenceModel model = load(gc, Embedding.NO_PADDING);
        Batch batch = batch(gc);
        GradientCheck.Report r = GradientCheck.check(model.parameters(), () -> model.forward(batch), () -> {
            model.forward(batch);
            model.backward();
        }, GradientCheck.DEFAULT_EPSILON);
        assertTrue(r.passed(), () -> r.failures() + " failures, worst " + r.worstParam() + " "
                + r.worstRelativeError());
        GradientCheck.ParamResult table = r.params().get(0);
        assertEquals("embedding.weight", table.name());
        assertTrue(table.relativeError() < 1e-6, () -> "embedding.weight relative error " + table.relativeError());
    }

    /** A token used at several steps gets the sum of their input gradients, checked on a model without padding. */
    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void tableGradientIsTheSumOfTheInputGradientsAtItsRows(String cell) {
        int v = 5;
        int e = 3;
        int steps = 4;
        int b = 2;
        ModelSpec spec = new ModelSpec(CellType.parse(cell), e, 4, 2, 3, HeadMode.LAST, Loss.SOFTMAX_CROSS_ENTROPY);
        SequenceModel model = SequenceModel.withEmbedding(spec, v, Embedding.NO_PADDING);
        SplittableRandom rng = new SplittableRandom(11);
        for (Param p : model.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.data()[i] = rng.nextDouble(-0.7, 0.7);
            }
        }
        int[] tokens = {0, 3, 3, 0, 1, 3, 0, 0};
        Batch ids = Batch.ofClasses(SequenceInput.oneHot(tokens, steps, b, v), new int[] {2, 1});
        model.forward(ids);
        model.backward();
        double[] expected = new double[v * e];
        double[] dx = model.rnn().grads(0).dx();
        for (int i = 0; i < tokens.length; i++) {
            for (int j = 0; j < e; j++) {
                expected[tokens[i] * e + j] += dx[i * e + j];
            }
        }
        assertArrayEquals(expected, table(model).gradData(), 0.0);
        // the same model on the rows as dense input has the same recurrent and head gradients
        SequenceModel dense = new SequenceModel(spec);
        for (int k = 1; k < model.parameters().size(); k++) {
            dense.parameters().get(k - 1).data()[0] = 0;
            System.arraycopy(model.parameters().get(k).data(), 0, dense.parameters().get(k - 1).data(), 0,
                    model.parameters().get(k).size());
        }
        double[] x = new double[tokens.length * e];
        for (int i = 0; i < tokens.length; i++) {
            System.arraycopy(table(model).data(), tokens[i] * e, x, i * e, e);
        }
        dense.forward(Batch.ofClasses(SequenceInput.dense(x, steps, b, e), new int[] {2, 1}));
        dense.backward(true);
        assertArrayEquals(dx, dense.rnn().grads(0).dx(), 0.0);
        for (int k = 1; k < model.parameters().size(); k++) {
            assertArrayEquals(dense.parameters().get(k - 1).gradData(), model.parameters().get(k).gradData(), 0.0);
        }
    }

    /** In float32 the table's gradient follows the float64 one to float32 rounding. */
    @ParameterizedTest
    @ValueSource(strings = {"embedding_lstm", "embedding_gru"})
    void float32TableGradientFollowsFloat64(String name) {
        GoldenCase gc = GoldenCase.load(name);
        SequenceModel model = load(gc);
        model.setPrecision(Precision.FLOAT32);
        model.forward(batch(gc));
        model.backward();
        double[] expected = gc.get("expected.grad.embedding.weight");
        double[] actual = table(model).gradData();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "embedding.weight[" + i + "]");
        }
        for (int j = 0; j < table(model).shape()[1]; j++) {
            assertEquals(0.0, actual[j], "the padding row gets no gradient");
        }
    }
}
