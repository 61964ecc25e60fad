package org.lstmlab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.KernelWarmup;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;

/**
 * The training-throughput workloads of the peer benchmark (docs/bench/WORKLOADS.md): full training steps
 * (forward, backpropagation through time, Adam) on one fixed batch, as {@code torch_peer.py} runs them.
 */
public final class Workloads {
    /**
     * One workload.
     *
     * @param oneHot whether the input is one-hot characters (a row gather instead of a product)
     */
    public record Workload(String name, CellType cell, int inputSize, int hidden, int layers, int steps, int batch,
                           HeadMode head, int outputs, boolean oneHot) {
        public ModelSpec spec() {
            Loss loss = head == HeadMode.LAST ? Loss.BINARY_CROSS_ENTROPY : Loss.SOFTMAX_CROSS_ENTROPY;
            return new ModelSpec(cell, inputSize, hidden, layers, outputs, head, loss);
        }
    }

    /**
     * The result of timing one workload: the steady state ({@code batches} in {@code seconds}) and, before it, the
     * wall time of the first {@code firstSteps} steps from a freshly built model ({@code firstSeconds}; cold when
     * nothing ran in this JVM before). {@code kernel} names the kernels the steady state ran on.
     */
    public record Measurement(Workload workload, int threads, Precision precision, long batches, double seconds,
                              double cpuSeconds, double trainCpuSeconds, int firstSteps, double firstSeconds,
                              String kernel) {
        public double msPerBatch() {
            return 1000 * seconds / batches;
        }

        /**
         * Milliseconds of CPU time (all threads of the process) per step in the steady state, NaN where the JVM
         * does not report it: on a machine shared with other work, steadier than the wall time.
         */
        public double cpuMsPerBatch() {
            return 1000 * cpuSeconds / batches;
        }

        /**
         * Milliseconds of CPU time per step of the training threads alone (the caller's and the trainer's pool),
         * without the JIT compiler, the garbage collector and the kernel warm-up: what a step itself costs.
         */
        public double trainCpuMsPerBatch() {
            return 1000 * trainCpuSeconds / batches;
        }

        public double samplesPerSecond() {
            return batches * workload.batch() / seconds;
        }

        /** Nominal GFLOP/s: {@link #flopsPerBatch} over the steady state's time. */
        public double gflops() {
            return flopsPerBatch(workload) * batches / seconds / 1e9;
        }
    }

    public static final List<Workload> ALL = List.of(
            new Workload("W1", CellType.LSTM, 1, 50, 1, 10, 32, HeadMode.LAST, 1, false),
            new Workload("W2", CellType.LSTM, 65, 128, 1, 64, 32, HeadMode.EVERY_STEP, 65, true),
            new Workload("W3", CellType.LSTM, 128, 256, 2, 50, 64, HeadMode.LAST, 1, false),
            new Workload("W4", CellType.GRU, 65, 128, 1, 64, 32, HeadMode.EVERY_STEP, 65, true));

    private Workloads() {
    }

    public static Workload byName(String name) {
        for (Workload w : ALL) {
            if (w.name().equalsIgnoreCase(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "' (expected W1, W2, W3 or W4)");
    }

    /** The fixed batch of a workload, as a one-batch dataset, from a seed. */
    public static Dataset batchOf(Workload w, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>();
        for (int b = 0; b < w.batch(); b++) {
            if (w.oneHot()) {
                int[] tokens = new int[w.steps()];
                int[] classes = new int[w.steps()];
                for (int t = 0; t < w.steps(); t++) {
                    tokens[t] = rng.nextInt(w.inputSize());
                    classes[t] = rng.nextInt(w.outputs());
                }
                samples.add(Sample.tokens(tokens, w.inputSize(), classes));
            } else {
                double[] x = new double[w.steps() * w.inputSize()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextGaussian();
                }
                samples.add(Sample.dense(x, w.steps(), w.inputSize(), rng.nextBoolean() ? 1.0 : 0.0));
            }
        }
        Loss loss = w.spec().loss();
        return new Dataset(w.name(), samples, List.of(), w.inputSize(), w.outputs(), w.head(), loss, List.of());
    }

    /**
     * The nominal floating-point operations of one training step, counted as docs/bench/WORKLOADS.md does (and as
     * PyTorch computes them, one-hot input included as a dense product): per recurrent layer forward
     * 2·T·B·G·(D + H) with G = 4H (LSTM) or 3H (GRU), backward twice that; the head 2·rows·H·O forward and twice
     * that backward. The element-wise gate work (a few percent) is not counted.
     */
    public static double flopsPerBatch(Workload w) {
        int g = w.cell().gateCount() * w.hidden();
        double flops = 0;
        for (int layer = 0; layer < w.layers(); layer++) {
            int d = layer == 0 ? w.inputSize() : w.hidden();
            flops += 3.0 * 2 * w.steps() * w.batch() * g * (d + w.hidden());
        }
        int rows = w.head() == HeadMode.LAST ? w.batch() : w.steps() * w.batch();
        return flops + 3.0 * 2 * rows * w.hidden() * w.outputs();
    }

    /**
     * Trains the workload's batch with Adam (PyTorch's): first {@code firstSteps} steps from a fresh model, timed
     * as they come (the kernels may still be warming up); then, once the kernels are warm (waiting at most
     * {@code warmWaitMillis}) and after a further warm-up, about {@code seconds} of timed steps.
     */
    public static Measurement run(Workload w, int threads, double seconds, Precision precision, int firstSteps,
                                  long warmWaitMillis) {
        Dataset data = batchOf(w, 0);
        long firstStart = System.nanoTime();
        SequenceModel model = new SequenceModel(w.spec());
        Initializers.initialize(model, Initializers.Scheme.TORCH, 0);
        TrainingConfig cfg = TrainingConfig.builder().epochs(TrainingConfig.MAX_EPOCHS).batchSize(w.batch())
                .flavour(Flavour.TORCH).seed(0).threads(threads).shards(Math.min(threads, w.batch()))
                .precision(precision).build();
        try (Trainer trainer = new Trainer(model, data, cfg)) {
            for (int i = 0; i < firstSteps; i++) {
                trainer.step();
            }
            double firstSeconds = (System.nanoTime() - firstStart) / 1e9;
            KernelWarmup.await(precision, warmWaitMillis);
            long warmEnd = System.nanoTime() + (long) (Math.min(3.0, Math.max(0.5, seconds / 2)) * 1e9);
            int warm = 0;
            while (warm < 15 || System.nanoTime() < warmEnd) {
                trainer.step();
                warm++;
            }
            long cpu0 = processCpuNanos();
            long train0 = trainingCpuNanos();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long n = 0;
            do {
                trainer.step();
                n++;
            } while (System.nanoTime() < end);
            double el = (System.nanoTime() - start) / 1e9;
            double cpu = cpu0 < 0 ? Double.NaN : (processCpuNanos() - cpu0) / 1e9;
            long train1 = trainingCpuNanos();
            double trainCpu = train0 < 0 || train1 < 0 ? Double.NaN : (train1 - train0) / 1e9;
            String kernel = precision == Precision.FLOAT32
                    ? "gemm " + Gemm.activeFloatKernelName() + ", cells "
                            + org.lstmlab.engine.math.FloatCells.activeKernelName()
                    : "gemm " + Gemm.activeKernelName() + ", activations "
                            + org.lstmlab.engine.math.Pointwise.activeKernelName();
            return new Measurement(w, threads, precision, n, el, cpu, trainCpu, firstSteps, firstSeconds, kernel);
        }
    }

    /** CPU time of the whole process in nanoseconds, or -1 when the JVM does not report it. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /**
     * CPU time in nanoseconds of the threads that train: this one and the trainer's pool threads (named
     * {@code lstmlab-trainer-N}), or -1 when the JVM does not measure thread CPU time.
     */
    private static long trainingCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported() || !mx.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long sum = mx.getCurrentThreadCpuTime();
        long self = Thread.currentThread().getId();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadId() != self && info.getThreadName().startsWith("lstmlab-trainer-")) {
                long t = mx.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    sum += t;
                }
            }
        }
        return sum;
    }

    /** A one-line description of the workload's shape. */
    public static String describe(Workload w) {
        return String.format(Locale.ROOT, "%s D=%d%s H=%d L=%d T=%d B=%d", w.cell().id(), w.inputSize(),
                w.oneHot() ? " (one-hot)" : "", w.hidden(), w.layers(), w.steps(), w.batch());
    }
}
