package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.engine.math.simd.VectorGemm;

/**
 * Every fast kernel equals {@link GemmReference} to 1e-12 relative (the summation order differs) on many shapes,
 * offsets, and with and without accumulation. Surefire runs with the Vector API module, so both {@link VectorGemm}
 * and the fallback {@link PlainGemm} are exercised here in one JVM.
 */
class GemmKernelsTest {
    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 50, 65, 200};
    private static final double RELATIVE = 1e-12;
    private static final GemmKernel REFERENCE = new GemmReference();

    static Stream<Arguments> kernels() {
        List<Arguments> all = new ArrayList<>(List.of(Arguments.of(new VectorGemm()), Arguments.of(new PlainGemm())));
        for (int bits : VectorWidths.BITS) {
            all.add(Arguments.of(VectorWidths.gemm(bits)));
            // every tile width, with B always packed and never packed
            all.add(Arguments.of(VectorWidths.gemm(bits, 4, 1, 256)));
            all.add(Arguments.of(VectorWidths.gemm(bits, 3, Integer.MAX_VALUE, 256)));
            all.add(Arguments.of(VectorWidths.gemm(bits, 2, 1, 256)));
            all.add(Arguments.of(VectorWidths.gemm(bits, 1, Integer.MAX_VALUE, 256)));
            all.add(Arguments.of(VectorWidths.gemm(bits, 4, 1, 512)));  // the block size of a 1 MiB L2
        }
        return all.stream();
    }

    /** The vector kernels at both widths and every tile layout: equal to the plain twin bit for bit. */
    static Stream<Arguments> vectorKernels() {
        return kernels().filter(a -> a.get()[0] instanceof GemmKernel k && !(k instanceof PlainGemm));
    }

    /** All (M, K, N) mixes of a subset of sizes, plus every size once along each axis. */
    private static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        int[] small = {1, 3, 4, 5, 8, 9, 17, 33};
        for (int m : small) {
            for (int k : small) {
                for (int n : small) {
                    shapes.add(new int[] {m, k, n});
                }
            }
        }
        for (int s : SIZES) {
            shapes.add(new int[] {s, 7, 50});
            shapes.add(new int[] {32, s, 65});
            shapes.add(new int[] {15, 16, s});
            shapes.add(new int[] {s, s, s});
        }
        shapes.add(new int[] {200, 65, 200});
        shapes.add(new int[] {33, 200, 17});
        shapes.add(new int[] {2, 1100, 9});     // K cut into several blocks, with a column tail
        shapes.add(new int[] {9, 600, 2100});   // wide N: small K blocks
        shapes.add(new int[] {1, 200, 1});      // single rows and columns past the scalar cut-off
        shapes.add(new int[] {3, 300, 2});
        shapes.add(new int[] {1, 600, 7});
        shapes.add(new int[] {7, 1, 1});
        shapes.add(new int[] {130, 3, 24});     // packed B, several tiles, no tail
        shapes.add(new int[] {8, 70, 40});      // tile width + 1 vectors: split in two tiles (8 and 16 lanes)
        shapes.add(new int[] {6, 40, 20});      // the same at 4 lanes, with a row tail
        shapes.add(new int[] {130, 9, 80});     // packed B whose last tiles are split
        shapes.add(new int[] {256, 300, 33});   // mtm: A's columns packed into slivers, 2 K blocks, a tail
        shapes.add(new int[] {512, 20, 70});    // mtm: slivers, tiles 4 and 3 vectors wide and a tail
        return shapes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void mmEqualsReference(GemmKernel kernel) {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int[] s : shapes()) {
            for (boolean accumulate : new boolean[] {false, true}) {
                checkMm(kernel, rnd, s[0], s[1], s[2], accumulate);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void mtmEqualsReference(GemmKernel kernel) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int[] s : shapes()) {
            checkMtm(kernel, rnd, s[0], s[1], s[2]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void lstmShapesEqualReference(GemmKernel kernel) {
        SplittableRandom rnd = new SplittableRandom(3);
        checkMm(kernel, rnd, 320, 1, 200, true);     // input projection, D = 1
        checkMm(kernel, rnd, 32, 128, 512, true);    // recurrent step, H = 128
        checkMm(kernel, rnd, 32, 512, 128, false);   // dh, H = 128
        checkMm(kernel, rnd, 320, 200, 1, false);    // dX, D = 1
        checkMtm(kernel, rnd, 200, 320, 50);         // dW_hh, H = 50
        checkMtm(kernel, rnd, 512, 640, 65);         // dW_ih, D = 65
        checkMtm(kernel, rnd, 1024, 96, 1);          // dW_ih, D = 1
        checkMtm(kernel, rnd, 256, 300, 33);         // A's columns packed (row stride 2 KiB), with a tail
        checkMm(kernel, rnd, 20, 40, 256, true);     // B packed for its row stride, 20 rows
    }

    /**
     * Both weight gradients from one A (LSTM, RNN), and the bias gradient from the same reads: the same bits as two
     * separate mtm's of the plain twin and the column sums as 1ᵀ·A.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void mtmPairEqualsTwoMtmsBitForBit(GemmKernel kernel) {
        GemmKernel plain = new PlainGemm();
        SplittableRandom rnd = new SplittableRandom(5);
        int[][] shapes = {{1024, 256, 256, 128}, {512, 64, 70, 33}, {256, 200, 16, 300}, {256, 300, 40, 40},
                          {200, 100, 32, 64}, {512, 1, 8, 8}, {512, 50, 3, 1}};  // m, k, n1, n2
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n1 = s[2];
            int n2 = s[3];
            double[] a = random(rnd, 1 + k * m);
            double[] b1 = random(rnd, 2 + k * n1);
            double[] b2 = random(rnd, 3 + k * n2);
            double[] c1 = random(rnd, 1 + m * n1);
            double[] c2 = random(rnd, 2 + m * n2);
            double[] e1 = c1.clone();
            double[] e2 = c2.clone();
            plain.mtm(a, 1, b1, 2, e1, 1, m, k, n1);
            plain.mtm(a, 1, b2, 3, e2, 2, m, k, n2);
            double[] sums = random(rnd, m);  // a bias gradient, summed as Rows.addColumnSums does: 1ᵀ·A
            double[] expectedSums = sums.clone();
            double[] ones = new double[k];
            java.util.Arrays.fill(ones, 1.0);
            plain.mm(ones, 0, a, 1, expectedSums, 0, 1, k, m, true);
            kernel.mtmPair(a, 1, m, k, b1, 2, c1, 1, n1, b2, 3, c2, 2, n2, s[0] == 200 ? null : sums);
            if (s[0] == 200) {
                expectedSums = sums;  // no sums asked for: untouched
            }
            String what = kernel.name() + " mtmPair " + m + "x" + k + "x" + n1 + "+" + n2;
            for (int i = 0; i < c1.length; i++) {
                assertEquals(Double.doubleToRawLongBits(e1[i]), Double.doubleToRawLongBits(c1[i]), what + " C1 " + i);
            }
            for (int i = 0; i < c2.length; i++) {
                assertEquals(Double.doubleToRawLongBits(e2[i]), Double.doubleToRawLongBits(c2[i]), what + " C2 " + i);
            }
            for (int i = 0; i < m; i++) {
                assertEquals(Double.doubleToRawLongBits(expectedSums[i]), Double.doubleToRawLongBits(sums[i]),
                        what + " column sum " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorKernels")
    void vectorEqualsPlainTwinBitForBit(GemmKernel kernel) {
        GemmKernel plain = new PlainGemm();
        SplittableRandom rnd = new SplittableRandom(99);
        for (int[] s : shapes()) {
            for (int op = 0; op < 3; op++) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                double[] a = random(rnd, m * k + 2);
                double[] b = random(rnd, k * n + 1);
                double[] c1 = random(rnd, m * n + 3);
                if (op == 0) {
                    java.util.Arrays.fill(c1, 0.0);  // −0 products must still come out as +0
                    a[1] = -0.5;
                }
                double[] c2 = c1.clone();
                if (op < 2) {
                    plain.mm(a, 2, b, 1, c1, 3, m, k, n, op == 1);
                    kernel.mm(a, 2, b, 1, c2, 3, m, k, n, op == 1);
                } else {
                    plain.mtm(a, 2, b, 1, c1, 3, m, k, n);
                    kernel.mtm(a, 2, b, 1, c2, 3, m, k, n);
                }
                for (int i = 0; i < c1.length; i++) {
                    if (Double.doubleToRawLongBits(c1[i]) != Double.doubleToRawLongBits(c2[i])) {
                        fail(kernel.name() + (op == 2 ? " mtm " : " mm ") + m + "x" + k + "x" + n + " at " + i
                                + ": plain " + c1[i] + ", vector " + c2[i]);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void zeroSizesAreHarmless(GemmKernel kernel) {
        double[] c = {5, 5, 5, 5};
        kernel.mm(new double[0], 0, new double[0], 0, c, 0, 2, 0, 2, true);
        assertEquals(5.0, c[3]);
        kernel.mtm(new double[0], 0, new double[0], 0, c, 0, 2, 0, 2);
        assertEquals(5.0, c[3]);
        kernel.mm(new double[0], 0, new double[0], 0, c, 1, 1, 0, 2, false);
        assertEquals(5.0, c[0]);
        assertEquals(0.0, c[1]);
        assertEquals(0.0, c[2]);
        assertEquals(5.0, c[3]);
        kernel.mm(new double[0], 0, new double[0], 0, c, 0, 0, 3, 0, false);
    }

    @Test
    void facadeUsesTheVectorKernelWhenTheModuleIsPresent() {
        assertTrue(Simd.enabled(), "surefire runs with --add-modules jdk.incubator.vector");
        assertEquals("vector-api (" + VectorGemm.lanes() + " lanes)", Gemm.kernelName());
        assertEquals(VectorGemm.class, Simd.gemmKernel().getClass());
    }

    @Test
    void fallbackNeedsNoVectorApi() {
        assertEquals("plain", new PlainGemm().name());
        SplittableRandom rnd = new SplittableRandom(11);
        checkMm(new PlainGemm(), rnd, 32, 50, 200, true);
        checkMtm(new PlainGemm(), rnd, 200, 320, 50);
    }

    private static void checkMm(GemmKernel kernel, SplittableRandom rnd, int m, int k, int n, boolean accumulate) {
        int aOff = rnd.nextInt(5);
        int bOff = rnd.nextInt(5);
        int cOff = rnd.nextInt(5);
        double[] a = random(rnd, aOff + m * k + 3);
        double[] b = random(rnd, bOff + k * n + 3);
        double[] c = random(rnd, cOff + m * n + 3);
        double[] expected = c.clone();
        REFERENCE.mm(a, aOff, b, bOff, expected, cOff, m, k, n, accumulate);
        kernel.mm(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
        assertSame(kernel.name() + " mm " + m + "x" + k + "x" + n + (accumulate ? " +=" : " ="), expected, c);
    }

    private static void checkMtm(GemmKernel kernel, SplittableRandom rnd, int m, int k, int n) {
        int aOff = rnd.nextInt(5);
        int bOff = rnd.nextInt(5);
        int cOff = rnd.nextInt(5);
        double[] a = random(rnd, aOff + k * m + 3);
        double[] b = random(rnd, bOff + k * n + 3);
        double[] c = random(rnd, cOff + m * n + 3);
        double[] expected = c.clone();
        REFERENCE.mtm(a, aOff, b, bOff, expected, cOff, m, k, n);
        kernel.mtm(a, aOff, b, bOff, c, cOff, m, k, n);
        assertSame(kernel.name() + " mtm " + m + "x" + k + "x" + n, expected, c);
    }

    private static double[] random(SplittableRandom rnd, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        return x;
    }

    /**
     * Equal to 1e-12 relative to the size of the terms summed: the difference is compared with the largest of
     * |expected|, |actual| and 1, so entries that cancel to near zero are held to 1e-12 absolute. Also checks that
     * nothing outside C (the padding around it) was written.
     */
    private static void assertSame(String what, double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1.0, Math.max(Math.abs(expected[i]), Math.abs(actual[i])));
            if (!(Math.abs(expected[i] - actual[i]) <= RELATIVE * scale)) {
                fail(what + ": [" + i + "] expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
