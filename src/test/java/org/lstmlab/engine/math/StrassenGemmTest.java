package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The measured Strassen prototype (test scope, docs/notes/strassen-2026-12-01.md) at both vector widths: close to
 * the textbook product, and the same bits around the vector kernel as around its plain twin.
 *
 * <p>Tolerance: one level adds a few roundings to each term (up to four additions on each operand before the
 * half-size product, up to three after it), so an element's error stays a small multiple of u·K·max|A|·max|B|
 * (u = 1.1e-16); measured about 1e-15 of K·max|A|·max|B|. The test allows 1e-12 of it: a margin of about 1000, and
 * still far below any wrong term (an error of the order of max|C|).
 */
class StrassenGemmTest {
    private static final double RELATIVE = 1e-12;
    /** M, K, N: multiples of two vectors split (8 at 256 bits, 16 at 512), the others go to the inner kernel. */
    private static final int[][] SHAPES = {
        {64, 48, 80}, {32, 256, 128}, {144, 32, 16}, {16, 16, 16}, {65, 48, 80}, {64, 47, 80}, {8, 8, 8}, {24, 8, 40},
    };

    static Iterable<Integer> widths() {
        return VectorWidths.BITS;
    }

    @ParameterizedTest
    @MethodSource("widths")
    void matchesTheTextbookProductAndThePlainTwin(int bits) {
        GemmKernel reference = new GemmReference();
        GemmKernel fast = VectorWidths.strassen(bits, VectorWidths.gemm(bits), 1);
        GemmKernel plain = VectorWidths.strassen(bits, new PlainGemm(), 1);
        SplittableRandom rnd = new SplittableRandom(bits);
        for (int[] s : SHAPES) {
            double[] a = random(rnd, s[0] * s[1] + 3);
            double[] b = random(rnd, s[1] * s[2] + 5);
            double[] start = random(rnd, s[0] * s[2] + 2);
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (int variant = 0; variant < 3; variant++) {  // mm, mm accumulating, mtm (always accumulating)
                double[] want = start.clone();
                double[] got = start.clone();
                double[] twin = start.clone();
                if (variant == 2) {
                    reference.mtm(a, 3, b, 5, want, 2, m, k, n);
                    fast.mtm(a, 3, b, 5, got, 2, m, k, n);
                    plain.mtm(a, 3, b, 5, twin, 2, m, k, n);
                } else {
                    boolean acc = variant == 1;
                    reference.mm(a, 3, b, 5, want, 2, m, k, n, acc);
                    fast.mm(a, 3, b, 5, got, 2, m, k, n, acc);
                    plain.mm(a, 3, b, 5, twin, 2, m, k, n, acc);
                }
                String what = bits + " bits, " + m + "x" + k + "x" + n + " variant " + variant;
                assertArrayEquals(twin, got, what + ": around the vector kernel and around the plain loops");
                double scale = k * 2.0 * 2.0;  // K · max|A| · max|B|, entries in [-2, 2)
                for (int i = 0; i < want.length; i++) {
                    assertTrue(Math.abs(want[i] - got[i]) <= RELATIVE * scale,
                            what + " at " + i + ": " + got[i] + " against " + want[i]);
                }
            }
        }
    }

    private static double[] random(SplittableRandom rnd, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rnd.nextDouble(-2, 2);
        }
        return v;
    }
}
