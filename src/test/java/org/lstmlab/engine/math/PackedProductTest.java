package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.math.simd.VectorGemm;

/** A packed B gives the same bits as the unpacked product, for every kernel, shape and offset. */
class PackedProductTest {
    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 50, 65, 200, 300, 512};

    private static double[] random(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble(-1, 1);
        }
        return a;
    }

    @Test
    void packedEqualsUnpackedBitForBit() {
        SplittableRandom r = new SplittableRandom(4);
        GemmKernel[] kernels = {new VectorGemm(), VectorWidths.gemm(256), VectorWidths.gemm(512), new PlainGemm(),
            new GemmReference()};
        PackedMatrix reuse = new PackedMatrix();
        for (GemmKernel kernel : kernels) {
            // W1's backward step (16 or 32 × 200 × 50: a column tail, packed with the panels) and tails over several
            // K blocks, then random shapes
            int[][] fixed = {{16, 200, 50}, {32, 200, 50}, {5, 600, 17}, {9, 513, 3}};
            for (int t = -fixed.length; t < 120; t++) {
                int m = t < 0 ? fixed[t + fixed.length][0] : SIZES[r.nextInt(SIZES.length)];
                int k = t < 0 ? fixed[t + fixed.length][1] : SIZES[r.nextInt(SIZES.length)];
                int n = t < 0 ? fixed[t + fixed.length][2] : SIZES[r.nextInt(SIZES.length)];
                if ((long) m * k * n > 3_000_000) {
                    continue;
                }
                int bOff = r.nextInt(3);
                double[] a = random(r, m * k + 2);
                double[] b = random(r, k * n + bOff);
                boolean accumulate = r.nextBoolean();
                double[] c1 = random(r, m * n + 1);
                double[] c2 = c1.clone();
                kernel.mm(a, 2, b, bOff, c1, 1, m, k, n, accumulate);
                reuse.set(b, bOff, k, n);
                kernel.pack(reuse);
                kernel.mmPacked(a, 2, reuse, c2, 1, m, accumulate);
                for (int i = 0; i < c1.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(c1[i]), Double.doubleToRawLongBits(c2[i]),
                            kernel.name() + " " + m + "x" + k + "x" + n + " at " + i);
                }
            }
        }
    }

    @Test
    void theFacadePacksWithTheKernelInUse() {
        SplittableRandom r = new SplittableRandom(5);
        double[] a = random(r, 32 * 128);
        double[] b = random(r, 128 * 512);
        double[] c1 = new double[32 * 512];
        double[] c2 = new double[32 * 512];
        Gemm.mm(a, 0, b, 0, c1, 0, 32, 128, 512, false);
        PackedMatrix p = Gemm.pack(b, 0, 128, 512, null);
        Gemm.mmPacked(a, 0, p, c2, 0, 32, false);
        for (int i = 0; i < c1.length; i++) {
            assertEquals(c1[i], c2[i], 0.0);
        }
    }
}
