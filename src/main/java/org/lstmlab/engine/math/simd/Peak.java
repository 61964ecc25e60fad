package org.lstmlab.engine.math.simd;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.DoubleSupplier;

/** Times a fixed FMA loop: warm-up, then the best of repeated runs by thread CPU time, in GFLOP/s. */
final class Peak {
    private Peak() {
    }

    static double measure(long nanos, DoubleSupplier loop, double flopsPerCall) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        double sink = 0;
        // warm up until C2 has compiled the loop: at least 3,000 calls, then three bursts in a row within 5 % of
        // each other; at most 30 s. Before C2 the Vector API runs boxed (C1 code, a fiftieth of the peak) at a
        // steady rate, so steadiness alone proves nothing: C2 compiles the whole method once it has been called
        // a few hundred times with its 2,000 back edges, later when the compiler queue is long (a JVM that has
        // just run many tests). 3,000 calls cost about a second in C1 code and milliseconds in C2 code.
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
            if (calls >= 3_000 && burst >= 10 && hi < 1.05 * lo) {
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
