package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Adam;

/**
 * The float32 cell equations and activations: {@link FloatGateMath} is accurate against java.lang.Math, and the
 * vector kernel (simd.VectorFloatCells) at 256 and at 512 bits gives exactly the bits of its plain twin
 * {@link PlainFloatCells}, method by method on arrays (hidden sizes below one vector, a multiple of the lanes and
 * with a scalar tail; the tutorial variants; edge values) and over whole float32 training runs of every cell.
 */
class FloatCellKernelsTest {
    private static final float[] EDGES = {0f, -0f, 1e-30f, -1e-30f, 1e-8f, -1e-8f, 0.1f, -0.1f, 0.17328679f,
        -0.17328679f, 0.34657359f, -0.34657359f, 1, -1, 5, -5, 9.01f, -9.01f, 17.5f, -17.5f, 43.4f, -43.4f, 43.6f,
        -43.6f, 86.9f, -86.9f, 87.1f, -87.1f, 1e6f, -1e6f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};

    private static float[] inputs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n + EDGES.length];
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, rng.nextDouble(-8, 2.2));
            x[i] = (float) ((rng.nextBoolean() ? 1 : -1) * scale * rng.nextDouble());
        }
        System.arraycopy(EDGES, 0, x, n, EDGES.length);
        return x;
    }

    /** Within 3 ulp of float (measured: 2.7 for sigmoid, 2.5 for tanh); tiny values within 1e-37 absolute. */
    @Test
    void sigmoidAndTanhAreWithinAFewUlpOfJavaLangMath() {
        double worstSig = 0;
        double worstTanh = 0;
        for (float x : inputs(2_000_000, 1)) {
            float a = FloatGateMath.sigmoid(x);
            float b = FloatGateMath.tanh(x);
            if (Float.isNaN(x)) {
                assertTrue(Float.isNaN(a) && Float.isNaN(b));
                continue;
            }
            double sig = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            worstSig = Math.max(worstSig, ulps(sig, a));
            worstTanh = Math.max(worstTanh, ulps(Math.tanh(x), b));
        }
        assertTrue(worstSig <= 3, "sigmoid worst error " + worstSig + " ulp");
        assertTrue(worstTanh <= 3, "tanh worst error " + worstTanh + " ulp");
    }

    private static double ulps(double expected, float actual) {
        double diff = Math.abs(expected - actual);
        return diff <= 1e-37 ? 0 : diff / Math.ulp((float) expected);
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {256, 512})
    void vectorActivationsEqualThePlainLoopsBitForBit(int bits) {
        FloatCellKernel vector = VectorWidths.floatCells(bits);
        assertEquals("vector-api float32 cells (" + bits / 32 + " lanes)", vector.name());
        FloatCellKernel plain = new PlainFloatCells();
        float[] x = inputs(10_000, 2);
        for (int offset : new int[] {0, 3}) {
            for (int n : new int[] {1, 7, 15, 16, 17, 63, x.length - offset}) {
                float[] a = new float[n + 5];
                float[] b = new float[n + 5];
                plain.sigmoid(x, offset, a, 2, n);
                vector.sigmoid(x, offset, b, 2, n);
                assertBits(a, b, vector.name() + " sigmoid n=" + n);
                plain.tanh(x, offset, a, 2, n);
                vector.tanh(x, offset, b, 2, n);
                assertBits(a, b, vector.name() + " tanh n=" + n);
                plain.add(x, offset, a, 2, n);
                vector.add(x, offset, b, 2, n);
                assertBits(a, b, vector.name() + " add n=" + n);
            }
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {256, 512})
    void vectorCellEquationsEqualThePlainLoopsBitForBit(int bits) {
        FloatCellKernel vector = VectorWidths.floatCells(bits);
        FloatCellKernel plain = new PlainFloatCells();
        int batch = 3;
        int t = 1;
        for (int hs : new int[] {1, 3, 16, 21, 40}) {
            int size = 3 * batch * 4 * hs;  // steps 0..2 of every layout
            for (boolean flag : new boolean[] {false, true}) {
                for (boolean other : new boolean[] {false, true}) {
                    String what = vector.name() + " H=" + hs + " " + flag + "/" + other;
                    compare(plain, vector, size, 11 + hs, what + " lstmForward",
                            (k, a) -> k.lstmForward(a[0], a[1], a[2], a[3], t, batch, hs, flag, other));
                    compare(plain, vector, size, 12 + hs, what + " lstmBackward",
                            (k, a) -> k.lstmBackward(a[0], a[1], a[2], a[3], a[4], hs, a[5], 2 * hs, a[6], a[7], a[8],
                                    t, batch, hs, flag, other));
                }
                compare(plain, vector, size, 13 + hs, what(vector, hs, flag) + " rnnForward",
                        (k, a) -> k.rnnForward(a[0], a[1], t, batch * hs, flag));
                compare(plain, vector, size, 14 + hs, what(vector, hs, flag) + " rnnBackward",
                        (k, a) -> k.rnnBackward(a[0], a[1], a[2], 5, a[3], a[4], t, batch * hs, flag));
            }
            compare(plain, vector, size, 15 + hs, what(vector, hs, false) + " gruForward",
                    (k, a) -> k.gruForward(a[0], a[1], a[2], t, batch, hs));
            compare(plain, vector, size, 16 + hs, what(vector, hs, false) + " gruBackward",
                    (k, a) -> k.gruBackward(a[0], a[1], a[2], a[3], a[4], hs, a[5], a[6], a[7], t, batch, hs));
            compare(plain, vector, size, 17 + hs, what(vector, hs, false) + " gruDirect",
                    (k, a) -> k.gruDirect(a[0], a[1], a[2], t, batch, hs));
        }
    }

    private static String what(FloatCellKernel k, int hs, boolean flag) {
        return k.name() + " H=" + hs + " " + flag;
    }

    private interface Call {
        void run(FloatCellKernel k, float[][] arrays);
    }

    /**
     * Runs {@code call} on both kernels, each on its own copy of nine arrays of {@code size} random values (gates in
     * (0, 1) as the backward methods expect, with some edge values), and compares every array afterwards.
     */
    private static void compare(FloatCellKernel plain, FloatCellKernel vector, int size, long seed, String what,
                                Call call) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] base = new float[9][size];
        for (float[] a : base) {
            for (int i = 0; i < size; i++) {
                a[i] = (float) (r.nextInt(20) == 0 ? EDGES[r.nextInt(EDGES.length - 3)] : 3 * r.nextGaussian());
            }
        }
        float[][] p = copy(base);
        float[][] v = copy(base);
        call.run(plain, p);
        call.run(vector, v);
        for (int i = 0; i < p.length; i++) {
            assertBits(p[i], v[i], what + ", array " + i);
        }
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static void assertBits(float[] a, float[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]),
                    what + " at " + i + ": " + a[i] + " vs " + b[i]);
        }
    }

    /** Whole float32 training runs: the vector kernel at each width gives the plain loops' parameters, bit for bit. */
    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {256, 512})
    void float32TrainingOnVectorCellsEqualsThePlainLoops(int bits) {
        FloatCellKernel vector = VectorWidths.floatCells(bits);
        for (CellType cell : CellType.values()) {
            for (int hidden : new int[] {3, 16, 21}) {
                List<double[]> plain;
                try (Cells.Override o = FloatCells.override(new PlainFloatCells())) {
                    plain = train(cell, hidden);
                }
                List<double[]> fast;
                try (Cells.Override o = FloatCells.override(vector)) {
                    fast = train(cell, hidden);
                }
                for (int i = 0; i < plain.size(); i++) {
                    double[] p = plain.get(i);
                    double[] f = fast.get(i);
                    for (int j = 0; j < p.length; j++) {
                        assertEquals(Double.doubleToRawLongBits(p[j]), Double.doubleToRawLongBits(f[j]),
                                vector.name() + " " + cell + " H=" + hidden + ": parameter " + i + " differs");
                    }
                }
            }
        }
    }

    /** Four Adam steps of a two-layer float32 model with a loss on every step and dx; the parameters after. */
    private static List<double[]> train(CellType cell, int h) {
        int d = 3;
        int steps = 5;
        int batch = 3;
        SequenceModel model = new SequenceModel(new ModelSpec(cell, d, h, 2, 2, HeadMode.EVERY_STEP,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(model, Initializers.Scheme.TORCH, 11);
        model.setPrecision(Precision.FLOAT32);
        SplittableRandom r = new SplittableRandom(12);
        double[] x = new double[steps * batch * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * r.nextGaussian();
        }
        double[] y = new double[steps * batch * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextBoolean() ? 1 : 0;
        }
        Batch b = Batch.ofValues(SequenceInput.dense(x, steps, batch, d), y);
        Adam adam = Adam.torch(0.05);
        Consumer<SequenceModel> step = m -> {
            m.zeroGrad();
            m.forward(b);
            m.backward(true);
            adam.step(m.parameters());
        };
        for (int s = 0; s < 4; s++) {
            step.accept(model);
        }
        List<double[]> out = new ArrayList<>();
        for (Param p : model.parameters()) {
            out.add(p.data().clone());
        }
        return out;
    }
}
