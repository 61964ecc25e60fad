package org.lstmlab.engine.math.simd;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.DoubleSupplier;

/** Times a fixed FMA loop: warm-up, then the best of repeated runs by thread CPU time, in GFLOP/s. */
final class Peak {
    private Peak() {
    }

    /**
     * GFLOP/s of {@code loop} ({@code flopsPerCall} each call) over about {@code nanos} of CPU time, after a warm-up
     * that lasts until the rate is steady and at least {@code floorGflops}: a slower rate means C2 has not compiled
     * the loop yet (C1 runs the Vector API boxed, 15 to 50 times below the peak), however steady it looks.
     */
    static double measure(long nanos, DoubleSupplier loop, double flopsPerCall, double floorGflops) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        double sink = 0;
        // warm up until C2 has compiled the loop: at least 3,000 calls, then three bursts in a row within 5 % of
        // each other and above the floor; at most 30 s. C2 takes the method after a few hundred calls, later when
        // its queue is long (a JVM that has just run many tests: once a steady C1 rate of 2.1 GFLOP/s passed for
        // the float32 peak). 3,000 calls cost about a second in C1 code and milliseconds in C2 code.
        long warmEnd = System.nanoTime() + 30_000_000_000L;
        double[] last = new double[3];
        long calls = 0;
        for (int burst = 0; System.nanoTime() < warmEnd; burst++) {
            long t0 = System.nanoTime();
            int n = 0;
            do {
                sink += loop.getAsDouble();
                n++;
            } while (System.nanoTime() - t0 < 20_000_000L);
            calls += n;
            last[burst % 3] = (System.nanoTime() - t0) / (double) n;
            double lo = Math.min(last[0], Math.min(last[1], last[2]));
            double hi = Math.max(last[0], Math.max(last[1], last[2]));
            if (calls >= 3_000 && burst >= 10 && hi < 1.05 * lo && flopsPerCall / hi >= floorGflops) {
                break;
            }
        }
        double best = 0;
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
            for (int i = 0; i < 20; i++) {
                sink += loop.getAsDouble();
            }
            long spent = (cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t0;
            if (spent > 0) {
                best = Math.max(best, 20 * flopsPerCall / spent);
            }
        }
        return Double.isNaN(sink) ? -best : best;  // keeps the loop's result alive; never NaN for these inputs
    }
}
