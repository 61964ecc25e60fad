package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmlab.engine.math.Precision;

/**
 * The bias gradients of a recurrent layer are the column sums of the pre-activation gradients, summed row by row
 * onto the value each gradient started from: checked bit for bit against that loop written out here, for the
 * LSTM and RNN (where b_ih and b_hh share one pre-activation and the layer sums once when both start equal) and
 * the GRU (separate sums), from zero and from two different start values (gradients accumulated over passes). In
 * the float32 precision the sums are float32 sums of the float32 gradients, added to the float64 start values.
 */
class BiasGradientTest {

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "RNN_TANH", "GRU"})
    void biasGradientsAreColumnSumsOntoTheirStartValues(CellType cell) {
        check(cell, Precision.FLOAT64);
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "RNN_TANH", "GRU"})
    void float32BiasGradientsAreFloat32ColumnSumsOntoTheirStartValues(CellType cell) {
        check(cell, Precision.FLOAT32);
    }

    private static void check(CellType cell, Precision precision) {
        int d = 3;
        int h = 9;
        int steps = 5;
        int batch = 4;
        SplittableRandom rnd = new SplittableRandom(17);
        RecurrentStack stack = new RecurrentStack(cell, d, h, 1);
        stack.setPrecision(precision);
        for (Param p : stack.parameters()) {
            double[] v = p.data();
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextDouble(-0.5, 0.5);
            }
        }
        double[] x = new double[steps * batch * d];
        double[] dy = new double[steps * batch * h];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        for (int i = 0; i < dy.length; i++) {
            dy[i] = rnd.nextDouble(-1, 1);
        }
        Param biasIh = stack.parameters().get(2);
        Param biasHh = stack.parameters().get(3);
        for (int pass = 0; pass < 3; pass++) {
            if (pass == 2) {
                biasHh.gradData()[1] += 0.25;  // different start values: the sums must still be each one's own
            }
            double[] startIh = biasIh.gradData().clone();
            double[] startHh = biasHh.gradData().clone();
            stack.forward(SequenceInput.dense(x, steps, batch, d), null, null);
            stack.backward(dy, null, null, false);
            LayerGrads gr = stack.grads(0);
            double[] dIh = gr.dPreact();
            double[] dHh = cell == CellType.GRU ? gr.dHiddenPart() : gr.dPreact();
            boolean f32 = precision == Precision.FLOAT32;
            assertColumnSums(cell + " b_ih pass " + pass, startIh, dIh, steps * batch, biasIh.gradData(), f32);
            assertColumnSums(cell + " b_hh pass " + pass, startHh, dHh, steps * batch, biasHh.gradData(), f32);
        }
    }

    private static void assertColumnSums(String what, double[] start, double[] m, int rows, double[] actual,
                                         boolean float32) {
        int cols = start.length;
        for (int j = 0; j < cols; j++) {
            double sum = start[j];
            float floatSum = 0f;
            for (int r = 0; r < rows; r++) {
                sum += m[r * cols + j];
                floatSum += (float) m[r * cols + j];
            }
            if (float32) {
                sum = start[j] + floatSum;
            }
            assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(actual[j]),
                    what + " column " + j + ": expected " + sum + ", got " + actual[j]);
        }
    }
}
