package org.lstmlab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The losses against their textbook formulas and finite differences, and the one-softmax path against the two. */
class LossTest {
    private static final int ROWS = 7;
    private static final int COLS = 5;

    private record Case(double[] logits, double[] values, int[] classes) {
    }

    private static Case randomCase(long seed) {
        Random rng = new Random(seed);
        double[] z = new double[ROWS * COLS];
        double[] y = new double[ROWS * COLS];
        int[] c = new int[ROWS];
        for (int i = 0; i < z.length; i++) {
            z[i] = 6 * rng.nextGaussian();
            y[i] = rng.nextDouble();
        }
        for (int r = 0; r < ROWS; r++) {
            c[r] = rng.nextInt(COLS);
        }
        return new Case(z, y, c);
    }

    /** The naive formulas, in the words of the textbooks (no max shift; fine for these logits). */
    private static double naive(Loss loss, Case k) {
        double sum = 0;
        switch (loss) {
            case BINARY_CROSS_ENTROPY -> {
                for (int i = 0; i < k.logits.length; i++) {
                    double p = 1 / (1 + Math.exp(-k.logits[i]));
                    sum -= k.values[i] * Math.log(p) + (1 - k.values[i]) * Math.log(1 - p);
                }
                return sum / k.logits.length;
            }
            case SOFTMAX_CROSS_ENTROPY -> {
                for (int r = 0; r < ROWS; r++) {
                    double norm = 0;
                    for (int j = 0; j < COLS; j++) {
                        norm += Math.exp(k.logits[r * COLS + j]);
                    }
                    sum -= Math.log(Math.exp(k.logits[r * COLS + k.classes[r]]) / norm);
                }
                return sum / ROWS;
            }
            default -> {
                for (int i = 0; i < k.logits.length; i++) {
                    double e = k.logits[i] - k.values[i];
                    sum += e * e;
                }
                return sum / k.logits.length;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void valueMatchesTheFormulaAndGradientMatchesFiniteDifferences(Loss loss) {
        Case k = randomCase(11);
        double[] dz = new double[ROWS * COLS];
        double value = loss.lossAndGradient(k.logits, ROWS, COLS, k.values, k.classes, dz);
        assertEquals(naive(loss, k), value, 1e-12 * Math.max(1, Math.abs(value)));
        double h = 1e-6;
        double[] scratch = new double[dz.length];
        for (int i = 0; i < dz.length; i++) {
            double[] z = k.logits.clone();
            z[i] += h;
            double up = loss.lossAndGradient(z, ROWS, COLS, k.values, k.classes, scratch);
            z[i] -= 2 * h;
            double down = loss.lossAndGradient(z, ROWS, COLS, k.values, k.classes, scratch);
            assertEquals((up - down) / (2 * h), dz[i], 1e-8, "dL/dz[" + i + "]");
        }
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void oneSoftmaxGivesTheSameBitsAsActivationThenLoss(Loss loss) {
        Case k = randomCase(5);
        double[] dTwo = new double[ROWS * COLS];
        double[] pTwo = new double[ROWS * COLS];
        loss.activation().apply(k.logits, ROWS, COLS, pTwo);
        double two = loss.lossAndGradient(k.logits, ROWS, COLS, k.values, k.classes, dTwo);
        double[] dOne = new double[ROWS * COLS];
        double[] pOne = new double[ROWS * COLS];
        double one = loss.lossGradientAndPredictions(k.logits, ROWS, COLS, k.values, k.classes, dOne, pOne);
        assertEquals(Double.doubleToLongBits(two), Double.doubleToLongBits(one));
        assertArrayEquals(dTwo, dOne);
        assertArrayEquals(pTwo, pOne);
    }

    @Test
    void softmaxRowsSumToOneAndSurviveHugeLogits() {
        double[] z = {1000, 999, -1000, 0, 1e-3, -5};
        double[] p = new double[6];
        OutputActivation.SOFTMAX.apply(z, 2, 3, p);
        for (int r = 0; r < 2; r++) {
            assertEquals(1.0, p[3 * r] + p[3 * r + 1] + p[3 * r + 2], 1e-15);
        }
        assertEquals(1 / (1 + Math.exp(-1)), p[0], 1e-15);
        assertTrue(p[2] == 0.0);
    }

    @Test
    void aClassOutsideTheOutputsIsASpecificError() {
        Case k = randomCase(3);
        k.classes[4] = COLS;
        double[] d = new double[ROWS * COLS];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.SOFTMAX_CROSS_ENTROPY
                .lossGradientAndPredictions(k.logits, ROWS, COLS, null, k.classes, d, new double[ROWS * COLS]));
        assertEquals("class 5 at row 4 is outside 0..4", e.getMessage());
    }
}
