package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.KernelBench;
import org.lstmlab.engine.math.Pointwise;
import org.lstmlab.engine.train.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench}: training throughput on the peer workloads W1–W4, one JSON line each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Training throughput (forward, BPTT, Adam) on the workloads of docs/bench/WORKLOADS.md, "
                + "one JSON line per workload with the keys docs/bench/torch_peer.py prints.")
final class BenchCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WORKLOAD", description = "W1, W2, W3, W4 (default: all)")
    private List<String> workloads = new ArrayList<>();

    @Option(names = "--seconds", defaultValue = "5", description = "timed seconds per workload (default: ${DEFAULT-VALUE})")
    private double seconds;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    private Integer threads;

    @Option(names = "--kernels", description = "instead of the workloads, time the matrix kernels (reference, "
            + "plain, vector) on LSTM-shaped products: one JSON line per product and kernel")
    private boolean kernels;

    @Override
    public Integer call() {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + n);
        }
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
        for (Workloads.Workload w : chosen) {
            Workloads.Measurement m = Workloads.run(w, n, seconds,
                    "gemm " + Gemm.kernelName() + ", activations " + Pointwise.kernelName());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("workload", w.name());
            json.put("engine", "lstm-lab");
            json.put("dtype", "float64");
            json.put("threads", m.threads());
            json.put("batches", m.batches());
            json.put("ms_per_batch", round(m.msPerBatch(), 3));
            json.put("samples_per_s", round(m.samplesPerSecond(), 1));
            json.put("kernel", m.kernel());
            json.put("shape", Workloads.describe(w));
            out.println(Json.line(json));
            out.flush();
        }
        return 0;
    }

    private void benchKernels(PrintWriter out) {
        long ms = Math.max(100, (long) (seconds * 1000 / 10));
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

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
