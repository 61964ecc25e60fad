package org.lstmlab.engine.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
 * <p>The thread runs every path of the fast kernels (each tile width, column tails, single rows, products of one
 * row or one column, packed operands, rank-1 and tiny products, the activations) on small LSTM-shaped operands,
 * and after each round compares each path's CPU time per call with the plain loops'. When every path has counted
 * as compiled in two rounds ({@link WarmupRule}), it switches and ends; after {@link #MAX_SECONDS} it ends
 * anyway, keeping the vector kernels when every path was seen compiled at least once. The float64 kernels and
 * the float32 ones are two groups, each warmed when first needed.
 *
 * <p>Warming costs CPU: compiling the vector kernels of one precision takes C2 about a second of a core. An
 * application calls {@link #start()} at start-up, while the user is still choosing, so the kernels are warm before
 * training begins; {@code bench} does the same before timing. When nobody asked, the warm-up of a group starts by
 * itself {@link #AUTO_DELAY_MILLIS} after the engine first used it, so that a short job (the first hundred steps of
 * a command-line run) never competes with the compiler for the cores and runs exactly as fast as on plain loops,
 * and a longer one moves to the vector kernels after a few seconds. {@code -Dlstmlab.warmup=false} uses the vector
 * kernels from the first call (the behaviour before this class, for comparisons); {@code -Dlstmlab.warmup=now}
 * starts warming at the first use without the delay.
 */
public final class KernelWarmup {
    /** Longest the warm-up of one group keeps a core busy. */
    public static final double MAX_SECONDS = 60;
    /** How long after the first use of a group its warm-up starts, unless {@link #start()} was called. */
    public static final long AUTO_DELAY_MILLIS = 3000;
    /** CPU time a path that is not warm yet runs per round. */
    private static final long BURST_NANOS = 10_000_000L;
    /** CPU time a warm path and the plain loops run per round, to compare their speeds. */
    private static final long CHECK_NANOS = 1_000_000L;

    /** How a warm-up ended: whether the fast kernels are in use, after how long and how many rounds. */
    public record Report(String group, boolean fast, double seconds, int rounds, String detail) {
    }

    /** One set of kernels warmed and switched together. */
    private static final class Group {
        final String name;
        final AtomicBoolean started = new AtomicBoolean();
        final CountDownLatch wakeUp = new CountDownLatch(1);
        final CompletableFuture<Report> done = new CompletableFuture<>();
        final boolean floats;

        Group(String name, boolean floats) {
            this.name = name;
            this.floats = floats;
        }
    }

    private static final Group DOUBLES = new Group("float64", false);
    private static final Group FLOATS = new Group("float32", true);

    private KernelWarmup() {
    }

    /** Called when the engine first uses the float64 products or the activations. */
    static void float64InUse() {
        launch(DOUBLES, false);
    }

    /** Called when the engine first uses the float32 products. */
    static void float32InUse() {
        launch(FLOATS, false);
    }

    /**
     * Starts warming every kernel now (both precisions), once per JVM, on daemon threads; later calls return the
     * same future. Completes at once when there are no vector kernels or with {@code -Dlstmlab.warmup=false}.
     */
    public static CompletableFuture<Void> start() {
        return CompletableFuture.allOf(start(Precision.FLOAT64), start(Precision.FLOAT32));
    }

    /** Starts warming the kernels of one precision now (float64 includes the activations, used by both). */
    public static CompletableFuture<Report> start(Precision precision) {
        Group g = precision == Precision.FLOAT32 ? FLOATS : DOUBLES;
        launch(g, true);
        if (precision == Precision.FLOAT32) {
            launch(DOUBLES, true);  // the activations
        }
        return g.done;
    }

    /** True once the warm-up of this precision's kernels has ended (whichever kernels it kept). */
    public static boolean isDone(Precision precision) {
        return (precision == Precision.FLOAT32 ? FLOATS : DOUBLES).done.isDone();
    }

    /**
     * Starts warming this precision's kernels now and waits up to {@code millis} for it to end; its report, or
     * null if it has not ended by then.
     */
    public static Report await(Precision precision, long millis) {
        try {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            Report report = start(precision).get(millis, TimeUnit.MILLISECONDS);
            if (precision == Precision.FLOAT32) {  // the activations are float64 kernels
                DOUBLES.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return report;
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void launch(Group g, boolean now) {
        if (now) {
            g.wakeUp.countDown();
        }
        if (!g.started.compareAndSet(false, true)) {
            return;
        }
        String mode = System.getProperty("lstmlab.warmup", "auto");
        if (!Simd.enabled()) {
            g.done.complete(new Report(g.name, false, 0, 0, "no vector kernels: plain loops"));
        } else if ("false".equalsIgnoreCase(mode)) {
            useFast(g);
            g.done.complete(new Report(g.name, true, 0, 0, "warm-up off: vector kernels from the first call"));
        } else {
            if ("now".equalsIgnoreCase(mode)) {
                g.wakeUp.countDown();
            }
            if (Boolean.getBoolean("lstmlab.warmup.verbose")) {
                g.done.thenAccept(r -> System.err.println("kernel warm-up: " + r));
            }
            Thread t = new Thread(() -> run(g), "lstmlab-kernel-warmup-" + g.name);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    private static void useFast(Group g) {
        if (g.floats) {
            Gemm.useFastFloatKernels();
            FloatCells.useFastKernel();
        } else {
            Gemm.useFastKernels();
            Pointwise.useFastKernel();
            Cells.useFastKernel();
        }
    }

    private static void run(Group g) {
        try {
            g.wakeUp.await(AUTO_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return;
        }
        long start = System.nanoTime();
        try {
            List<Probe> probes = g.floats ? floatProbes() : doubleProbes();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            boolean cpu = mx.isCurrentThreadCpuTimeSupported();
            WarmupRule rule = new WarmupRule(probes.stream().map(Probe::name).toArray(String[]::new));
            double[] fast = new double[probes.size()];
            double[] plain = new double[probes.size()];
            while (true) {
                boolean timePlain = rule.timePlain();
                for (int i = 0; i < probes.size(); i++) {
                    Probe p = probes.get(i);
                    // cold paths get long bursts (interpreted vector code needs many calls before C2 takes it)
                    fast[i] = perCall(p, true, rule.compiledLastRound(i) ? CHECK_NANOS : BURST_NANOS, mx, cpu);
                    plain[i] = timePlain ? perCall(p, false, CHECK_NANOS, mx, cpu) : Double.NaN;
                }
                rule.round(fast, plain);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (rule.ready()) {
                    useFast(g);
                    g.done.complete(new Report(g.name, true, seconds, rule.rounds(), rule.detail()));
                    return;
                }
                if (seconds > MAX_SECONDS) {
                    boolean keep = rule.keepFastAtDeadline();
                    if (keep) {
                        useFast(g);
                    }
                    g.done.complete(new Report(g.name, keep, seconds, rule.rounds(),
                            "gave up warming: " + rule.detail()));
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            g.done.complete(new Report(g.name, false, (System.nanoTime() - start) / 1e9, 0, "warm-up failed: " + e));
        }
    }

    /** Nanoseconds (thread CPU time when available) per call of one probe's fast or plain kernel. */
    private static double perCall(Probe p, boolean fast, long nanos, ThreadMXBean mx, boolean cpu) {
        long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
        long calls = 0;
        long spent;
        do {
            for (int i = 0; i < 8; i++) {
                p.work.run(fast);
            }
            calls += 8;
            spent = (cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t0;
        } while (spent < nanos);
        return spent / (double) calls;
    }

    private interface Work {
        void run(boolean fast);
    }

    private record Probe(String name, Work work) {
    }

    /** One probe per path of the float64 kernels and the activations, each on its own seeded operands. */
    private static List<Probe> doubleProbes() {
        SplittableRandom r = new SplittableRandom(17);
        List<Probe> list = new ArrayList<>();
        // double products: every tile width and tail, single rows, packed B, aliasing rows, packed A, K = 1, tiny
        // and one row or one column (a batch of one, a head, bias sums), k and n with remainders; 45x150x1: one
        // column in blocks of 4·L and L rows, rows left over, two K blocks (simd.Columns); 40x64x3: a narrow head
        // (N below the lanes at both widths: no whole vector, all of it the column tail); 21x33x12 and 21x33x5: a
        // tile one vector wide and a tail, odd K, a row left over (12 at 512 bits, 5 at 256)
        int[][] mm = {{32, 50, 200}, {33, 20, 70}, {130, 16, 72}, {20, 40, 256}, {7, 24, 24}, {320, 1, 200},
            {2, 3, 5}, {45, 150, 1}, {40, 64, 3}, {21, 33, 12}, {21, 33, 5}, {1, 70, 203}, {1, 640, 96}};
        for (int[] s : mm) {
            double[] a = doubles(r, s[0] * s[1]);
            double[] b = doubles(r, s[1] * s[2]);
            double[] c = new double[s[0] * s[2]];
            boolean[] flip = {false};  // C overwritten and accumulated in turn, so that both sides of every load
            // branch are compiled (c[0] > 0 stayed one way: rowTile's !load was a trap after the warm-up)
            list.add(new Probe("mm " + s[0] + "x" + s[1] + "x" + s[2], fast ->
                    (fast ? Gemm.FAST : Gemm.PLAIN).mm(a, 0, b, 0, c, 0, s[0], s[1], s[2],
                            flip[0] = !flip[0])));
        }
        int[][] mtm = {{256, 48, 40}, {200, 64, 50}, {64, 50, 1}, {36, 30, 65}, {1, 45, 77}, {83, 40, 1}};
        for (int[] s : mtm) {
            double[] a = doubles(r, s[1] * s[0]);
            double[] b = doubles(r, s[1] * s[2]);
            double[] c = new double[s[0] * s[2]];
            list.add(new Probe("mtm " + s[0] + "x" + s[1] + "x" + s[2], fast ->
                    (fast ? Gemm.FAST : Gemm.PLAIN).mtm(a, 0, b, 0, c, 0, s[0], s[1], s[2])));
        }
        double[] pa = doubles(r, 48 * 256);  // both weight gradients from one copy of A, the bias on the way
        double[] pb1 = doubles(r, 48 * 40);
        double[] pb2 = doubles(r, 48 * 64);
        double[] pc1 = new double[256 * 40];
        double[] pc2 = new double[256 * 64];
        double[] sums = new double[256];
        list.add(new Probe("mtmPair 256x48x40+64", fast -> (fast ? Gemm.FAST : Gemm.PLAIN).mtmPair(pa, 0, 256, 48,
                pb1, 0, pc1, 0, 40, pb2, 0, pc2, 0, 64, sums)));
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
        // activations
        double[] x = doubles(r, 1003);
        double[] y = new double[1003];
        list.add(new Probe("sigmoid and tanh", fast -> {
            PointwiseKernel k = fast ? Pointwise.FAST : Pointwise.PLAIN;
            k.sigmoid(x, 0, y, 0, 1003);
            k.tanh(x, 1, y, 0, 1002);
        }));
        // the cell equations (H = 21: full vectors and an overlapping last one); their plain twins are the layers'
        // loops, so the yardstick is the scalar tanh of as many values as the vector kernel takes tanh of
        if (Cells.FAST != null) {
            int hs = 21;
            int batch = 4;
            int size = 3 * batch * 4 * hs;  // room for steps 0..2 of every layout
            double[] in1 = doubles(r, size);
            double[] in2 = doubles(r, size);
            double[] in3 = doubles(r, size);
            double[] out1 = new double[size];
            double[] out2 = new double[size];
            double[] out3 = new double[size];
            double[] out4 = new double[size];
            list.add(new Probe("cell equations", fast -> {
                if (fast) {
                    CellKernel k = Cells.FAST;
                    k.lstmState(in1, out1, out2, out3, 1, batch, hs, false);
                    k.lstmBackward(in1, in2, in3, in2, in3, 0, in1, 0, out1, out2, out3, out4, 1, batch, hs, false,
                            false);
                    k.gruCandidate(in1, in2, out1, out2, out3, 1, batch, hs);
                    k.gruBackward(in1, in2, in3, in1, in2, 0, out1, out2, out3, out4, 1, batch, hs);
                } else {
                    Pointwise.PLAIN.tanh(in1, 0, out1, 0, 2 * batch * hs);
                }
            }));
        }
        return list;
    }

    /** One probe per path of the float32 kernels. */
    private static List<Probe> floatProbes() {
        SplittableRandom r = new SplittableRandom(18);
        List<Probe> list = new ArrayList<>();
        // 90x200x1: one column in blocks of 4·L and L rows, rows left over, two K blocks (simd.Columns); 40x64x5: a
        // narrow head (no whole vector); 21x33x20 and 21x33x12: a tile one vector wide and a tail, odd K, a row left
        // over (20 at 512 bits, where it is two vectors wide at 256; 12 at 256)
        int[][] fmm = {{32, 50, 200}, {33, 20, 70}, {8, 24, 48}, {90, 200, 1}, {40, 64, 5}, {21, 33, 20},
            {21, 33, 12}, {1, 70, 203}, {1, 640, 96}};
        for (int[] s : fmm) {
            float[] a = floats(r, s[0] * s[1]);
            float[] b = floats(r, s[1] * s[2]);
            float[] c = new float[s[0] * s[2]];
            boolean[] flip = {false};
            list.add(new Probe("float mm " + s[0] + "x" + s[1] + "x" + s[2], fast ->
                    (fast ? Gemm.FAST_FLOAT : Gemm.PLAIN_FLOAT).mm(a, 0, b, 0, c, 0, s[0], s[1], s[2],
                            flip[0] = !flip[0])));
        }
        int[][] fmtm = {{256, 48, 48}, {200, 40, 50}, {60, 30, 1}, {1, 45, 77}, {83, 40, 1}};
        for (int[] s : fmtm) {
            float[] a = floats(r, s[1] * s[0]);
            float[] b = floats(r, s[1] * s[2]);
            float[] c = new float[s[0] * s[2]];
            list.add(new Probe("float mtm " + s[0] + "x" + s[1] + "x" + s[2], fast ->
                    (fast ? Gemm.FAST_FLOAT : Gemm.PLAIN_FLOAT).mtm(a, 0, b, 0, c, 0, s[0], s[1], s[2])));
        }
        float[] fpa = floats(r, 48 * 256);
        float[] fpb1 = floats(r, 48 * 40);
        float[] fpb2 = floats(r, 48 * 64);
        float[] fpc1 = new float[256 * 40];
        float[] fpc2 = new float[256 * 64];
        float[] fsums = new float[256];
        list.add(new Probe("float mtmPair 256x48x40+64", fast -> (fast ? Gemm.FAST_FLOAT : Gemm.PLAIN_FLOAT)
                .mtmPair(fpa, 0, 256, 48, fpb1, 0, fpc1, 0, 40, fpb2, 0, fpc2, 0, 64, fsums)));
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
        // the float32 cell equations and activations (H = 21: whole vectors and a scalar tail at both widths)
        if (FloatCells.FAST != FloatCells.PLAIN) {
            int hs = 21;
            int batch = 4;
            int size = 3 * batch * 4 * hs;  // room for steps 0..2 of every layout
            float[] in1 = floats(r, size);
            float[] in2 = floats(r, size);
            float[] in3 = floats(r, size);
            float[] gates = new float[size];
            float[] out1 = new float[size];
            float[] out2 = new float[size];
            float[] out3 = new float[size];
            list.add(new Probe("float cell equations", fast -> {
                FloatCellKernel k = fast ? FloatCells.FAST : FloatCells.PLAIN;
                System.arraycopy(in1, 0, gates, 0, size);
                k.lstmForward(gates, in2, out1, out2, 1, batch, hs, false, false);
                k.lstmBackward(in1, in2, in3, in2, in3, 0, in1, 0, out1, out2, out3, 1, batch, hs, false, false);
                System.arraycopy(in1, 0, gates, 0, size);
                k.gruForward(gates, in2, out1, 1, batch, hs);
                k.gruBackward(in1, in2, in3, in1, in2, 0, out1, out2, out3, 1, batch, hs);
                k.gruDirect(in1, in2, out1, 1, batch, hs);
                k.rnnForward(in1, out1, 1, batch * hs, false);
                k.rnnBackward(in1, in2, in3, 0, out1, out2, 1, batch * hs, false);
                k.sigmoid(in1, 0, out1, 0, size - 1);
                k.tanh(in1, 1, out1, 0, size - 1);
                k.add(in1, 1, out2, 0, size - 1);
            }));
        }
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
