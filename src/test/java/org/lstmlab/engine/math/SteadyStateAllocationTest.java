package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.testing.Subprocess;

/**
 * Issue 10's promise, "no allocation per training step in the steady state", on the vector kernels: every cell in
 * both precisions trains on the adding problem until one epoch's training steps allocate less than
 * {@link #BOUND_PER_STEP} bytes a step on the training thread (a step object, the epoch's shuffle), or fails after
 * {@link #MAX_EPOCHS} epochs. A kernel whose vectors C2 has to box allocates hundreds of kilobytes a step for as
 * long as it runs (the float32 GRU's forward step: 600 KB a step of this task, every epoch): such an epoch never
 * comes. Until C2 has compiled the kernels, epochs allocate too (the Vector API's code before C2 boxes every
 * vector), so the test waits for an epoch that does not, and measures bytes rather than time: nothing depends on
 * how loaded the machine is but how many epochs it takes. It measures in a JVM of its own, started as the app is
 * (the Vector API module, the app's JIT options): in the test JVM, after a thousand other tests have run the kernels
 * at other widths and switched them off and on, every step allocated tens of megabytes, which says nothing about
 * the app.
 */
class SteadyStateAllocationTest {
    /**
     * Bytes a training step may allocate on average over an epoch. A compiled step allocates 0.1 to 3 KB; each boxed
     * kernel found so far allocated 21 KB a step or more: the head's one-row product (dzᵀ·h of a model with one
     * output) in C1's code, 21 KB a step of the float32 LSTM for 40 to 60 epochs in most runs with
     * {@code -XX:+PrintCompilation}, until {@link Gemm} ran small one-row and one-column products on the plain loops;
     * the one-column product {@code h·Wᵀ} left boxed inside a C2 compilation, 132 to 286 KB a step in float64 (its
     * 1,024 boxed FMAs a step make 98 KB in float32 too: likely the 101 KB a step one float32 run in about eight
     * kept allocating in an earlier session, not reproduced since). Such a band ends when C2 gets to it, so this
     * bound alone does not catch it: {@link #thinProducts} checks that those products run on the plain loops.
     */
    private static final long BOUND_PER_STEP = 16 * 1024;
    private static final int MAX_EPOCHS = 150;

    @Test
    void everyCellTrainsWithoutAllocatingOnceCompiled(@TempDir Path dir) throws Exception {
        assertTrue(Simd.enabled(), "surefire runs with the Vector API module");
        Subprocess jvm = new Subprocess(dir, List.of("--add-modules", "jdk.incubator.vector",
                "-XX:PerMethodTrapLimit=100000"), SteadyStateAllocationTest.class.getName());
        int code = jvm.waitFor();
        assertEquals(0, code, () -> "out: " + jvm.out() + "\nerr: " + jvm.err());
        assertTrue(jvm.out().contains("every cell steady"), jvm.out());
    }

    /**
     * The larger one-row and one-column products (a batch of one at H = 64, bias sums, {@code dW_ih} of a
     * one-dimensional input) run on the vector kernels; once {@link KernelWarmup} has switched to them, as the app
     * does before training, their first calls allocate nothing: the warm-up compiled their paths. Skipped when the
     * warm-up gave up (a machine too busy to compile within its minute).
     */
    @Test
    void theWarmUpCompilesTheOneRowAndOneColumnProducts(@TempDir Path dir) throws Exception {
        Subprocess jvm = new Subprocess(dir, List.of("--add-modules", "jdk.incubator.vector",
                "-XX:PerMethodTrapLimit=100000"), SteadyStateAllocationTest.class.getName(), "warm");
        int code = jvm.waitFor();
        assertEquals(0, code, () -> "out: " + jvm.out() + "\nerr: " + jvm.err());
        assertTrue(jvm.out().contains("thin products steady"), jvm.out());
    }

    /** In a JVM of its own: prints what failed and exits with 1, or prints "every cell steady". */
    public static void main(String[] args) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemorySupported() || !mx.isThreadAllocatedMemoryEnabled()) {
            System.out.println("every cell steady (not measured: this JVM does not count allocated bytes)");
            System.out.println("thin products steady (not measured)");
            return;
        }
        if (args.length > 0 && args[0].equals("warm")) {
            warmThinProducts(mx);
            return;
        }
        Gemm.useFastKernels();
        Gemm.useFastFloatKernels();
        Pointwise.useFastKernel();
        Cells.useFastKernel();
        FloatCells.useFastKernel();
        StringBuilder failures = new StringBuilder(thinProducts(mx));
        for (Precision precision : Precision.values()) {
            for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_TANH, CellType.RNN_RELU}) {
                String result = train(mx, cell, precision);
                if (result != null) {
                    failures.append(result).append('\n');
                }
            }
        }
        System.out.println(failures.length() == 0 ? "every cell steady" : failures.toString());
        System.exit(failures.length() == 0 ? 0 : 1);
    }

    /**
     * The head's products of a model with one output (H = 32, B = 32) on the fast kernels before anything compiled
     * them: on the plain loops they allocate nothing even interpreted, while a vector kernel boxes every vector
     * until C2 compiles it, which for a product called once a step takes hundreds of steps. Empty when none of
     * them allocated, else what they allocated.
     */
    private static String thinProducts(com.sun.management.ThreadMXBean mx) {
        long me = Thread.currentThread().getId();
        double[] h = new double[32 * 32];
        double[] w = new double[32];
        double[] out = new double[32 * 32];
        float[] hf = new float[32 * 32];
        float[] wf = new float[32];
        float[] outf = new float[32 * 32];
        long used = 0;
        for (int call = 0; call < 12; call++) {
            long before = mx.getThreadAllocatedBytes(me);
            Gemm.mm(h, 0, w, 0, out, 0, 32, 32, 1, false);   // h·Wᵀ: one column
            Gemm.mtm(w, 0, h, 0, out, 0, 1, 32, 32);        // dzᵀ·h: one row
            Gemm.mm(hf, 0, wf, 0, outf, 0, 32, 32, 1, false);
            Gemm.mtm(wf, 0, hf, 0, outf, 0, 1, 32, 32);
            if (call >= 2) {  // the first calls may set up buffers and start the warm-up
                used += mx.getThreadAllocatedBytes(me) - before;
            }
        }
        return used < 1024 ? "" : "one-row and one-column products: " + used + " bytes in 10 calls\n";
    }

    /**
     * After the warm-up, on another thread than the warm-up's (as training runs): the vector kernels' one-row and
     * one-column products, {@code mmPacked} too (with one column: {@code dX} of a one-dimensional input), a narrow
     * head (32×128×5: no whole vector) and a tile one vector wide with a tail and a row left over (33×128×20), 10
     * calls each, must not allocate.
     */
    private static void warmThinProducts(com.sun.management.ThreadMXBean mx) {
        KernelWarmup.Report doubles = KernelWarmup.await(Precision.FLOAT64, 150_000);
        KernelWarmup.Report floats = KernelWarmup.await(Precision.FLOAT32, 150_000);
        if (doubles == null || floats == null || !doubles.fast() || !floats.fast()) {
            System.out.println("thin products steady (not measured: the warm-up kept the plain loops: " + doubles
                    + ", " + floats + ")");
            return;
        }
        // the narrow head first: the thread's first vector products, as in training (later, a product that an
        // earlier shape put back into C1 and C2 compiled again may no longer trap)
        int[][] shapes = {{32, 128, 5}, {33, 128, 20}, {1, 64, 256}, {1, 640, 96}, {1, 45, 77}, {96, 640, 1},
            {64, 256, 1}, {1000, 256, 1}};
        long me = Thread.currentThread().getId();
        StringBuilder failures = new StringBuilder();
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            double[] a = new double[m * k];
            double[] b = new double[k * n];
            double[] c = new double[m * n];
            float[] af = new float[m * k];
            float[] bf = new float[k * n];
            float[] cf = new float[m * n];
            PackedMatrix packed = Gemm.pack(b, 0, k, n, null);  // one column: the vector kernels' simd.Columns
            PackedFloatMatrix packedF = Gemm.pack(bf, 0, k, n, null);
            long[] used = new long[6];
            for (int call = 0; call < 12; call++) {
                long t0 = mx.getThreadAllocatedBytes(me);
                Gemm.mm(a, 0, b, 0, c, 0, m, k, n, false);
                long t1 = mx.getThreadAllocatedBytes(me);
                Gemm.mtm(a, 0, b, 0, c, 0, m, k, n);  // the same arrays as A (K×M) and B (K×N): sizes match
                long t2 = mx.getThreadAllocatedBytes(me);
                Gemm.mm(af, 0, bf, 0, cf, 0, m, k, n, false);
                long t3 = mx.getThreadAllocatedBytes(me);
                Gemm.mtm(af, 0, bf, 0, cf, 0, m, k, n);
                long t4 = mx.getThreadAllocatedBytes(me);
                if (n == 1) {
                    Gemm.mmPacked(a, 0, packed, c, 0, m, false);
                }
                long t5 = mx.getThreadAllocatedBytes(me);
                if (n == 1) {
                    Gemm.mmPacked(af, 0, packedF, cf, 0, m, false);
                }
                long t6 = mx.getThreadAllocatedBytes(me);
                if (call >= 2) {  // the first calls may set up scratch buffers
                    used[0] += t1 - t0;
                    used[1] += t2 - t1;
                    used[2] += t3 - t2;
                    used[3] += t4 - t3;
                    used[4] += t5 - t4;
                    used[5] += t6 - t5;
                }
            }
            String[] names = {"mm", "mtm", "float mm", "float mtm", "mmPacked", "float mmPacked"};
            for (int q = 0; q < names.length; q++) {
                if (used[q] >= 1024) {
                    failures.append(names[q]).append(' ').append(m).append('×').append(k).append('×').append(n)
                            .append(": ").append(used[q]).append(" bytes in 10 calls\n");
                }
            }
        }
        System.out.println(failures.length() == 0 ? "thin products steady" : failures.toString());
        System.exit(failures.length() == 0 ? 0 : 1);
    }

    /** Null once an epoch stayed under the bound, else what the last epoch allocated. */
    private static String train(com.sun.management.ThreadMXBean mx, CellType cell, Precision precision) {
        long me = Thread.currentThread().getId();
        TrainingSession.Builder b = TrainingSession.builder(Tasks.byName("adding")).cell(cell).seqLen(20)
                .trainLimit(320).validationLimit(32)
                .configure(c -> c.epochs(MAX_EPOCHS).seed(3).threads(1)).precision(precision);
        try (TrainingSession s = b.build()) {
            long bytes = 0;
            int steps = 0;
            long last = -1;
            while (!s.finished()) {
                long before = mx.getThreadAllocatedBytes(me);
                TrainingSession.Step step = s.step();
                long used = mx.getThreadAllocatedBytes(me) - before;
                if (step.epochEnded() == null) {  // the epoch's last step also validates: not a training step
                    bytes += used;
                    steps++;
                    continue;
                }
                last = steps == 0 ? 0 : bytes / steps;
                if (steps > 0 && last < BOUND_PER_STEP) {
                    return null;
                }
                bytes = 0;
                steps = 0;
            }
            return cell + " " + precision + ": " + last + " bytes a step in epoch " + MAX_EPOCHS;
        }
    }
}
