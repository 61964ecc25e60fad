package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.math.simd.VectorUpdates;

/**
 * The optimizer's loops: the vector kernel equals its plain twin bit for bit at both widths, on lengths with and
 * without a tail, gradients from tiny to huge, zero second moments, and values that are not finite.
 */
class UpdatesTest {
    private static final double[] EDGES = {0.0, -0.0, 1e-300, -1e-300, 1e-12, 3.5, -7.25, 1e150, -1e150,
        Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    @Test
    void vectorKernelEqualsPlainTwinBitForBit() {
        checkAgainstTwin(new VectorUpdates());
    }

    @Test
    void bothVectorWidthsEqualThePlainTwinBitForBit() {
        for (int bits : VectorWidths.BITS) {
            UpdateKernel k = VectorWidths.updates(bits);
            assertEquals("vector-api (" + bits / 64 + " lanes)", k.name());
            checkAgainstTwin(k);
        }
    }

    /**
     * Adam's first step from zero moments moves every parameter by the learning rate against its gradient's sign
     * (less by ε's share, computed here from the bias-corrected moments).
     */
    @Test
    void firstAdamStepMovesEachParameterByTheLearningRate() {
        for (int bits : VectorWidths.BITS) {
            UpdateKernel k = VectorWidths.updates(bits);
            for (int keras = 0; keras < 2; keras++) {
                int n = 19;
                double[] p = new double[n];
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = (i % 2 == 0 ? 1 : -1) * Math.pow(10, i / 6.0 - 1);
                }
                double lr = 0.01;
                double bc1 = 1 - 0.9;
                double bc2 = 1 - 0.999;
                if (keras == 0) {
                    k.adamTorch(p, g, new double[n], new double[n], n, 0.9, 0.999, lr / bc1, Math.sqrt(bc2), 1e-8);
                } else {
                    k.adamKeras(p, g, new double[n], new double[n], n, 0.9, 0.999, lr * Math.sqrt(bc2) / bc1, 1e-7);
                }
                for (int i = 0; i < n; i++) {
                    // m̂ = g and √v̂ = |g|; Keras adds ε to the uncorrected √v = √(1−β2)·|g|
                    double epsHat = keras == 0 ? 1e-8 : 1e-7 / Math.sqrt(bc2);
                    double expected = -lr * g[i] / (Math.abs(g[i]) + epsHat);
                    assertEquals(expected, p[i], 1e-12 * lr, bits + " bits, keras " + keras + ", g = " + g[i]);
                    assertEquals(-Math.signum(g[i]) * lr, p[i], 1e-5 * lr / Math.abs(g[i]));
                }
            }
        }
        assertTrue(VectorWidths.BITS.size() >= 2);
    }

    private static double[] values(SplittableRandom r, int n, boolean nonNegative) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double e = EDGES[r.nextInt(EDGES.length)];
            double v = r.nextInt(10) == 0 ? e : Math.pow(10, r.nextDouble(-12, 2)) * r.nextGaussian();
            x[i] = nonNegative ? Math.abs(v) : v;
        }
        return x;
    }

    private static void checkAgainstTwin(UpdateKernel vector) {
        UpdateKernel plain = new PlainUpdates();
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 3, 4, 7, 8, 9, 15, 16, 17, 63, 1001}) {
            for (int flavour = 0; flavour < 3; flavour++) {
                double[] p = values(r, n, false);
                double[] g = values(r, n, false);
                double[] m = values(r, n, false);
                double[] v = values(r, n, true);
                double[][] a = {p.clone(), g.clone(), m.clone(), v.clone()};
                double[][] b = {p.clone(), g.clone(), m.clone(), v.clone()};
                for (UpdateKernel k : new UpdateKernel[] {plain, vector}) {
                    double[][] s = k == plain ? a : b;
                    for (int step = 1; step <= 3; step++) {  // later steps start from the updated moments
                        double bc1 = 1 - Math.pow(0.9, step);
                        double bc2 = 1 - Math.pow(0.999, step);
                        switch (flavour) {
                            case 0 -> k.adamTorch(s[0], s[1], s[2], s[3], n, 0.9, 0.999, 0.01 / bc1,
                                    Math.sqrt(bc2), 1e-8);
                            case 1 -> k.adamKeras(s[0], s[1], s[2], s[3], n, 0.9, 0.999,
                                    0.01 * Math.sqrt(bc2) / bc1, 1e-7);
                            default -> k.addScaled(s[0], s[1], 0.37 * step, n);
                        }
                    }
                }
                for (int i = 0; i < 4; i++) {
                    assertArrayEquals(a[i], b[i], vector.name() + " n=" + n + " flavour " + flavour + " array " + i);
                }
            }
        }
    }
}
