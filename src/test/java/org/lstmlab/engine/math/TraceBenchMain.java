package org.lstmlab.engine.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;

/**
 * Times the engine's part of a debugger trace: what {@code TraceJob} runs for a stack without a head, a forward
 * and a backward pass (input gradient included) of one sequence (a batch of one) with dy = 1 at the last step.
 * Not a test. Waits for the kernel warm-up first (as the app does before the user starts a trace), then runs
 * {@code repeats} traces and prints the median and best wall and thread-CPU milliseconds, e.g.
 * {@code java --add-modules jdk.incubator.vector -XX:PerMethodTrapLimit=100000
 * -cp target/classes:target/test-classes:$(cat target/cp-test.txt) org.lstmlab.engine.math.TraceBenchMain lstm 256
 * 1000 20} (arguments: cell, H, T, repeats; defaults lstm 256 1000 20; D = 1).
 */
public final class TraceBenchMain {
    private TraceBenchMain() {
    }

    public static void main(String[] args) {
        CellType cell = CellType.valueOf((args.length > 0 ? args[0] : "lstm").toUpperCase(Locale.ROOT));
        int hidden = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        KernelWarmup.Report report = KernelWarmup.await(Precision.FLOAT64, 120_000);
        System.out.println("warm-up: " + report);
        SplittableRandom rnd = new SplittableRandom(7);
        RecurrentStack stack = new RecurrentStack(cell, 1, hidden, 1);
        List<double[]> weights = new ArrayList<>();
        for (double[] w : stack.weightValues()) {
            double[] v = new double[w.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextDouble(-0.1, 0.1);
            }
            weights.add(v);
        }
        stack.setWeights(weights);
        double[] x = new double[steps];
        for (int t = 0; t < steps; t++) {
            x[t] = Math.sin(0.1 * t);
        }
        double[] dy = new double[steps * hidden];
        Arrays.fill(dy, (steps - 1) * hidden, dy.length, 1.0);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = -3; r < repeats; r++) {  // three untimed traces first
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            stack.forward(SequenceInput.dense(x.clone(), steps, 1, 1), null, null);
            stack.backward(dy, null, null, true);
            if (r >= 0) {
                wall[r] = (System.nanoTime() - t0) / 1e6;
                cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "trace %s H=%d T=%d: wall median %.2f best %.2f ms, cpu median %.2f best %.2f ms"
                + " (%d traces, kernel %s)%n", cell, hidden, steps, wall[repeats / 2], wall[0], cpu[repeats / 2],
                cpu[0], repeats, Gemm.activeKernelName());
    }
}
