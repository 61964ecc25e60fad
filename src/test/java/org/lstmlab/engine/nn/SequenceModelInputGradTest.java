package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;

/** backward(true) also gives dL/dx of the input, and it agrees with central finite differences of the loss. */
class SequenceModelInputGradTest {

    @Test
    void inputGradientMatchesFiniteDifferences() {
        int steps = 4;
        int d = 2;
        ModelSpec spec = new ModelSpec(CellType.GRU, d, 3, 2, 1, HeadMode.LAST, Loss.BINARY_CROSS_ENTROPY);
        SequenceModel model = new SequenceModel(spec);
        Initializers.initialize(model, Initializers.Scheme.TORCH, 5);
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[steps * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        double[] y = {1.0};
        model.forward(Batch.ofValues(SequenceInput.dense(x, steps, 1, d), y));
        model.backward(true);
        double[] dx = model.rnn().grads(0).dx().clone();
        double eps = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + eps;
            double up = model.forward(Batch.ofValues(SequenceInput.dense(x, steps, 1, d), y));
            x[i] = keep - eps;
            double down = model.forward(Batch.ofValues(SequenceInput.dense(x, steps, 1, d), y));
            x[i] = keep;
            assertEquals((up - down) / (2 * eps), dx[i], 1e-8, "dL/dx[" + i + "]");
        }
    }
}
