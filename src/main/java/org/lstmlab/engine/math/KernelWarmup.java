package org.lstmlab.engine.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warms the Vector API kernels on a background thread and moves {@link Gemm} and {@link Pointwise} to them once
 * they are compiled. Until C2 has compiled them, vector kernels run interpreted code 10 to 100 times slower than
 * plain loops (the first epoch of {@code train --task adding} took 6 to 11 s instead of 1.7 s), so the engine
 * computes with the plain loops meanwhile; every kernel gives the same bits, so nothing but the speed changes.
 *
 * <p>The thread runs every path of the fast kernels (each tile width, column tails, single rows, packed operands,
 * rank-1 and tiny products, both precisions, the activations) on small LSTM-shaped operands, and after each round
 * compares each path's CPU time per call with the plain loops'. When the vector kernels are no slower on every path
 * in two rounds running, it switches and ends; after {@link #MAX_SECONDS} it ends anyway, keeping whichever is
 * faster. It starts by itself the first time the engine multiplies; an application calls {@link #start()} at
 * start-up so the kernels are warm before the user trains. {@code -Dlstmlab.warmup=false} uses the vector kernels
 * from the first call (the behaviour before this class, for comparisons).
 */
public final class KernelWarmup {
    /** Longest the warm-up keeps a core busy. */
    public static final double MAX_SECONDS = 60;
    /** CPU time each path runs per kernel and round. */
    private static final long BURST_NANOS = 3_000_000L;
    /** The vector path may be this much slower than the plain one on a tiny product and still count as warm. */
    private static final double SLACK = 1.3;

    /** How the warm-up ended: whether the fast kernels are in use, after how long and how many rounds. */
    public record Report(boolean fast, double seconds, int rounds, String detail) {
    }

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CompletableFuture<Report> DONE = new CompletableFuture<>();

    private KernelWarmup() {
    }

    static void startOnFirstUse() {
        start();
    }

    /**
     * Starts the warm-up once per JVM (later calls return the same future) on a daemon thread. Completes at once
     * when there are no vector kernels, or with {@code -Dlstmlab.warmup=false}.
     */
    public static CompletableFuture<Report> start() {
        if (STARTED.compareAndSet(false, true)) {
            if (!Simd.enabled()) {
                DONE.complete(new Report(false, 0, 0, "no vector kernels: plain loops"));
            } else if ("false".equalsIgnoreCase(System.getProperty("lstmlab.warmup"))) {
                useFast();
                DONE.complete(new Report(true, 0, 0, "warm-up off: vector kernels from the first call"));
            } else {
                Thread t = new Thread(KernelWarmup::run, "lstmlab-kernel-warmup");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                t.start();
            }
        }
        return DONE;
    }

    /** True once the warm-up has ended (whichever kernels it kept). */
    public static boolean isDone() {
        return DONE.isDone();
    }

    /** Waits up to {@code millis} for the warm-up to end; its report, or null if it has not ended by then. */
    public static Report await(long millis) {
        try {
            return start().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void useFast() {
        Gemm.useFastKernels();
        Pointwise.useFastKernel();
    }

    private static void run() {
        long start = System.nanoTime();
        try {
            List<Probe> probes = probes();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            boolean cpu = mx.isCurrentThreadCpuTimeSupported();
            int goodRounds = 0;
            int round = 0;
            String worst = "";
            while (true) {
                round++;
                boolean allWarm = true;
                double worstRatio = 0;
                for (Probe p : probes) {
                    double fast = perCall(p, true, mx, cpu);
                    double plain = perCall(p, false, mx, cpu);
                    double ratio = fast / plain;
                    if (ratio > worstRatio) {
                        worstRatio = ratio;
                        worst = p.name;
                    }
                    allWarm &= ratio <= SLACK;
                }
                goodRounds = allWarm ? goodRounds + 1 : 0;
                double seconds = (System.nanoTime() - start) / 1e9;
                String detail = String.format(java.util.Locale.ROOT, "slowest path %s at %.2f× the plain loops",
                        worst, worstRatio);
                if (goodRounds >= 2) {
                    useFast();
                    DONE.complete(new Report(true, seconds, round, detail));
                    return;
                }
                if (seconds > MAX_SECONDS) {
                    boolean fast = worstRatio <= 1.0;
                    if (fast) {
                        useFast();
                    }
                    DONE.complete(new Report(fast, seconds, round, "gave up warming: " + detail));
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            DONE.complete(new Report(false, (System.nanoTime() - start) / 1e9, 0, "warm-up failed: " + e));
        }
    }

    /** Nanoseconds (thread CPU time when available) per call of one probe's fast or plain kernel. */
    private static double perCall(Probe p, boolean fast, ThreadMXBean mx, boolean cpu) {
        long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
        long calls = 0;
        long spent;
        do {
            for (int i = 0; i < 8; i++) {
                p.work.run(fast);
            }
            calls += 8;
            spent = (cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t0;
        } while (spent < BURST_NANOS);
        return spent / (double) calls;
    }

    private interface Work {
        void run(boolean fast);
    }

    private record Probe(String name, Work work) {
    }

    /** One probe per path of the fast kernels, each on its own seeded operands. */
    private static List<Probe> probes() {
        SplittableRandom r = new SplittableRandom(17);
        List<Probe> list = new ArrayList<>();
        // double products: every tile width and tail, single rows, packed B, aliasing rows, packed A, K = 1, tiny
        int[][] mm = {{32, 50, 200}, {33, 20, 70}, {130, 16, 72}, {20, 40, 256}, {7, 24, 24}, {320, 1, 200},
            {2, 3, 5}, {64, 60, 1}};
        for (int[] s : mm) {
            double[] a = doubles(r, s[0] * s[1]);
            double[] b = doubles(r, s[1] * s[2]);
            double[] c = new double[s[0] * s[2]];
            list.add(new Probe("mm " + s[0] + "x" + s[1] + "x" + s[2], fast ->
                    (fast ? Gemm.FAST : Gemm.PLAIN).mm(a, 0, b, 0, c, 0, s[0], s[1], s[2], (c[0] > 0))));
        }
        int[][] mtm = {{256, 48, 40}, {200, 64, 50}, {64, 50, 1}, {36, 30, 65}};
        for (int[] s : mtm) {
            double[] a = doubles(r, s[1] * s[0]);
            double[] b = doubles(r, s[1] * s[2]);
            double[] c = new double[s[0] * s[2]];
            list.add(new Probe("mtm " + s[0] + "x" + s[1] + "x" + s[2], fast ->
                    (fast ? Gemm.FAST : Gemm.PLAIN).mtm(a, 0, b, 0, c, 0, s[0], s[1], s[2])));
        }
        double[] h = doubles(r, 32 * 64);
        double[] w = doubles(r, 64 * 256);
        double[] g = new double[32 * 256];
        PackedMatrix packed = Gemm.pack(w, 0, 64, 256, null);
        list.add(new Probe("mm packed 32x64x256", fast -> {
            if (fast) {
                Gemm.FAST.mmPacked(h, 0, packed, g, 0, 32, true);
            } else {
                Gemm.PLAIN.mm(h, 0, w, 0, g, 0, 32, 64, 256, true);
            }
        }));
        // float products
        int[][] fmm = {{32, 50, 200}, {33, 20, 70}, {8, 24, 48}, {40, 200, 1}};
        for (int[] s : fmm) {
            float[] a = floats(r, s[0] * s[1]);
            float[] b = floats(r, s[1] * s[2]);
            float[] c = new float[s[0] * s[2]];
            list.add(new Probe("float mm " + s[0] + "x" + s[1] + "x" + s[2], fast ->
                    (fast ? Gemm.FAST_FLOAT : Gemm.PLAIN_FLOAT).mm(a, 0, b, 0, c, 0, s[0], s[1], s[2],
                            c[0] > 0)));
        }
        int[][] fmtm = {{256, 48, 40}, {200, 40, 50}, {60, 30, 1}};
        for (int[] s : fmtm) {
            float[] a = floats(r, s[1] * s[0]);
            float[] b = floats(r, s[1] * s[2]);
            float[] c = new float[s[0] * s[2]];
            list.add(new Probe("float mtm " + s[0] + "x" + s[1] + "x" + s[2], fast ->
                    (fast ? Gemm.FAST_FLOAT : Gemm.PLAIN_FLOAT).mtm(a, 0, b, 0, c, 0, s[0], s[1], s[2])));
        }
        float[] hf = floats(r, 32 * 64);
        float[] wf = floats(r, 64 * 256);
        float[] gf = new float[32 * 256];
        PackedFloatMatrix packedF = Gemm.pack(wf, 0, 64, 256, null);
        list.add(new Probe("float mm packed 32x64x256", fast -> {
            if (fast) {
                Gemm.FAST_FLOAT.mmPacked(hf, 0, packedF, gf, 0, 32, true);
            } else {
                Gemm.PLAIN_FLOAT.mm(hf, 0, wf, 0, gf, 0, 32, 64, 256, true);
            }
        }));
        // activations
        double[] x = doubles(r, 203);
        double[] y = new double[203];
        list.add(new Probe("sigmoid and tanh", fast -> {
            PointwiseKernel k = fast ? Pointwise.FAST : Pointwise.PLAIN;
            k.sigmoid(x, 0, y, 0, 203);
            k.tanh(x, 1, y, 0, 202);
        }));
        return list;
    }

    private static double[] doubles(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-1, 1);
        }
        return v;
    }

    private static float[] floats(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextDouble(-1, 1);
        }
        return v;
    }
}
