package org.lstmlab.engine.train;

import org.lstmlab.engine.math.GemmKernel;
import org.lstmlab.engine.math.GemmReference;
import org.lstmlab.engine.math.PlainGemm;
import org.lstmlab.engine.math.Simd;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times {@link GemmKernel}s on LSTM-shaped products. For each shape: random seeded operands, a warm-up long enough
 * for C2 to compile the kernel, then several timed repeats, each a batch of calls lasting at least
 * {@link Settings#repeatMillis}. Reports the median and the best repeat. GFLOP/s counts 2·M·K·N per product. Meant
 * for the command line ({@code bench --kernels}) and docs/kernels.md, never for unit tests. Uses
 * {@code java.management} for thread CPU time.
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** Which product: {@link GemmKernel#mm} (C = A·B) or {@link GemmKernel#mtm} (C += Aᵀ·B). */
    public enum Op { MM, MTM }

    /** One product of the given size, named as M×K×N like in {@link Gemm}. */
    public record Shape(Op op, int m, int k, int n, String meaning) {
        public Shape {
            if (m < 1 || k < 1 || n < 1) {
                throw new IllegalArgumentException("sizes must be positive: " + m + "×" + k + "×" + n);
            }
        }

        public double flops() {
            return 2.0 * m * k * n;
        }

        public String label() {
            return op.name().toLowerCase() + " " + m + "×" + k + "×" + n;
        }
    }

    /**
     * Timing of one kernel on one shape: wall-clock median and best over the repeats (milliseconds per call), and
     * the median by this thread's CPU time, which discounts time the thread was descheduled on a busy machine.
     */
    public record Result(Shape shape, String kernel, double gflops, double millis, double bestGflops,
                         double bestMillis, double cpuGflops) {
    }

    /** How long to warm up and to time; the defaults suit a quick report. */
    public record Settings(long warmupMillis, long repeatMillis, int repeats) {
        public static Settings defaults() {
            return new Settings(1000, 60, 9);
        }
    }

    /** The shapes of docs/kernels.md: the products an LSTM with B = 32 and typical D, H, T runs. */
    public static List<Shape> lstmShapes() {
        return List.of(
                new Shape(Op.MM, 32, 1, 200, "input projection T=1, D=1, H=50"),
                new Shape(Op.MM, 32, 50, 200, "recurrent step, H=50"),
                new Shape(Op.MM, 320, 1, 200, "input projection T=10, D=1, H=50"),
                new Shape(Op.MM, 32, 128, 512, "recurrent step, H=128"),
                new Shape(Op.MM, 2048, 65, 512, "input projection T=64, D=65, H=128"),
                new Shape(Op.MM, 32, 256, 1024, "recurrent step, H=256"),
                new Shape(Op.MM, 3200, 128, 1024, "input projection T=100, D=128, H=256"),
                new Shape(Op.MTM, 200, 320, 50, "dW_hh, T=10, H=50"),
                new Shape(Op.MTM, 512, 2048, 128, "dW_hh, T=64, H=128"),
                new Shape(Op.MTM, 1024, 3200, 256, "dW_hh, T=100, H=256"));
    }

    /**
     * Products with one row or one column, which {@code Gemm} may send to the plain loops whatever the kernel: a
     * batch of one (the debugger's trace, {@code predict} of one sequence), the head of a model with one output,
     * the bias gradients as column sums ({@code 1ᵀ·dPre}), {@code dW_ih} of a one-dimensional input. For
     * {@code bench --kernels --thin} and docs/notes/thin-products-2026-12-01.md.
     */
    public static List<Shape> thinShapes() {
        return List.of(
                new Shape(Op.MM, 1, 256, 1024, "batch of one: step h·W_hhᵀ, H=256"),
                new Shape(Op.MM, 1, 256, 256, "batch of one: GRU candidate, H=256"),
                new Shape(Op.MM, 1, 64, 256, "batch of one: step, H=64"),
                new Shape(Op.MM, 1, 32, 128, "batch of one: step, H=32"),
                new Shape(Op.MM, 1, 16, 64, "batch of one: step, H=16"),
                new Shape(Op.MM, 1, 640, 96, "bias sums 1ᵀ·dPre, GRU, T=20, B=32, H=32"),
                new Shape(Op.MM, 1, 1000, 1024, "bias sums 1ᵀ·dPre, T=1000, B=1, H=256"),
                new Shape(Op.MM, 32, 32, 1, "head h·Wᵀ, one output, B=32, H=32"),
                new Shape(Op.MTM, 1, 32, 32, "head dW = dzᵀ·h, B=32, H=32"),
                new Shape(Op.MM, 32, 256, 1, "head h·Wᵀ, one output, B=32, H=256"),
                new Shape(Op.MTM, 1, 32, 256, "head dW = dzᵀ·h, B=32, H=256"),
                new Shape(Op.MM, 1000, 256, 1, "head over a trace, T=1000, H=256"),
                new Shape(Op.MTM, 1, 1000, 256, "head dW over a trace, T=1000, H=256"),
                new Shape(Op.MTM, 96, 640, 1, "dW_ih, D=1, GRU, T=20, B=32, H=32"),
                new Shape(Op.MTM, 768, 1000, 1, "dW_ih, D=1, GRU, T=1000, B=1, H=256"));
    }

    /** The kernels worth comparing in this JVM: the reference, the plain loops, and the vector kernel if enabled. */
    public static List<GemmKernel> kernels() {
        List<GemmKernel> kernels = new ArrayList<>(List.of(new GemmReference(), new PlainGemm()));
        if (Simd.enabled()) {
            kernels.add(Simd.gemmKernel());
        }
        return kernels;
    }

    /** Times {@code kernel} on every shape in order. */
    public static List<Result> run(GemmKernel kernel, List<Shape> shapes, Settings settings) {
        List<Result> results = new ArrayList<>();
        for (Shape shape : shapes) {
            results.add(time(kernel, shape, settings));
        }
        return results;
    }

    /**
     * Times every kernel on every shape, shape by shape, so that the kernels compared on one shape run close
     * together in time (fairer when other processes load the machine).
     */
    public static List<Result> compare(List<GemmKernel> kernels, List<Shape> shapes, Settings settings) {
        List<Result> results = new ArrayList<>();
        for (Shape shape : shapes) {
            for (GemmKernel kernel : kernels) {
                results.add(time(kernel, shape, settings));
            }
        }
        return results;
    }

    /**
     * Times one kernel on one shape: {@code mm} overwrites C, {@code mtm} keeps adding to it (that is its
     * contract).
     */
    public static Result time(GemmKernel kernel, Shape shape, Settings settings) {
        SplittableRandom rnd = new SplittableRandom(1234);
        double[] a = random(rnd, shape.m() * shape.k());
        double[] b = random(rnd, shape.k() * shape.n());
        double[] c = new double[shape.m() * shape.n()];
        double perCall = warmUp(kernel, shape, a, b, c, settings.warmupMillis());
        long batch = Math.max(1, (long) Math.ceil(settings.repeatMillis() * 1e6 / perCall));
        double[] nanos = new double[Math.max(1, settings.repeats())];
        double[] cpuNanos = new double[nanos.length];
        for (int r = 0; r < nanos.length; r++) {
            long cpu0 = cpuTime();
            long t0 = System.nanoTime();
            for (long i = 0; i < batch; i++) {
                call(kernel, shape, a, b, c);
            }
            nanos[r] = (System.nanoTime() - t0) / (double) batch;
            cpuNanos[r] = (cpuTime() - cpu0) / (double) batch;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        double median = nanos[nanos.length / 2];
        double best = nanos[0];
        double cpuMedian = cpuNanos[nanos.length / 2];
        return new Result(shape, kernel.name(), shape.flops() / median, median / 1e6, shape.flops() / best,
                best / 1e6, cpuMedian > 0 ? shape.flops() / cpuMedian : Double.NaN);
    }

    /**
     * One kernel's share of an {@link #interleaved} comparison: GFLOP/s by thread CPU time (median and best over
     * the rounds) and the median over rounds of its speed divided by the first kernel's.
     */
    public record Comparison(Shape shape, String kernel, double cpuGflops, double bestCpuGflops, double ratioToFirst) {
    }

    /**
     * A/B comparison for a busy machine: after each kernel's warm-up, {@code rounds} rounds in which every kernel in
     * turn runs for {@link Settings#repeatMillis} of this thread's CPU time (wall time if unsupported). CPU time
     * leaves out the time the thread waited for a core, and taking the ratio within each round cancels most of the
     * remaining drift, so ratios are far steadier than separate timings.
     */
    public static List<Comparison> interleaved(List<GemmKernel> kernels, Shape shape, Settings settings, int rounds) {
        SplittableRandom rnd = new SplittableRandom(1234);
        double[] a = random(rnd, shape.m() * shape.k());
        double[] b = random(rnd, shape.k() * shape.n());
        double[] c = new double[shape.m() * shape.n()];
        // Reading the CPU clock costs about a microsecond, as much as a small product: read it every `batch` calls.
        long[] batch = new long[kernels.size()];
        for (int q = 0; q < kernels.size(); q++) {
            double perCall = warmUp(kernels.get(q), shape, a, b, c, settings.warmupMillis());
            batch[q] = Math.max(1, (long) (20_000 / perCall));
        }
        boolean cpu = cpuTime() >= 0;
        double[][] gflops = new double[kernels.size()][rounds];
        double[][] ratios = new double[kernels.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int q = 0; q < kernels.size(); q++) {
                long t0 = cpu ? cpuTime() : System.nanoTime();
                long calls = 0;
                long spent;
                do {
                    for (long i = 0; i < batch[q]; i++) {
                        call(kernels.get(q), shape, a, b, c);
                    }
                    calls += batch[q];
                    spent = (cpu ? cpuTime() : System.nanoTime()) - t0;
                } while (spent < settings.repeatMillis() * 1_000_000L);
                gflops[q][r] = shape.flops() * calls / spent;
                ratios[q][r] = gflops[q][r] / gflops[0][r];
            }
        }
        List<Comparison> out = new ArrayList<>();
        for (int q = 0; q < kernels.size(); q++) {
            Arrays.sort(gflops[q]);
            Arrays.sort(ratios[q]);
            out.add(new Comparison(shape, kernels.get(q).name(), gflops[q][rounds / 2], gflops[q][rounds - 1],
                    ratios[q][rounds / 2]));
        }
        return out;
    }

    /** A plain-text table of comparisons, one line each. */
    public static String formatComparisons(List<Comparison> comparisons) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %-22s %8s %8s %8s%n",
                "shape", "kernel", "cpu", "best", "ratio"));
        for (Comparison r : comparisons) {
            sb.append(String.format(Locale.ROOT, "%-20s %-22s %8.2f %8.2f %8.2f%n", r.shape().label(), r.kernel(),
                    r.cpuGflops(), r.bestCpuGflops(), r.ratioToFirst()));
        }
        return sb.toString();
    }

    /** This thread's CPU time in ns, or -1 when the JVM cannot measure it. */
    private static long cpuTime() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Calls the kernel for at least {@code millis}, then on in 50 ms rounds until the last three rounds agree within
     * 10 % and the JIT has finished no compilation for a second, for at most 20 × {@code millis}. Returns the
     * nanoseconds per call of the last round. (On a busy machine one C2 compile of a Vector API kernel can take
     * seconds, and until it lands the kernel runs interim code that is steadily 10-100× slower; a shorter quiet
     * spell was once fooled by such a compile.)
     */
    private static final int QUIET_ROUNDS = 20;

    private static double warmUp(GemmKernel kernel, Shape shape, double[] a, double[] b, double[] c, long millis) {
        long start = System.nanoTime();
        long minEnd = start + millis * 1_000_000L;
        long maxEnd = start + 20 * millis * 1_000_000L;
        double[] last = {Double.NaN, Double.NaN, Double.NaN};
        long compiled = compilationMillis();
        int quietRounds = 0;
        for (int round = 0; ; round++) {
            long t0 = System.nanoTime();
            long calls = 0;
            do {
                call(kernel, shape, a, b, c);
                calls++;
            } while (System.nanoTime() - t0 < 50_000_000L);
            long now = System.nanoTime();
            double perCall = (now - t0) / (double) calls;
            last[round % 3] = perCall;
            long compiledNow = compilationMillis();
            quietRounds = compiledNow == compiled ? quietRounds + 1 : 0;
            compiled = compiledNow;
            double lo = Math.min(last[0], Math.min(last[1], last[2]));
            double hi = Math.max(last[0], Math.max(last[1], last[2]));
            boolean steady = hi < 1.1 * lo;
            if (now > maxEnd || (now > minEnd && steady && quietRounds >= QUIET_ROUNDS)) {
                return perCall;
            }
        }
    }

    /** Total JIT compilation time so far, or 0 when the JVM does not report it. */
    private static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static void call(GemmKernel kernel, Shape s, double[] a, double[] b, double[] c) {
        if (s.op() == Op.MM) {
            kernel.mm(a, 0, b, 0, c, 0, s.m(), s.k(), s.n(), false);
        } else {
            kernel.mtm(a, 0, b, 0, c, 0, s.m(), s.k(), s.n());
        }
    }

    private static double[] random(SplittableRandom rnd, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        return x;
    }

    /**
     * A plain-text table of results, one line each: GFLOP/s is the wall-clock median, "best" the fastest repeat,
     * "cpu" the median by thread CPU time, ms/call the wall-clock median.
     */
    public static String format(List<Result> results) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %-22s %8s %8s %8s %10s%n",
                "shape", "kernel", "GFLOP/s", "best", "cpu", "ms/call"));
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "%-20s %-22s %8.2f %8.2f %8.2f %10.4f%n", r.shape().label(),
                    r.kernel(), r.gflops(), r.bestGflops(), r.cpuGflops(), r.millis()));
        }
        return sb.toString();
    }
}
