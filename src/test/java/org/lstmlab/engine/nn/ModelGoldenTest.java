package org.lstmlab.engine.nn;

import static org.lstmlab.engine.GoldenCase.toBatchFirst;
import static org.lstmlab.engine.GoldenCase.toTimeMajor;
import static org.lstmlab.engine.Tolerance.assertClose;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.GoldenCase;
import org.lstmlab.engine.loss.Loss;

/** The Keras example model and a character model against PyTorch 1.13 float64: predictions, loss, gradients. */
class ModelGoldenTest {

    private static SequenceModel load(GoldenCase gc, ModelSpec spec) {
        SequenceModel model = new SequenceModel(spec);
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            double[] v = gc.get(e.getKey());
            System.arraycopy(v, 0, e.getValue().data(), 0, v.length);
        }
        return model;
    }

    private static void assertGradients(GoldenCase gc, SequenceModel model) {
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            assertClose("grad." + e.getKey(), gc.get("expected.grad." + e.getKey()), e.getValue().gradData());
        }
    }

    @Test
    void kerasExampleLastStepSigmoidBce() {
        GoldenCase gc = GoldenCase.load("model_keras_seed");
        int b = gc.metaInt("batch");
        int steps = gc.metaInt("seq_len");
        ModelSpec spec = ModelSpec.kerasExample(gc.metaInt("hidden_size"));
        SequenceModel model = load(gc, spec);
        double[] x = toTimeMajor(gc.get("input"), b, steps, 1);
        double loss = model.forward(Batch.ofValues(SequenceInput.dense(x, steps, b, 1), gc.get("target")));
        assertClose("loss", gc.get("expected.loss"), new double[] {loss});
        assertClose("prediction", gc.get("expected.prediction"), model.predictions());
        model.backward();
        assertGradients(gc, model);
    }

    @Test
    void charModelEveryStepSoftmaxCrossEntropy() {
        GoldenCase gc = GoldenCase.load("model_charlm");
        int b = gc.metaInt("batch");
        int steps = gc.metaInt("seq_len");
        int v = gc.metaInt("input_size");
        int o = gc.metaInt("output_size");
        ModelSpec spec = new ModelSpec(CellType.LSTM, v, gc.metaInt("hidden_size"), 1, o, HeadMode.EVERY_STEP,
                Loss.SOFTMAX_CROSS_ENTROPY);
        SequenceModel model = load(gc, spec);
        double[] x = toTimeMajor(gc.get("input"), b, steps, v);
        double[] targetBatchFirst = gc.get("target");
        double[] targetTimeMajor = toTimeMajor(targetBatchFirst, b, steps, 1);
        int[] classes = new int[targetTimeMajor.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (int) targetTimeMajor[i];
        }
        double loss = model.forward(Batch.ofClasses(SequenceInput.dense(x, steps, b, v), classes));
        assertClose("loss", gc.get("expected.loss"), new double[] {loss});
        assertClose("prediction", gc.get("expected.prediction"), toBatchFirst(model.predictions(), b, steps, o));
        model.backward();
        assertGradients(gc, model);
    }

    @Test
    void oneHotRowGatherEqualsDenseProduct() {
        GoldenCase gc = GoldenCase.load("model_charlm");
        int b = gc.metaInt("batch");
        int steps = gc.metaInt("seq_len");
        int v = gc.metaInt("input_size");
        ModelSpec spec = new ModelSpec(CellType.LSTM, v, gc.metaInt("hidden_size"), 1, gc.metaInt("output_size"),
                HeadMode.EVERY_STEP, Loss.SOFTMAX_CROSS_ENTROPY);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        int[] tokens = new int[steps * b];
        double[] x = new double[steps * b * v];
        for (int r = 0; r < tokens.length; r++) {
            tokens[r] = rng.nextInt(v);
            x[r * v + tokens[r]] = 1.0;
        }
        int[] classes = new int[steps * b];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = rng.nextInt(v);
        }
        SequenceModel model = load(gc, spec);
        double loss = model.forward(Batch.ofClasses(SequenceInput.oneHot(tokens, steps, b, v), classes));
        model.backward();
        SequenceModel dense = load(gc, spec);
        double denseLoss = dense.forward(Batch.ofClasses(SequenceInput.dense(x, steps, b, v), classes));
        dense.backward();
        assertClose("loss", new double[] {denseLoss}, new double[] {loss});
        for (int i = 0; i < model.parameters().size(); i++) {
            assertClose(model.parameters().get(i).name(), dense.parameters().get(i).gradData(),
                    model.parameters().get(i).gradData());
        }
    }
}
