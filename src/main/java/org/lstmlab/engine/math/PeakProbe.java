package org.lstmlab.engine.math;

import java.util.function.ToDoubleBiFunction;

/**
 * The machine's measured fused multiply-add peak for one core, the yardstick {@code bench} divides its GFLOP/s by:
 * a register-only loop of independent vector FMAs with the Vector API (the plain-loop figure when the module is
 * off is the scalar FMA rate, what plain Java reaches without vectors).
 */
public final class PeakProbe {
    private PeakProbe() {
    }

    /** GFLOP/s of one core in this precision, measured for about {@code millis} of CPU time (at least 50). */
    @SuppressWarnings("unchecked")
    public static double gflops(Precision precision, long millis) {
        long nanos = Math.max(50, millis) * 1_000_000L;
        if (Simd.enabled()) {
            try {
                Object probe = Class.forName("org.lstmlab.engine.math.simd.VectorPeak").getDeclaredConstructor()
                        .newInstance();
                return ((ToDoubleBiFunction<Precision, Long>) probe).applyAsDouble(precision, nanos);
            } catch (ReflectiveOperationException | LinkageError e) {
                return scalar(precision, nanos);
            }
        }
        return scalar(precision, nanos);
    }

    private static double scalar(Precision precision, long nanos) {
        long end = System.nanoTime() + nanos;
        long t0 = System.nanoTime();
        long fmas = 0;
        double a0 = 1;
        double a1 = 1.1;
        double a2 = 1.2;
        double a3 = 1.3;
        double a4 = 1.4;
        double a5 = 1.5;
        double a6 = 1.6;
        double a7 = 1.7;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                a0 = Math.fma(a0, 0.999999, 1e-7);
                a1 = Math.fma(a1, 0.999999, 1e-7);
                a2 = Math.fma(a2, 0.999999, 1e-7);
                a3 = Math.fma(a3, 0.999999, 1e-7);
                a4 = Math.fma(a4, 0.999999, 1e-7);
                a5 = Math.fma(a5, 0.999999, 1e-7);
                a6 = Math.fma(a6, 0.999999, 1e-7);
                a7 = Math.fma(a7, 0.999999, 1e-7);
            }
            fmas += 80_000;
        }
        double sink = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
        double g = 2.0 * fmas / (System.nanoTime() - t0);
        return Double.isNaN(sink) ? -g : g;
    }
}
