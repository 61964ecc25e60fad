package org.lstmlab.engine.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.lstmlab.engine.train.KernelBench;

/**
 * The float32 side of {@code bench --kernels --thin} (which times the float64 kernels): the plain float32 loops
 * against the vector kernel on {@link KernelBench#thinShapes}, in 21 interleaved rounds of 15 ms of thread CPU time
 * each after a warm-up, as {@link KernelBench#interleaved} does. Not a test; e.g.
 * {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes
 * org.lstmlab.engine.math.FloatThinBenchMain}. Prints µs a call (median by CPU time) and the median ratio.
 */
public final class FloatThinBenchMain {
    private FloatThinBenchMain() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        FloatGemmKernel[] kernels = {Gemm.PLAIN_FLOAT, Gemm.FAST_FLOAT};
        for (KernelBench.Shape s : KernelBench.thinShapes()) {
            SplittableRandom r = new SplittableRandom(1234);
            float[] a = random(r, s.m() * s.k());
            float[] b = random(r, s.k() * s.n());
            float[] c = new float[s.m() * s.n()];
            for (FloatGemmKernel k : kernels) {  // warm-up: 2 s of calls each
                long end = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < end) {
                    call(k, s, a, b, c);
                }
            }
            int rounds = 21;
            double[][] us = new double[2][rounds];
            double[] ratio = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                for (int q = 0; q < 2; q++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    long calls = 0;
                    long spent;
                    do {
                        for (int i = 0; i < 16; i++) {
                            call(kernels[q], s, a, b, c);
                        }
                        calls += 16;
                        spent = mx.getCurrentThreadCpuTime() - t0;
                    } while (spent < 15_000_000L);
                    us[q][round] = spent / 1e3 / calls;
                }
                ratio[round] = us[0][round] / us[1][round];
            }
            Arrays.sort(us[0]);
            Arrays.sort(us[1]);
            Arrays.sort(ratio);
            System.out.printf(Locale.ROOT, "%-18s %-42s plain %9.2f us  vector %9.2f us  vector/plain speed %.2f%n",
                    s.label(), s.meaning(), us[0][rounds / 2], us[1][rounds / 2], ratio[rounds / 2]);
        }
    }

    private static void call(FloatGemmKernel k, KernelBench.Shape s, float[] a, float[] b, float[] c) {
        if (s.op() == KernelBench.Op.MM) {
            k.mm(a, 0, b, 0, c, 0, s.m(), s.k(), s.n(), false);
        } else {
            k.mtm(a, 0, b, 0, c, 0, s.m(), s.k(), s.n());
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        return x;
    }
}
