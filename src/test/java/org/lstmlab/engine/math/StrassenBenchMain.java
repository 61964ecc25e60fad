package org.lstmlab.engine.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * W3's large float64 products (one shard at two threads: blocks of 256 rows, and whole passes of 1,600 rows) on
 * the fast kernel and on one level of {@link StrassenGemm} around it, interleaved: per shape, rounds in which each
 * runs about 40 ms of thread CPU time; prints the median GFLOP/s (nominal 2·M·K·N) and the median per-round ratio.
 * Run with and without {@code -XX:UseAVX=2} (docs/notes/strassen-2026-12-01.md). {@code -Dstrassen.halves=true}
 * times seven half-size products on the same operands instead (no additions: an upper bound).
 */
public final class StrassenBenchMain {
    private StrassenBenchMain() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        GemmKernel fast = Gemm.FAST;
        GemmKernel strassen = new org.lstmlab.engine.math.simd.StrassenGemm(fast, 0);
        System.out.println("kernel " + fast.name());
        if (Boolean.getBoolean("strassen.halves")) {
            strassen = new GemmKernel() {
                public String name() {
                    return "halves";
                }

                public void mm(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n,
                               boolean acc) {
                    for (int i = 0; i < 7; i++) {
                        fast.mm(a, 0, b, 0, c, 0, m / 2, k / 2, n / 2, acc);
                    }
                }

                public void mtm(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n) {
                    for (int i = 0; i < 7; i++) {
                        fast.mtm(a, 0, b, 0, c, 0, m / 2, k / 2, n / 2);
                    }
                }
            };
        }
        int[][] shapes = {  // mtm?, m, k, n, accumulate
            {0, 256, 128, 1024, 1}, {0, 256, 256, 1024, 1}, {0, 256, 1024, 256, 0},
            {1, 1024, 256, 128, 1}, {1, 1024, 256, 256, 1},
            {0, 1600, 256, 1024, 1}, {1, 1024, 1600, 256, 1}, {0, 1600, 1024, 256, 0},
        };
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Random rnd = new Random(1);
        for (int[] s : shapes) {
            boolean mtm = s[0] == 1;
            int m = s[1];
            int k = s[2];
            int n = s[3];
            double[] a = rnd.doubles((long) m * k, -1, 1).toArray();
            double[] b = rnd.doubles((long) k * n, -1, 1).toArray();
            double[] c0 = new double[m * n];
            double[] c1 = new double[m * n];
            GemmKernel[] ks = {fast, strassen};
            double[][] cs = {c0, c1};
            for (int i = 0; i < 2; i++) {
                run(ks[i], mtm, a, b, cs[i], m, k, n, s[4] == 1);
            }
            double err = 0;
            double max = 0;
            for (int i = 0; i < c0.length; i++) {
                err = Math.max(err, Math.abs(c0[i] - c1[i]));
                max = Math.max(max, Math.abs(c0[i]));
            }
            double flop = 2.0 * m * k * n;
            double[][] g = new double[2][rounds];
            double[] ratio = new double[rounds];
            for (int w = 0; w < rounds + 3; w++) {
                double[] t = new double[2];
                for (int i = 0; i < 2; i++) {
                    long start = bean.getCurrentThreadCpuTime();
                    int reps = 0;
                    long now;
                    do {
                        run(ks[i], mtm, a, b, cs[i], m, k, n, false);
                        reps++;
                        now = bean.getCurrentThreadCpuTime();
                    } while (now - start < 40_000_000L);
                    t[i] = (now - start) / 1e9 / reps;
                }
                if (w >= 3) {
                    g[0][w - 3] = flop / t[0] / 1e9;
                    g[1][w - 3] = flop / t[1] / 1e9;
                    ratio[w - 3] = t[0] / t[1];
                }
            }
            System.out.printf("%s %dx%dx%d  fast %.1f  strassen %.1f GFLOP/s  speed-up %.3f (min %.3f max %.3f)"
                    + "  max diff %.2e of %.2e%n", mtm ? "mtm" : "mm", m, k, n, median(g[0]), median(g[1]),
                    median(ratio), Arrays.stream(ratio).min().getAsDouble(),
                    Arrays.stream(ratio).max().getAsDouble(), err, max);
        }
    }

    private static void run(GemmKernel kernel, boolean mtm, double[] a, double[] b, double[] c, int m, int k, int n,
                            boolean accumulate) {
        if (mtm) {
            kernel.mtm(a, 0, b, 0, c, 0, m, k, n);
        } else {
            kernel.mm(a, 0, b, 0, c, 0, m, k, n, accumulate);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
