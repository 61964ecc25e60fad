package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 products: the vector kernel at 256 and at 512 bits equals its plain twin {@link PlainFloatGemm} bit
 * for bit, and every kernel is within float32 rounding of the exact product, computed here in double. The bound
 * used is the classical one for a sum of K fused products, |error| ≤ γ·Σ_p |a_p·b_p| with γ = (K + 1)·u and
 * u = 2⁻²⁴ (Higham, Accuracy and Stability of Numerical Algorithms, §3.1), plus the rounding of C's start value.
 */
class FloatGemmKernelsTest {
    private static final double U = Math.ulp(1.0f) / 2;

    static Stream<Arguments> vectorKernels() {
        List<Arguments> all = new ArrayList<>();
        for (int bits : VectorWidths.BITS) {
            all.add(Arguments.of(VectorWidths.floatGemm(bits)));
        }
        return all.stream();
    }

    static Stream<Arguments> allKernels() {
        return Stream.concat(vectorKernels(), Stream.of(Arguments.of(new PlainFloatGemm())));
    }

    private static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        int[] small = {1, 2, 3, 4, 5, 8, 9, 17, 33};
        for (int m : small) {
            for (int k : small) {
                for (int n : small) {
                    shapes.add(new int[] {m, k, n});
                }
            }
        }
        for (int s : new int[] {15, 16, 31, 48, 50, 64, 65, 96, 200}) {
            shapes.add(new int[] {s, 7, 70});
            shapes.add(new int[] {32, s, 65});
            shapes.add(new int[] {13, 16, s});
        }
        shapes.add(new int[] {32, 50, 200});     // W1's recurrent step
        shapes.add(new int[] {16, 200, 50});     // W1's backward step per shard: packed, with a column tail
        shapes.add(new int[] {32, 128, 512});    // W2's recurrent step
        shapes.add(new int[] {9, 600, 300});     // K in several blocks
        shapes.add(new int[] {5, 3, 2100});      // N in several blocks
        shapes.add(new int[] {256, 70, 40});     // mtm with A's rows 1 KiB apart, packed in slivers
        shapes.add(new int[] {1030, 20, 33});
        shapes.add(new int[] {8, 70, 40});      // tile width + 1 vectors: split in two tiles (8 and 16 lanes)
        shapes.add(new int[] {6, 40, 20});      // the same at 4 lanes, with a row tail
        shapes.add(new int[] {130, 9, 80});     // packed B whose last tiles are split
        shapes.add(new int[] {512, 20, 70});    // mtm: slivers in 4-vector panel tiles (even kc) and a tail
        shapes.add(new int[] {64, 256, 128});   // 4-vector panel tiles by rows and from slivers, even kc
        return shapes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorKernels")
    void vectorEqualsPlainTwinBitForBit(FloatGemmKernel kernel) {
        FloatGemmKernel plain = new PlainFloatGemm();
        SplittableRandom rnd = new SplittableRandom(5);
        PackedFloatMatrix packed = new PackedFloatMatrix();
        for (int[] s : shapes()) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (int op = 0; op < 4; op++) {
                float[] a = random(rnd, m * k + 2);
                float[] b = random(rnd, k * n + 1);
                float[] c1 = random(rnd, m * n + 3);
                float[] c2 = c1.clone();
                switch (op) {
                    case 0, 1 -> {
                        plain.mm(a, 2, b, 1, c1, 3, m, k, n, op == 1);
                        kernel.mm(a, 2, b, 1, c2, 3, m, k, n, op == 1);
                    }
                    case 2 -> {
                        plain.mtm(a, 2, b, 1, c1, 3, m, k, n);
                        kernel.mtm(a, 2, b, 1, c2, 3, m, k, n);
                    }
                    default -> {
                        plain.mm(a, 2, b, 1, c1, 3, m, k, n, true);
                        packed.set(b, 1, k, n);
                        kernel.pack(packed);
                        kernel.mmPacked(a, 2, packed, c2, 3, m, true);
                    }
                }
                for (int i = 0; i < c1.length; i++) {
                    if (Float.floatToRawIntBits(c1[i]) != Float.floatToRawIntBits(c2[i])) {
                        fail(kernel.name() + " op " + op + " " + m + "x" + k + "x" + n + " at " + i + ": plain "
                                + c1[i] + ", vector " + c2[i]);
                    }
                }
            }
        }
    }

    /**
     * {@code mtmPair} (one copy of A for two weight gradients, the bias gradient's column sums on the way) gives the
     * bits of two plain {@code mtm}s and of the column sums added row after row, at both widths: shapes of W3's
     * blocks, row counts that are not a multiple of 4 or of a vector, K above one block, narrow B (the fallback).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allKernels")
    void mtmPairEqualsTwoMtmsBitForBit(FloatGemmKernel kernel) {
        FloatGemmKernel plain = new PlainFloatGemm();
        SplittableRandom rnd = new SplittableRandom(7);
        int[][] shapes = {{1024, 256, 256, 128}, {1024, 128, 256, 256}, {36, 64, 70, 33}, {262, 200, 16, 300},
                          {256, 300, 40, 40}, {203, 100, 32, 64}, {512, 1, 8, 8}, {512, 50, 3, 1}};  // m, k, n1, n2
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n1 = s[2];
            int n2 = s[3];
            float[] a = random(rnd, 1 + k * m);
            float[] b1 = random(rnd, 2 + k * n1);
            float[] b2 = random(rnd, 3 + k * n2);
            float[] c1 = random(rnd, 1 + m * n1);
            float[] c2 = random(rnd, 2 + m * n2);
            float[] e1 = c1.clone();
            float[] e2 = c2.clone();
            plain.mtm(a, 1, b1, 2, e1, 1, m, k, n1);
            plain.mtm(a, 1, b2, 3, e2, 2, m, k, n2);
            boolean withSums = m != 203;
            float[] sums = random(rnd, m);
            float[] expectedSums = sums.clone();
            for (int p = 0; withSums && p < k; p++) {  // the bias gradient as the layers sum it: row after row
                for (int i = 0; i < m; i++) {
                    expectedSums[i] += a[1 + p * m + i];
                }
            }
            kernel.mtmPair(a, 1, m, k, b1, 2, c1, 1, n1, b2, 3, c2, 2, n2, withSums ? sums : null);
            String what = kernel.name() + " mtmPair " + m + "x" + k + "x" + n1 + "+" + n2;
            for (int i = 0; i < c1.length; i++) {
                assertEquals(Float.floatToRawIntBits(e1[i]), Float.floatToRawIntBits(c1[i]), what + " C1 " + i);
            }
            for (int i = 0; i < c2.length; i++) {
                assertEquals(Float.floatToRawIntBits(e2[i]), Float.floatToRawIntBits(c2[i]), what + " C2 " + i);
            }
            for (int i = 0; i < m; i++) {
                assertEquals(Float.floatToRawIntBits(expectedSums[i]), Float.floatToRawIntBits(sums[i]),
                        what + " column sum " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allKernels")
    void withinFloatRoundingOfTheExactProduct(FloatGemmKernel kernel) {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int[] s : shapes()) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] a = random(rnd, m * k);
            float[] b = random(rnd, k * n);
            float[] c = random(rnd, m * n);
            float[] mm = c.clone();
            kernel.mm(a, 0, b, 0, mm, 0, m, k, n, true);
            float[] mtm = c.clone();
            kernel.mtm(a, 0, b, 0, mtm, 0, m, k, n);  // A read as K×M
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double exact = c[i * n + j];
                    double size = Math.abs(exact);
                    double exactT = exact;
                    double sizeT = size;
                    for (int p = 0; p < k; p++) {
                        double term = (double) a[i * k + p] * b[p * n + j];
                        exact += term;
                        size += Math.abs(term);
                        double termT = (double) a[p * m + i] * b[p * n + j];
                        exactT += termT;
                        sizeT += Math.abs(termT);
                    }
                    double gamma = (k + 1) * U / (1 - (k + 1) * U);
                    check(kernel.name() + " mm " + m + "x" + k + "x" + n, exact, mm[i * n + j], gamma * size);
                    check(kernel.name() + " mtm " + m + "x" + k + "x" + n, exactT, mtm[i * n + j], gamma * sizeT);
                }
            }
        }
    }

    @Test
    void widthsChooseTheirTiles() {
        assertEquals("vector-api float32 (8 lanes)", VectorWidths.floatGemm(256).name());
        assertEquals("vector-api float32 (16 lanes)", VectorWidths.floatGemm(512).name());
    }

    private static void check(String what, double exact, float actual, double bound) {
        if (!(Math.abs(actual - exact) <= bound)) {
            fail(what + ": exact " + exact + ", float32 " + actual + ", bound " + bound);
        }
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }
}
