package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;

/**
 * The tutorials' layout mistake as {@link SequenceModel#readDim0AsTime} reproduces it: {@code nn.LSTM} with
 * {@code batch_first=False} fed a (B, T, D) batch, and {@code out[:, -1, :]}. Sample b's prediction must be what
 * the same weights predict, read the right way, for the one sequence x_T of samples 1..b (built here by hand),
 * and the gradients must be those of the loss it reports.
 */
class TimeFirstMistakeTest {
    private static final int T = 4;
    private static final int B = 3;
    private static final int D = 2;

    private static double[] input(long seed) {   // (T, B, D), time-major, as the engine keeps a batch
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[T * B * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }

    private static SequenceModel model() {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, D, 3, 1, 1, HeadMode.LAST,
                Loss.MEAN_SQUARED_ERROR));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 7);
        return m;
    }

    @Test
    void sampleBIsPredictedFromTheLastStepOfSamplesOneToB() {
        double[] x = input(3);
        double[] y = {0.1, 0.5, 0.9};
        SequenceModel right = model();
        SequenceModel mistaken = right.copy();
        mistaken.readDim0AsTime(true);
        mistaken.forward(Batch.ofValues(SequenceInput.dense(x, T, B, D), y));
        double[] got = mistaken.predictions();
        SequenceModel replica = mistaken.replica();
        replica.forward(Batch.ofValues(SequenceInput.dense(x, T, B, D), y));
        double[] again = replica.predictions();
        for (int b = 0; b < B; b++) {
            double[] seq = new double[(b + 1) * D];   // x_T of samples 0..b, one sequence of b + 1 steps
            for (int k = 0; k <= b; k++) {
                System.arraycopy(x, ((T - 1) * B + k) * D, seq, k * D, D);
            }
            right.forward(Batch.ofValues(SequenceInput.dense(seq, b + 1, 1, D), new double[] {y[b]}));
            assertEquals(right.predictions()[0], got[b], 1e-12, "sample " + b);
            assertEquals(got[b], again[b], 0.0, "a replica reads the batch the same way");
        }
        double[] other = x.clone();
        for (int i = 0; i < (T - 1) * B * D; i++) {
            other[i] += 0.5;   // x_1 .. x_{T-1} of every sample reach no prediction
        }
        mistaken.forward(Batch.ofValues(SequenceInput.dense(other, T, B, D), y));
        for (int b = 0; b < B; b++) {
            assertEquals(got[b], mistaken.predictions()[b], 0.0, "sample " + b + " without its first steps");
        }
    }

    @Test
    void gradientsAreThoseOfTheLossItReports() {
        double[] x = input(5);
        double[] y = {0.2, 0.7, 0.4};
        SequenceModel m = model();
        m.readDim0AsTime(true);
        Batch batch = Batch.ofValues(SequenceInput.dense(x, T, B, D), y);
        m.zeroGrad();
        m.forward(batch);
        m.backward();
        double eps = 1e-6;
        for (Param p : m.parameters()) {
            double[] w = p.data();
            double[] g = p.gradData().clone();
            for (int i = 0; i < w.length; i += 3) {
                double keep = w[i];
                w[i] = keep + eps;
                double up = m.forward(batch);
                w[i] = keep - eps;
                double down = m.forward(batch);
                w[i] = keep;
                assertEquals((up - down) / (2 * eps), g[i], 1e-8, p.name() + "[" + i + "]");
            }
        }
    }
}
