package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.math.simd.VectorPointwise;

/**
 * The gate activations: accurate against java.lang.Math, and the vector kernel equal to its scalar twin bit for
 * bit.
 */
class PointwiseTest {
    private static final double[] EDGES = {0.0, -0.0, 1e-300, -1e-300, 1e-12, -1e-12, 0.1, -0.1, 0.3465735902799726,
        -0.3465735902799726, 0.17328679513998632, -0.17328679513998632, 1, -1, 5, -5, 17.5, -17.5, 19.06, -19.06, 36,
        -36, 300, -300, 354.5, -354.5, 709, -709, 710, -710, 1e6, -1e6, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    private static double[] inputs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n + EDGES.length];
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, rng.nextDouble(-8, 3));
            x[i] = (rng.nextBoolean() ? 1 : -1) * scale * rng.nextDouble();
        }
        System.arraycopy(EDGES, 0, x, n, EDGES.length);
        return x;
    }

    @Test
    void sigmoidAndTanhAgreeWithJavaLangMath() {
        double worstSig = 0;
        double worstTanh = 0;
        for (double x : inputs(200_000, 1)) {
            double sig = 1.0 / (1.0 + Math.exp(-x));
            if (x < 0) {
                double e = Math.exp(x);
                sig = e / (1 + e);
            }
            double a = GateMath.sigmoid(x);
            double b = GateMath.tanh(x);
            if (Double.isNaN(x)) {
                assertTrue(Double.isNaN(a) && Double.isNaN(b));
                continue;
            }
            worstSig = Math.max(worstSig, relative(sig, a));
            worstTanh = Math.max(worstTanh, relative(Math.tanh(x), b));
        }
        assertTrue(worstSig < 1e-15, "sigmoid worst relative error " + worstSig);
        assertTrue(worstTanh < 1e-15, "tanh worst relative error " + worstTanh);
    }

    private static double relative(double expected, double actual) {
        if (expected == actual) {
            return 0;
        }
        double diff = Math.abs(expected - actual);
        return diff <= 1e-300 ? 0 : diff / Math.abs(expected);
    }

    @Test
    void vectorKernelEqualsScalarTwinBitForBit() {
        checkAgainstTwin(new VectorPointwise());
    }

    @Test
    void bothVectorWidthsEqualTheScalarTwinBitForBit() {
        for (int bits : VectorWidths.BITS) {
            PointwiseKernel k = VectorWidths.pointwise(bits);
            assertEquals("vector-api (" + bits / 64 + " lanes)", k.name());
            checkAgainstTwin(k);
        }
    }

    private static void checkAgainstTwin(PointwiseKernel vector) {
        double[] x = inputs(10_000, 2);
        PointwiseKernel plain = new PlainPointwise();
        for (int offset : new int[] {0, 3}) {
            for (int n : new int[] {1, 7, 8, 9, 63, x.length - offset}) {
                double[] a = new double[n + 5];
                double[] b = new double[n + 5];
                plain.sigmoid(x, offset, a, 2, n);
                vector.sigmoid(x, offset, b, 2, n);
                assertBits(a, b, vector.name() + " sigmoid n=" + n);
                plain.tanh(x, offset, a, 2, n);
                vector.tanh(x, offset, b, 2, n);
                assertBits(a, b, vector.name() + " tanh n=" + n);
                double[] inPlaceSig = x.clone();  // in place: the last values may not be computed twice
                double[] inPlaceTanh = x.clone();
                vector.sigmoid(inPlaceSig, offset, inPlaceSig, offset, n);
                vector.tanh(inPlaceTanh, offset, inPlaceTanh, offset, n);
                plain.sigmoid(x, offset, a, 2, n);
                assertBits(a, 2, inPlaceSig, offset, n, vector.name() + " sigmoid in place n=" + n);
                plain.tanh(x, offset, a, 2, n);
                assertBits(a, 2, inPlaceTanh, offset, n, vector.name() + " tanh in place n=" + n);
            }
        }
        double[] near = new double[4001];  // tanh's two branches meet at |x| = ln2/4 (y = −2|x| = −ln2/2)
        near[0] = 0.17328679513998632 - 1e-13;
        for (int i = 1; i < near.length; i++) {
            near[i] = Math.nextUp(near[i - 1]);
        }
        double[] a = new double[near.length];
        double[] b = new double[near.length];
        plain.tanh(near, 0, a, 0, near.length);
        vector.tanh(near, 0, b, 0, near.length);
        assertBits(a, b, vector.name() + " tanh near ln2/4");
    }

    private static void assertBits(double[] a, int aOff, double[] b, int bOff, int n, String what) {
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(a[aOff + i]), Double.doubleToRawLongBits(b[bOff + i]),
                    what + " at " + i + ": " + a[aOff + i] + " vs " + b[bOff + i]);
        }
    }

    @Test
    void facadeUsesTheVectorKernelExactlyWhenTheModuleIsOn() {
        boolean moduleOn = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !"false".equals(System.getProperty("lstmlab.simd"));
        assertEquals(moduleOn, Simd.enabled());
        assertEquals(moduleOn, Pointwise.kernelName().startsWith("vector-api"), Pointwise.kernelName());
    }

    private static void assertBits(double[] a, double[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]),
                    what + " at " + i + ": " + a[i] + " vs " + b[i]);
        }
    }
}
