package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.engine.math.simd.VectorFloatGemm;
import org.lstmlab.engine.math.simd.VectorGemm;

/**
 * One-column products {@code C (M×1) = or += A·b} on the vector kernels, whose vectors lie along M (A's rows
 * transposed block by block), equal their plain twins bit for bit at both vector widths, in float64 and float32:
 * M and K around the lanes (4 and 8 doubles, 8 and 16 floats) and their 4-vector blocks, K across the column
 * kernel's blocks of 128, K = 1, M = 1, offsets, with and without accumulation, a −0 product into a zeroed C, and
 * through {@code mmPacked} (B packed as K×1, which the kernels leave unpacked).
 */
class OneColumnProductsTest {
    private static final int[] ROWS = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 47, 63, 64, 65, 79, 80,
        97, 130, 1000};
    private static final int[] DEPTHS = {1, 2, 3, 7, 8, 9, 16, 17, 127, 128, 129, 255, 256, 257, 640};

    static Stream<Arguments> doubleKernels() {
        List<Arguments> all = new ArrayList<>(List.of(Arguments.of(new VectorGemm())));
        for (int bits : VectorWidths.BITS) {
            all.add(Arguments.of(VectorWidths.gemm(bits)));
            all.add(Arguments.of(VectorWidths.gemm(bits, 1, 1, 256)));  // tile layout and packing play no part
        }
        return all.stream();
    }

    static Stream<Arguments> floatKernels() {
        List<Arguments> all = new ArrayList<>(List.of(Arguments.of(new VectorFloatGemm())));
        for (int bits : VectorWidths.BITS) {
            all.add(Arguments.of(VectorWidths.floatGemm(bits)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doubleKernels")
    void float64EqualsThePlainLoopsBitForBit(GemmKernel kernel) {
        GemmKernel plain = new PlainGemm();
        forEachCase(new SplittableRandom(11), (m, k, op, a, b, c) -> {
            double[] c2 = c.clone();
            plain.mm(a, 2, b, 1, c, 3, m, k, 1, op == 1);
            if (op == 2) {  // a packed B of one column
                PackedMatrix p = new PackedMatrix();
                p.set(b, 1, k, 1);
                kernel.pack(p);
                kernel.mmPacked(a, 2, p, c2, 3, m, false);
            } else {
                kernel.mm(a, 2, b, 1, c2, 3, m, k, 1, op == 1);
            }
            compare(kernel.name() + " op " + op + " " + m + "x" + k + "x1", c, c2);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatKernels")
    void float32EqualsThePlainLoopsBitForBit(FloatGemmKernel kernel) {
        FloatGemmKernel plain = new PlainFloatGemm();
        forEachCase(new SplittableRandom(12), (m, k, op, da, db, dc) -> {
            float[] a = floats(da);
            float[] b = floats(db);
            float[] c1 = floats(dc);
            float[] c2 = c1.clone();
            plain.mm(a, 2, b, 1, c1, 3, m, k, 1, op == 1);
            if (op == 2) {
                PackedFloatMatrix p = new PackedFloatMatrix();
                p.set(b, 1, k, 1);
                kernel.pack(p);
                kernel.mmPacked(a, 2, p, c2, 3, m, false);
            } else {
                kernel.mm(a, 2, b, 1, c2, 3, m, k, 1, op == 1);
            }
            compare(kernel.name() + " op " + op + " " + m + "x" + k + "x1", doubles(c1), doubles(c2));
        });
    }

    /** One case: op 0 overwrites a zeroed C, op 1 accumulates, op 2 overwrites through {@code mmPacked}. */
    private interface Case {
        void run(int m, int k, int op, double[] a, double[] b, double[] c);
    }

    /**
     * Every (M, K, op) with random operands A at offset 2, b at 1, C at 3; for op 0 a zeroed C and a negative A in
     * front of a zero b, so that a −0 product comes first.
     */
    private static void forEachCase(SplittableRandom rnd, Case body) {
        for (int m : ROWS) {
            for (int k : DEPTHS) {
                for (int op = 0; op < 3; op++) {
                    double[] a = random(rnd, m * k + 2);
                    double[] b = random(rnd, k + 1);
                    double[] c = op == 0 ? new double[m + 3] : random(rnd, m + 3);
                    if (op == 0) {
                        a[2] = -0.5;
                        b[1] = 0.0;
                    }
                    body.run(m, k, op, a, b, c);
                }
            }
        }
    }

    /** Bit for bit (a float widened to double keeps its bits' meaning, −0 included). */
    private static void compare(String what, double[] plain, double[] vector) {
        for (int i = 0; i < plain.length; i++) {
            if (Double.doubleToRawLongBits(plain[i]) != Double.doubleToRawLongBits(vector[i])) {
                fail(what + " at " + i + ": plain " + plain[i] + ", vector " + vector[i]);
            }
        }
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        return x;
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static double[] doubles(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
