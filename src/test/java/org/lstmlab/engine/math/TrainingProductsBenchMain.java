package org.lstmlab.engine.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times the matrix products of one LSTM layer's training step as the layer calls them, in float64 and float32, by
 * this thread's CPU time, and prints each as GFLOP/s and as a fraction of the FMA peak that {@link PeakProbe}
 * measures. B is packed once per pass; the recurrent products run per time step; the others run per block of 256
 * rows, as the layers do (float32 also over all T·B rows at once, as its layers did before 29 Nov 2026). Not a test:
 * the products behind {@code bench}'s wall times, for comparing vector widths ({@code -XX:UseAVX=2}) and kernels.
 * Arguments: batch B, hidden H, input D, steps T (default 32 256 256 50: one shard of W3's second layer at two
 * threads), e.g.
 * {@code java -XX:UseAVX=2 --add-modules jdk.incubator.vector -cp target/classes:target/test-classes
 * org.lstmlab.engine.math.TrainingProductsBenchMain 32 256 256 50}.
 */
public final class TrainingProductsBenchMain {
    private static final int ROWS = 256;
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private TrainingProductsBenchMain() {
    }

    public static void main(String[] args) {
        System.setProperty("lstmlab.warmup", "false");  // the vector kernels from the first call
        int b = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int d = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int t = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int g = 4 * h;
        System.out.printf(Locale.ROOT, "%s; %s; B=%d H=%d D=%d T=%d%n", Gemm.kernelName(),
                Gemm.floatKernelName(), b, h, d, t);
        doubles(b, h, d, g);
        floats(b, h, d, g, t * b);
    }

    private static void doubles(int b, int h, int d, int g) {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] hidden = random(rnd, ROWS * h);
        double[] x = random(rnd, ROWS * d);
        double[] gates = random(rnd, ROWS * g);
        double[] dh = new double[ROWS * h];
        double[] dx = new double[ROWS * d];
        double[] gradHh = new double[g * h];
        double[] gradIh = new double[g * d];
        PackedMatrix whhT = Gemm.pack(random(rnd, h * g), 0, h, g, null);
        PackedMatrix whh = Gemm.pack(random(rnd, g * h), 0, g, h, null);
        PackedMatrix wihT = Gemm.pack(random(rnd, d * g), 0, d, g, null);
        PackedMatrix wih = Gemm.pack(random(rnd, g * d), 0, g, d, null);
        double peak = PeakProbe.gflops(Precision.FLOAT64, 300);
        report("float64", peak, "input projection, a block", ROWS, d, g,
                () -> Gemm.mmPacked(x, 0, wihT, gates, 0, ROWS, true));
        report("float64", peak, "recurrent step", b, h, g, () -> Gemm.mmPacked(hidden, 0, whhT, gates, 0, b, true));
        report("float64", peak, "dh step", b, g, h, () -> Gemm.mmPacked(gates, 0, whh, dh, 0, b, false));
        report("float64", peak, "dW_ih, a block (mtm)", g, ROWS, d, () -> Gemm.mtm(gates, 0, x, 0, gradIh, 0, g,
                ROWS, d));
        report("float64", peak, "dW_hh, a block (mtm)", g, ROWS, h, () -> Gemm.mtm(gates, 0, hidden, 0, gradHh, 0,
                g, ROWS, h));
        report("float64", peak, "dW_ih + dW_hh (2 mtm)", g, ROWS, d + h, () -> {
            Gemm.mtm(gates, 0, x, 0, gradIh, 0, g, ROWS, d);
            Gemm.mtm(gates, 0, hidden, 0, gradHh, 0, g, ROWS, h);
        });
        report("float64", peak, "dW_ih + dW_hh (mtmPair)", g, ROWS, d + h, () -> Gemm.mtmPair(gates, 0, g, ROWS, x,
                0, gradIh, 0, d, hidden, 0, gradHh, 0, h, null));
        report("float64", peak, "dX, a block", ROWS, g, d, () -> Gemm.mmPacked(gates, 0, wih, dx, 0, ROWS, false));
    }

    private static void floats(int b, int h, int d, int g, int rows) {
        SplittableRandom rnd = new SplittableRandom(7);
        float[] hidden = randomFloats(rnd, rows * h);
        float[] x = randomFloats(rnd, rows * d);
        float[] gates = randomFloats(rnd, rows * g);
        float[] dh = new float[rows * h];
        float[] dx = new float[rows * d];
        float[] gradHh = new float[g * h];
        float[] gradIh = new float[g * d];
        PackedFloatMatrix whhT = Gemm.pack(randomFloats(rnd, h * g), 0, h, g, null);
        PackedFloatMatrix whh = Gemm.pack(randomFloats(rnd, g * h), 0, g, h, null);
        PackedFloatMatrix wihT = Gemm.pack(randomFloats(rnd, d * g), 0, d, g, null);
        PackedFloatMatrix wih = Gemm.pack(randomFloats(rnd, g * d), 0, g, d, null);
        double peak = PeakProbe.gflops(Precision.FLOAT32, 300);
        report("float32", peak, "input projection, a block", ROWS, d, g,
                () -> Gemm.mmPacked(x, 0, wihT, gates, 0, ROWS, true));
        report("float32", peak, "recurrent step", b, h, g, () -> Gemm.mmPacked(hidden, 0, whhT, gates, 0, b, true));
        report("float32", peak, "dh step", b, g, h, () -> Gemm.mmPacked(gates, 0, whh, dh, 0, b, false));
        report("float32", peak, "dW_ih + dW_hh (2 mtm)", g, ROWS, d + h, () -> {
            Gemm.mtm(gates, 0, x, 0, gradIh, 0, g, ROWS, d);
            Gemm.mtm(gates, 0, hidden, 0, gradHh, 0, g, ROWS, h);
        });
        report("float32", peak, "dW_ih + dW_hh (mtmPair)", g, ROWS, d + h, () -> Gemm.mtmPair(gates, 0, g, ROWS, x,
                0, gradIh, 0, d, hidden, 0, gradHh, 0, h, null));
        report("float32", peak, "dX, a block", ROWS, g, d, () -> Gemm.mmPacked(gates, 0, wih, dx, 0, ROWS, false));
        report("float32", peak, "dW_ih + dW_hh, all rows", g, rows, d + h, () -> {
            Gemm.mtm(gates, 0, x, 0, gradIh, 0, g, rows, d);
            Gemm.mtm(gates, 0, hidden, 0, gradHh, 0, g, rows, h);
        });
        report("float32", peak, "dX, all rows", rows, g, d, () -> Gemm.mmPacked(gates, 0, wih, dx, 0, rows, false));
    }

    /** Warms up for 2 s of CPU, then prints the best of 20 rounds of 25 ms of CPU time. */
    private static void report(String dtype, double peak, String what, int m, int k, int n, Runnable product) {
        double flops = 2.0 * m * k * n;
        rounds(product, flops, 80);
        double best = rounds(product, flops, 20);
        System.out.printf(Locale.ROOT, "%-8s %-26s %5d×%5d×%5d  %7.1f GFLOP/s  %5.1f %% of peak %.1f%n", dtype, what,
                m, k, n, best, 100 * best / peak, peak);
    }

    private static double rounds(Runnable product, double flops, int rounds) {
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = MX.getCurrentThreadCpuTime();
            long calls = 0;
            long spent;
            do {
                product.run();
                calls++;
                spent = MX.getCurrentThreadCpuTime() - t0;
            } while (spent < 25_000_000L);
            best = Math.max(best, flops * calls / spent);
        }
        return best;
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-0.1, 0.1);
        }
        return v;
    }

    private static float[] randomFloats(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextDouble(-0.1, 0.1);
        }
        return v;
    }
}
