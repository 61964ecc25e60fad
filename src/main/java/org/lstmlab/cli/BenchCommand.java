package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lstmlab.engine.math.GemmKernel;
import org.lstmlab.engine.math.GemmReference;
import org.lstmlab.engine.train.KernelBench;
import org.lstmlab.engine.math.PeakProbe;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.train.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: training throughput on the peer workloads W1–W4 (docs/bench/WORKLOADS.md), one JSON line each with
 * the keys {@code torch_peer.py} prints plus GFLOP/s, the fraction of the measured FMA peak and the time of the
 * first steps from a cold start.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Training throughput (forward, BPTT, Adam) on the workloads of docs/bench/WORKLOADS.md, "
                + "one JSON line per workload with the keys docs/bench/torch_peer.py prints (workload, dtype, "
                + "threads, ms_per_batch, samples_per_s) and these: cpu_ms_per_batch (CPU time of all threads of "
                + "the process per step, the JIT compiler and the garbage collector included), "
                + "train_cpu_ms_per_batch (CPU time of the training threads alone per step: on a shared machine "
                + "the steadiest measure of what a step costs), gflops (nominal FLOPs of a step, counted as "
                + "WORKLOADS.md does, per second), peak_gflops (this machine's measured FMA peak for the dtype, "
                + "one core, times the threads used), peak_fraction (gflops / peak_gflops), first_epoch_s (wall "
                + "time of the first --first-epoch steps from a freshly built model, kernels warming up meanwhile; "
                + "cold is true for the first workload of the run, when nothing was compiled yet), kernel, shape.",
                "With --kernels: the matrix kernels alone on LSTM-shaped products, and the FMA peak probe."})
final class BenchCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WORKLOAD", description = "W1, W2, W3, W4 (default: all; not with "
            + "--kernels)")
    private List<String> workloads = new ArrayList<>();

    @Option(names = "--seconds", defaultValue = "5",
            description = "timed seconds per workload (default: ${DEFAULT-VALUE}); with --kernels, each kernel warms "
                    + "up on each product for a tenth of it and is timed as long")
    private double seconds;

    @Option(names = "--threads", description = "worker threads (default: all cores; not with "
            + "--kernels)")
    private Integer threads;

    @Option(names = "--dtype", defaultValue = "float64",
            description = "float64 (default) or float32: the training precision, as train --dtype (not with "
                    + "--kernels)")
    private String dtype;

    @Option(names = "--first-epoch", defaultValue = "100", paramLabel = "STEPS",
            description = "steps timed from a cold start for first_epoch_s (default: ${DEFAULT-VALUE}; 0 skips; not "
                    + "with --kernels)")
    private int firstSteps;

    @Option(names = "--kernels", description = "instead of the workloads, time the matrix kernels (reference, "
            + "plain, vector) on LSTM-shaped products, one JSON line per product and kernel, after one line per "
            + "dtype with the machine's FMA peak on one core")
    private boolean kernels;

    @Option(names = "--thin", description = "with --kernels: instead of the LSTM-shaped products, those with one "
            + "row or one column (a batch of one, a head with one output, bias sums), plain loops against the "
            + "vector kernel in interleaved rounds timed by CPU time, with ratio_to_plain")
    private boolean thin;

    @Override
    public Integer call() {
        if (kernels) {
            ParseResult parsed = spec.commandLine().getParseResult();
            String why = "applies to the workloads, not to --kernels (which times the matrix kernels alone)";
            UnusedOptions.refuse(parsed, List.of("--dtype", "--threads", "--first-epoch"), why,
                    "leave out --kernels to time the workloads");
            UnusedOptions.refusePositionals(parsed, why, "leave out --kernels to time the workloads");
        }
        if (!kernels) {
            UnusedOptions.refuse(spec.commandLine().getParseResult(), List.of("--thin"), "applies to --kernels",
                    "add --kernels");
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        }
        if (firstSteps < 0) {
            throw new IllegalArgumentException("--first-epoch must be 0 or more steps, got " + firstSteps);
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + n);
        }
        Precision precision = Precision.parse(dtype);
        List<Workloads.Workload> chosen = new ArrayList<>();
        if (workloads.isEmpty()) {
            chosen.addAll(Workloads.ALL);
        } else {
            for (String w : workloads) {
                chosen.add(Workloads.byName(w));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (kernels) {
            benchKernels(out);
            return 0;
        }
        boolean cold = true;
        long warmWait = (long) Math.max(5_000, Math.min(60_000, seconds * 10_000));
        double peakPerCore = Double.NaN;
        for (Workloads.Workload w : chosen) {
            Workloads.Measurement m = Workloads.run(w, n, seconds, precision, firstSteps, warmWait);
            if (Double.isNaN(peakPerCore)) {
                peakPerCore = PeakProbe.gflops(precision, 300);  // after the first workload: the JIT is warm
            }
            int cores = Math.min(Math.min(n, w.batch()), Runtime.getRuntime().availableProcessors());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("workload", w.name());
            json.put("engine", "lstm-lab");
            json.put("dtype", precision.id());
            json.put("threads", m.threads());
            json.put("batches", m.batches());
            json.put("ms_per_batch", round(m.msPerBatch(), 3));
            json.put("samples_per_s", round(m.samplesPerSecond(), 1));
            json.put("cpu_ms_per_batch", round(m.cpuMsPerBatch(), 3));
            json.put("train_cpu_ms_per_batch", round(m.trainCpuMsPerBatch(), 3));
            json.put("gflops", round(m.gflops(), 2));
            json.put("peak_gflops", round(peakPerCore * cores, 1));
            json.put("peak_fraction", round(m.gflops() / (peakPerCore * cores), 3));
            if (firstSteps > 0) {
                json.put("first_epoch_s", round(m.firstSeconds(), 3));
                json.put("first_epoch_steps", m.firstSteps());
                json.put("cold", cold);
            }
            json.put("kernel", m.kernel());
            json.put("shape", Workloads.describe(w));
            out.println(Json.line(json));
            out.flush();
            cold = false;
        }
        return 0;
    }

    private void benchKernels(PrintWriter out) {
        long ms = Math.max(100, (long) (seconds * 1000 / 10));
        if (thin) {
            benchThin(out, ms);
            return;
        }
        for (Precision p : Precision.values()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("probe", "fma peak, one core");
            json.put("dtype", p.id());
            json.put("peak_gflops", round(PeakProbe.gflops(p, ms * 3), 1));
            out.println(Json.line(json));
            out.flush();
        }
        KernelBench.Settings settings = new KernelBench.Settings(ms, ms / 3, 3);
        for (KernelBench.Shape shape : KernelBench.lstmShapes()) {
            for (KernelBench.Result r : KernelBench.compare(KernelBench.kernels(), List.of(shape), settings)) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("product", r.shape().label());
                json.put("meaning", r.shape().meaning());
                json.put("kernel", r.kernel());
                json.put("gflops", round(r.gflops(), 2));
                json.put("cpu_gflops", round(r.cpuGflops(), 2));
                json.put("ms_per_call", round(r.millis(), 4));
                out.println(Json.line(json));
                out.flush();
            }
        }
    }

    /** The one-row and one-column products, plain loops against the vector kernel, 21 interleaved rounds. */
    private static void benchThin(PrintWriter out, long warmupMillis) {
        List<GemmKernel> pair = KernelBench.kernels().stream().filter(k -> !(k instanceof GemmReference)).toList();
        KernelBench.Settings settings = new KernelBench.Settings(warmupMillis, 15, 0);
        for (KernelBench.Shape shape : KernelBench.thinShapes()) {
            for (KernelBench.Comparison r : KernelBench.interleaved(pair, shape, settings, 21)) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("product", r.shape().label());
                json.put("meaning", r.shape().meaning());
                json.put("kernel", r.kernel());
                json.put("cpu_gflops", round(r.cpuGflops(), 2));
                json.put("best_cpu_gflops", round(r.bestCpuGflops(), 2));
                json.put("us_per_call", round(r.shape().flops() / r.cpuGflops() / 1e3, 3));
                json.put("ratio_to_plain", round(r.ratioToFirst(), 3));
                out.println(Json.line(json));
                out.flush();
            }
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
