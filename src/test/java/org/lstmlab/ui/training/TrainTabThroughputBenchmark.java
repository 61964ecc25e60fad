package org.lstmlab.ui.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.Workloads;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;

/**
 * The Train tab at full speed on W1's model, against {@code bench W1} in the same JVM. A benchmark, not a test: run
 * it with {@code docs/scripts/ui-bench.sh train [seconds] [rounds]} (Xvfb, software pipeline); it prints a few lines
 * and one JSON line.
 *
 * <p>W1 (docs/bench/WORKLOADS.md) is an LSTM with D = 1, H = 50, T = 10, B = 32 and Dense(1) + sigmoid + BCE on the
 * last h: the {@code keras-example} task's model with its defaults (batch 32). The tab trains it the way a user's
 * Start does: the form's task, {@link TrainingViewModel#start()}, the tab's own worker with its snapshots, probes,
 * epoch-end validation and chart drawing, in a shown window. {@code bench W1} ({@link Workloads#run}) trains one
 * fixed batch with nothing else, with the same thread count as the tab's (its default, one fewer than the cores, or
 * {@code -Dlstmlab.bench.threads=N} for both).
 *
 * <p>Rounds alternate: bench, tab, bench, tab, ... Per round:
 * <ul>
 *   <li>{@code samples_per_s}: wall-clock throughput (the tab: steps counted from its snapshots × 32 over the
 *       window);</li>
 *   <li>{@code cpu_ms_per_batch}: CPU time per step of the whole process (bench), and of the whole process but the
 *       FX and render threads (the tab: training, probes, snapshots, validation, garbage collection and compilers),
 *       which is what limits the tab's speed when the UI has the spare core; the training threads alone
 *       ({@code lstmlab-training-*}, {@code lstmlab-trainer-*}) and the UI threads' share of a core are printed
 *       too;</li>
 *   <li>while the tab trains: every pulse's FX-thread wall and CPU time (from the pulse's animation phase, where
 *       an AnimationTimer stamps it, to the end of its layout, where a post-layout listener stamps it), every
 *       frame's whole time (the same start to the frame painted, reported by the scene performance tracker on the
 *       render thread), and the latency of a heartbeat posted with {@code Platform.runLater} every 10 ms (as
 *       {@link TrainingFxLatencyBenchmark}).</li>
 * </ul>
 * The ratios compare the medians over rounds. Arguments: {@code [seconds per measurement] [rounds]}, default 10 3.
 */
public final class TrainTabThroughputBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TrainTabThroughputBenchmark() {
    }

    /** Pulse times written on the FX thread and on the render thread. */
    private static final class Pulses {
        volatile long pulseStart;
        volatile long pulseCpuStart;
        volatile boolean recording;
        final List<Double> fxMs = Collections.synchronizedList(new ArrayList<>());
        final List<Double> fxCpuMs = Collections.synchronizedList(new ArrayList<>());
        final List<Double> frameMs = Collections.synchronizedList(new ArrayList<>());
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<TrainingView> view = new AtomicReference<>();
        Pulses pulses = new Pulses();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                FXMLLoader loader = new FXMLLoader(Resources.url("training/TrainingView.fxml"),
                        I18n.bundle(Locale.ENGLISH));
                Parent root = loader.load();
                view.set(loader.getController());
                Scene scene = new Scene(root, 1260, 780);
                scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        pulses.pulseStart = System.nanoTime();
                        pulses.pulseCpuStart = THREADS.getCurrentThreadCpuTime();
                    }
                }.start();
                scene.addPostLayoutPulseListener(() -> {
                    if (pulses.recording) {
                        pulses.fxMs.add((System.nanoTime() - pulses.pulseStart) / 1e6);
                        pulses.fxCpuMs.add((THREADS.getCurrentThreadCpuTime() - pulses.pulseCpuStart) / 1e6);
                    }
                });
                PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
                    if (pulses.recording) {
                        pulses.frameMs.add((System.nanoTime() - pulses.pulseStart) / 1e6);
                    }
                });
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                shown.countDown();
            }
        });
        shown.await();
        TrainingViewModel vm = view.get().viewModel();
        // -Dlstmlab.bench.threads=N sets the tab's Threads field (and bench's threads) to N instead of
        // the tab's default
        int threads = Integer.getInteger("lstmlab.bench.threads", vm.form().threadsProperty().get());
        CountDownLatch set = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm.form().threadsProperty().set(threads);
            set.countDown();
        });
        set.await();
        Workloads.Workload w1 = Workloads.byName("W1");
        System.out.printf(Locale.ROOT, "W1 = %s; the tab's threads: %d; %d rounds of %.0f s; load average %.2f%n",
                Workloads.describe(w1), threads, rounds, seconds, loadAverage());
        List<double[]> bench = new ArrayList<>();
        List<double[]> tab = new ArrayList<>();
        List<Double> heartbeats = Collections.synchronizedList(new ArrayList<>());
        for (int r = 0; r < rounds; r++) {
            Workloads.Measurement m = Workloads.run(w1, threads, seconds, Precision.FLOAT64, 0, 60_000);
            bench.add(new double[] {m.samplesPerSecond(), m.cpuMsPerBatch()});
            System.out.printf(Locale.ROOT, "round %d bench W1: %.0f samples/s, %.3f CPU ms per batch%n", r + 1,
                    m.samplesPerSecond(), m.cpuMsPerBatch());
            double[] t = trainTab(vm, seconds, r == 0 ? 12_000 : 3_000, pulses, heartbeats);
            tab.add(t);
            System.out.printf(Locale.ROOT, "round %d Train tab: %.0f samples/s, %.3f CPU ms per batch (all but the "
                    + "FX and render threads; the training threads alone %.3f), %.0f steps; the UI threads used "
                    + "%.0f%% of a core%n", r + 1, t[0], t[1], t[3], t[2], 100 * t[4]);
        }
        double benchRate = median(bench, 0);
        double benchCpu = median(bench, 1);
        double tabRate = median(tab, 0);
        double tabCpu = median(tab, 1);
        double[] fx = sorted(pulses.fxMs);
        double[] fxCpu = sorted(pulses.fxCpuMs);
        double[] frame = sorted(pulses.frameMs);
        double[] beat = sorted(heartbeats);
        report("FX-thread time per pulse while training", fx);
        report("FX-thread CPU time per pulse while training", fxCpu);
        report("pulse start to frame painted while training", frame);
        report("heartbeat latency while training", beat);
        System.out.printf(Locale.ROOT, "Train tab / bench W1: %.2f by wall time, %.2f by CPU time per step (bench: the "
                + "process; the tab: all but its FX and render threads)%n", tabRate / benchRate, benchCpu / tabCpu);
        System.out.println("{\"benchmark\":\"train-tab-w1\",\"threads\":" + threads + ",\"rounds\":" + rounds
                + ",\"seconds\":" + seconds + ",\"pipeline\":\"" + pipeline() + "\",\"cores\":"
                + Runtime.getRuntime().availableProcessors()
                + String.format(Locale.ROOT, ",\"bench_samples_per_s\":%.0f,\"tab_samples_per_s\":%.0f,"
                        + "\"bench_cpu_ms_per_batch\":%.4f,\"tab_cpu_ms_per_batch\":%.4f,\"ratio_wall\":%.3f,"
                        + "\"ratio_cpu\":%.3f", benchRate, tabRate, benchCpu, tabCpu, tabRate / benchRate,
                        benchCpu / tabCpu)
                + String.format(Locale.ROOT, ",\"tab_training_threads_cpu_ms_per_batch\":%.4f,\"ui_core_share\":%.3f",
                        median(tab, 3), median(tab, 4))
                + ",\"fx_pulse_ms\":" + json(fx) + ",\"fx_pulse_cpu_ms\":" + json(fxCpu)
                + ",\"frame_ms\":" + json(frame) + ",\"heartbeat_ms\":"
                + json(beat) + String.format(Locale.ROOT, ",\"load_average\":%.2f}", loadAverage()));
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            view.get().shutdown();
            done.countDown();
        });
        done.await(30, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(0);
    }

    /**
     * Starts the keras-example task from the form (W1's model), waits for it to run, warms up (12 s the first time,
     * while the compilers work through the UI's code; 3 s later), then measures for
     * {@code seconds}: samples/s, training threads' CPU ms per step, steps; stops the run.
     */
    private static double[] trainTab(TrainingViewModel vm, double seconds, long warmUpMillis, Pulses pulses,
                                     List<Double> heartbeats) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm.chooseTask(Tasks.byName("keras-example"));
            vm.form().epochsProperty().set(1000);
            vm.start();
            go.countDown();
        });
        go.await();
        while (vm.run() == null || vm.run().latest().state() != RunState.RUNNING) {
            Thread.sleep(20);
        }
        // warm-up: the first time, the compilers are busy with the UI's code for many seconds on a loaded machine
        Thread.sleep(warmUpMillis);
        long steps0 = vm.run().latest().steps();
        long cpu0 = trainingCpuNanos();
        long ui0 = uiCpuNanos();
        long process0 = processCpuNanos();
        java.util.Map<String, Long> perThread0 = perThread();
        long t0 = System.nanoTime();
        pulses.recording = true;
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                heartbeats.add((System.nanoTime() - posted) / 1e6);
                ran.countDown();
            });
            ran.await(30, TimeUnit.SECONDS);
            Thread.sleep(10);
        }
        pulses.recording = false;
        long steps1 = vm.run().latest().steps();
        long cpu1 = trainingCpuNanos();
        long ui1 = uiCpuNanos();
        long process1 = processCpuNanos();
        java.util.Map<String, Long> perThread1 = perThread();
        StringBuilder top = new StringBuilder();
        perThread1.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - perThread0.getOrDefault(e.getKey(), 0L)))
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
                .forEach(e -> top.append(String.format(Locale.ROOT, " %s %.0f ms;", e.getKey(), e.getValue() / 1e6)));
        System.out.println("  CPU by thread while the tab trained:" + top);
        double wall = (System.nanoTime() - t0) / 1e9;
        // the snapshot is at most 100 ms old at either end: over a 10 s window the error is about 1 %
        long n = steps1 - steps0;
        CountDownLatch stop = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm.stop();
            stop.countDown();
        });
        stop.await();
        vm.run().awaitEnd(60_000);
        double steps = Math.max(1, n);
        return new double[] {n * 32 / wall, ((process1 - process0) - (ui1 - ui0)) / 1e6 / steps, n,
            (cpu1 - cpu0) / 1e6 / steps, (ui1 - ui0) / 1e6 / wall / 1000};
    }

    /** CPU time by thread name (threads of one name summed), for the breakdown printed with each round. */
    private static java.util.Map<String, Long> perThread() {
        java.util.Map<String, Long> m = new java.util.HashMap<>();
        // not Java threads: the collectors' and the compilers' time, from their own beans (wall ms, as nanoseconds)
        long gc = 0;
        for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, b.getCollectionTime());
        }
        m.put("(GC pauses, wall)", gc * 1_000_000);
        m.put("(JIT compilation, wall)", ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
                * 1_000_000);
        for (ThreadInfo t : THREADS.dumpAllThreads(false, false)) {
            m.merge(t.getThreadName().replaceAll("-\\d+$", "-N"),
                    Math.max(0, THREADS.getThreadCpuTime(t.getThreadId())), Long::sum);
        }
        return m;
    }

    /** CPU time of the whole process. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the UI's threads: the FX thread and the render thread. */
    private static long uiCpuNanos() {
        long sum = 0;
        for (ThreadInfo t : THREADS.dumpAllThreads(false, false)) {
            String name = t.getThreadName();
            if (name.equals("JavaFX Application Thread") || name.startsWith("QuantumRenderer")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** CPU time of the live training threads (the tab's worker and the trainer's pool). */
    private static long trainingCpuNanos() {
        long sum = 0;
        for (ThreadInfo t : THREADS.dumpAllThreads(false, false)) {
            String name = t.getThreadName();
            if (name.startsWith("lstmlab-training") || name.startsWith("lstmlab-trainer")) {
                long c = THREADS.getThreadCpuTime(t.getThreadId());
                sum += Math.max(0, c);
            }
        }
        return sum;
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v[v.length / 2];
    }

    private static double[] sorted(List<Double> values) {
        double[] v;
        synchronized (values) {
            v = values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        Arrays.sort(v);
        return v;
    }

    private static double pct(double[] s, double p) {
        return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) (s.length * p))];
    }

    private static void report(String what, double[] s) {
        System.out.printf(Locale.ROOT, "%s: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n", what,
                pct(s, 0.5), pct(s, 0.9), pct(s, 0.99), s.length == 0 ? Double.NaN : s[s.length - 1], s.length);
    }

    private static String json(double[] s) {
        return String.format(Locale.ROOT, "{\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"max\":%.2f,\"n\":%d}",
                pct(s, 0.5), pct(s, 0.9), pct(s, 0.99), s.length == 0 ? Double.NaN : s[s.length - 1], s.length);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "prism.order=" + System.getProperty("prism.order", "default");
        }
    }
}
