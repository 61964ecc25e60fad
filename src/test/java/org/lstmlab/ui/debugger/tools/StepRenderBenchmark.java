package org.lstmlab.ui.debugger.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.SetupForm;

/**
 * How long one debugger step takes to reach the screen at H = 256, T = 1000 (an LSTM, one layer, two watches), in
 * the real main window. A benchmark, not a test: run it with {@code docs/scripts/ui-bench.sh step} (under Xvfb, with
 * the software pipeline) and read the percentiles. It prints a few lines and one JSON line.
 *
 * <p>The method. Each step is issued on the FX thread ({@code t0}). The scene's pre- and post-layout pulse listeners
 * time the CSS and layout of the pulse that follows. The frame that shows the step is the first one the toolkit
 * reports rendered after {@code t0}: JavaFX's scene performance tracker ({@code com.sun.javafx.perf}, internal, hence
 * the script's {@code --add-exports}) runs a task on the render thread as soon as it has painted and presented a
 * frame. So
 * <ul>
 *   <li>{@code step_to_frame_ms} = that moment − t0: the step on the FX thread, the pulse (CSS, layout, the copy of
 *       the scene to the render thread) and the painting, i.e. what the user waits for;</li>
 *   <li>{@code paint_ms} = that moment − the end of the pulse's layout: synchronising the scene and painting it
 *       (the render thread's part; the pulse logger calls the latter "Painting");</li>
 *   <li>{@code animation_frame_ms}: the same for the frames that follow while the wires' dots run.</li>
 * </ul>
 * The same spans are also measured in CPU time of the FX thread and of the render thread ({@code cpu_fx_ms},
 * {@code cpu_paint_ms}, {@code cpu_step_to_frame_ms} their sum): on a quiet machine the two threads work one after
 * the other for a step, so the sum is what the wall time would be; on a loaded one the wall time also counts the
 * wait for a core.
 * Between steps the benchmark waits {@code pause} ms so that each step starts from a still scene (a user reading the
 * numbers); the wire animation takes 350 ms.
 *
 * <p>Arguments: {@code [hidden] [steps] [repetitions] [pause ms]}; defaults 256 1000 200 420. The window is
 * 1280 × 800 ({@code -Dlstmlab.bench.size=1024x768} another), {@code -Dlstmlab.bench.presenter=true} in presenter
 * mode. Experiments (system properties {@code lstmlab.bench.*}): {@code css}, {@code each}, {@code census},
 * {@code detach}, {@code hide} and {@code dirty} (every pulse: the parents it lays out), see where each is read.
 */
public final class StepRenderBenchmark {
    private StepRenderBenchmark() {
    }

    /**
     * Times written on the FX thread (the step, the pulse listeners) and on the render thread (the rendered-frame
     * task runs there, right after the frame is presented).
     */
    private static final class Clock {
        volatile long preLayout;
        volatile long postLayout;
        volatile double layoutMs = -1;
        volatile long stepAt;
        volatile boolean waiting;
        volatile double frameMs;
        volatile double paintMs;
        volatile long fxCpuAt;
        volatile long renderCpuAt;
        volatile double fxCpuMs;
        volatile double renderCpuMs;
        volatile boolean recordAnimation;
        final List<Double> animation = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch framed = new CountDownLatch(1);
    }

    public static void main(String[] args) throws Exception {
        int h = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int pause = args.length > 3 ? Integer.parseInt(args[3]) : 420;
        org.lstmlab.ui.common.Repaint.beforeToolkit();  // as the app does
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        Clock clock = new Clock();
        Platform.runLater(() -> {
            CPU.onFxThread();
            MainWindow w = MainWindow.create(I18n.bundle(Locale.ENGLISH));
            String[] size = System.getProperty("lstmlab.bench.size", "1280x800").split("x");
            Scene s = new Scene(w.root(), Integer.parseInt(size[0]), Integer.parseInt(size[1]));
            s.getStylesheets().add(Resources.url("theme.css").toExternalForm());
            String css = System.getProperty("lstmlab.bench.css", "");
            if (!css.isBlank()) {
                // an experiment: one more style sheet (a file), to see what a style costs to paint
                s.getStylesheets().add(java.nio.file.Path.of(css).toUri().toString());
            }
            s.addPreLayoutPulseListener(() -> {
                clock.preLayout = System.nanoTime();
                if (Boolean.getBoolean("lstmlab.bench.dirty")) {
                    // an experiment: which parents every pulse lays out (a layout request marks each parent up to
                    // a layout root), and whether a step waits for that pulse
                    System.out.println("pulse, step waiting: " + clock.waiting);
                    needingLayout(s.getRoot(), "");
                }
            });
            s.addPostLayoutPulseListener(() -> {
                clock.postLayout = System.nanoTime();
                clock.layoutMs = (clock.postLayout - clock.preLayout) / 1e6;
            });
            PerformanceTracker.getSceneTracker(s).setOnRenderedFrameTask(() -> {
                long now = System.nanoTime();
                if (clock.waiting) {
                    clock.waiting = false;
                    clock.frameMs = (now - clock.stepAt) / 1e6;
                    clock.paintMs = (now - clock.postLayout) / 1e6;
                    clock.fxCpuMs = (CPU.fx() - clock.fxCpuAt) / 1e6;
                    clock.renderCpuMs = (CPU.render() - clock.renderCpuAt) / 1e6;
                    clock.framed.countDown();
                } else if (clock.recordAnimation) {
                    clock.animation.add((now - clock.postLayout) / 1e6);
                }
            });
            Stage stage = new Stage();
            stage.setScene(s);
            stage.show();
            window.set(w);
            DebuggerViewModel vm = w.debugger().viewModel();
            vm.form().text(SetupForm.HIDDEN_SIZE).set(Integer.toString(h));
            vm.form().text(SetupForm.STEPS).set(Integer.toString(steps));
            vm.setupCommands().applySetup();
            vm.addWatch("c[0]");
            vm.addWatch("max(abs(c))");
            if (Boolean.getBoolean("lstmlab.bench.presenter")) {
                w.setPresenting(true);   // what a teacher projects: one equation, the diagram with its numbers placed
            }
        });
        long t0 = System.nanoTime();
        DebuggerViewModel vm = null;
        while (vm == null || vm.trace() == null || vm.trace().hiddenSize() != h || vm.busyProperty().get()) {
            Thread.sleep(20);
            vm = window.get() == null ? null : window.get().debugger().viewModel();
        }
        System.out.printf(Locale.ROOT, "traced T=%d H=%d on the worker; shown after %.0f ms (wall, with start-up)%n",
                steps, h, (System.nanoTime() - t0) / 1e6);
        DebuggerViewModel model = vm;
        if (Boolean.getBoolean("lstmlab.bench.census")) {
            // an experiment: which parents have many children (each is visited on every repaint that covers it)
            Platform.runLater(() -> census(window.get().root(), ""));
        }
        if (Boolean.getBoolean("lstmlab.bench.detach")) {
            // an experiment: take the tabs that are not shown out of the scene, to see what their nodes cost (every
            // pulse visits every node of the scene to update its bounds, shown or not)
            Platform.runLater(() -> window.get().root().lookupAll(".tab-pane").forEach(p ->
                    ((javafx.scene.control.TabPane) p).getTabs().stream().filter(t -> !t.isSelected())
                            .forEach(t -> t.setContent(null))));
        }
        CountDownLatch counted = new CountDownLatch(1);
        Platform.runLater(() -> {
            System.out.println("nodes in the scene: " + nodes(window.get().root()));
            counted.countDown();
        });
        counted.await(30, TimeUnit.SECONDS);
        String hide = System.getProperty("lstmlab.bench.hide", "");
        if (!hide.isBlank()) {
            // an experiment: hide parts (CSS selectors, comma-separated) to see what their painting costs
            Platform.runLater(() -> {
                for (String selector : hide.split(",")) {
                    window.get().root().lookupAll(selector.trim()).forEach(n -> n.setVisible(false));
                }
            });
            System.out.println("hidden: " + hide);
        }
        double[] handler = new double[reps];
        double[] layout = new double[reps];
        double[] frame = new double[reps];
        double[] paint = new double[reps];
        double[] fxCpu = new double[reps];
        double[] renderCpu = new double[reps];
        double[] cpu = new double[reps];
        Thread.sleep(1500);
        int missed = 0;
        for (int r = 0; r < reps; r++) {
            int k = r;
            CountDownLatch stepped = new CountDownLatch(1);
            Platform.runLater(() -> {
                clock.framed = new CountDownLatch(1);
                clock.recordAnimation = k >= reps / 5;
                clock.layoutMs = -1;
                clock.fxCpuAt = CPU.fx();
                clock.renderCpuAt = CPU.render();
                long a = System.nanoTime();
                clock.stepAt = a;
                clock.waiting = true;
                if (k % 7 == 6) {
                    model.stepper().stepOver();
                } else {
                    model.stepper().stepInto();
                }
                handler[k] = (System.nanoTime() - a) / 1e6;
                stepped.countDown();
            });
            stepped.await(30, TimeUnit.SECONDS);
            CountDownLatch framed = clock.framed;
            if (!framed.await(10, TimeUnit.SECONDS)) {
                missed++;
            }
            CountDownLatch read = new CountDownLatch(1);
            Platform.runLater(() -> {
                layout[k] = clock.layoutMs;
                frame[k] = clock.frameMs;
                paint[k] = clock.paintMs;
                fxCpu[k] = clock.fxCpuMs;
                renderCpu[k] = clock.renderCpuMs;
                cpu[k] = clock.fxCpuMs + clock.renderCpuMs;
                if (Boolean.getBoolean("lstmlab.bench.each")) {
                    // an experiment: each step's figures, to see which steps are the slow ones
                    System.out.printf(Locale.ROOT, "step %d %s: handler %.1f, FX CPU %.1f, render CPU %.1f ms%n", k,
                            model.cursor(), handler[k], fxCpu[k], renderCpu[k]);
                }
                read.countDown();
            });
            read.await(30, TimeUnit.SECONDS);
            Thread.sleep(pause);
        }
        CountDownLatch ended = new CountDownLatch(1);
        double[][] animation = new double[1][];
        Platform.runLater(() -> {
            clock.recordAnimation = false;
            animation[0] = List.copyOf(clock.animation).stream().mapToDouble(Double::doubleValue).toArray();
            ended.countDown();
        });
        ended.await(30, TimeUnit.SECONDS);
        report("step on the FX thread (view model + every view)", warm(handler));
        report("CSS + layout of the pulse after the step", warm(layout));
        report("sync + paint of the step's frame", warm(paint));
        report("step command to frame rendered", warm(frame));
        report("frames of the wire animation (sync + paint)", animation[0]);
        report("CPU time, FX thread, step to frame", warm(fxCpu));
        report("CPU time, render thread, step to frame (the painting)", warm(renderCpu));
        report("CPU time, both threads, step to frame", warm(cpu));
        System.out.println("{\"benchmark\":\"debugger-step\",\"hidden\":" + h + ",\"steps\":" + steps
                + ",\"repetitions\":" + reps + ",\"measured\":" + warm(frame).length + ",\"missed_frames\":" + missed
                + ",\"pipeline\":\"" + pipeline() + "\",\"cores\":" + Runtime.getRuntime().availableProcessors()
                + ",\"step_to_frame_ms\":" + json(warm(frame)) + ",\"paint_ms\":" + json(warm(paint))
                + ",\"fx_step_ms\":" + json(warm(handler)) + ",\"css_layout_ms\":" + json(warm(layout))
                + ",\"animation_frame_ms\":" + json(animation[0]) + ",\"cpu_step_to_frame_ms\":" + json(warm(cpu))
                + ",\"cpu_fx_ms\":" + json(warm(fxCpu)) + ",\"cpu_paint_ms\":" + json(warm(renderCpu))
                + ",\"load_average\":" + String.format(Locale.ROOT, "%.2f",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + "}");
        Platform.runLater(() -> {
            window.get().shutdown();
            Platform.exit();
        });
    }

    /**
     * CPU time of the FX thread and of the render thread ({@code QuantumRenderer-0}), read on the FX thread. On a
     * machine shared with other work the wall times above include waiting for a core; these do not.
     */
    private static final class CPU {
        private static final java.lang.management.ThreadMXBean BEAN =
                java.lang.management.ManagementFactory.getThreadMXBean();
        private static long renderId = -1;
        private static volatile long fxId = -1;

        /** Call once on the FX thread. */
        static void onFxThread() {
            fxId = Thread.currentThread().getId();
        }

        static long fx() {
            return BEAN.getThreadCpuTime(fxId);
        }

        static long render() {
            if (renderId < 0) {
                for (java.lang.management.ThreadInfo t : BEAN.dumpAllThreads(false, false)) {
                    if (t.getThreadName().startsWith("QuantumRenderer")) {
                        renderId = t.getThreadId();
                    }
                }
            }
            return renderId < 0 ? 0 : BEAN.getThreadCpuTime(renderId);
        }
    }

    private static int nodes(javafx.scene.Parent p) {
        int n = 1;
        for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
            n += c instanceof javafx.scene.Parent q ? nodes(q) : 1;
        }
        return n;
    }

    /** Prints the parents that need a layout (the path, without the window's outer panes). */
    private static void needingLayout(javafx.scene.Parent p, String path) {
        String here = path + "/" + p.getClass().getSimpleName() + (p.getId() == null ? "" : "#" + p.getId());
        for (javafx.scene.Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.Parent q) {
                needingLayout(q, here.length() > 600 ? "..." : here);
            }
        }
        if (p.isNeedsLayout()) {
            System.out.println("dirty: " + here.replaceAll("/(StackPane|ZoomPane|BorderPane#root|SplitPane#mainSplit"
                    + "|Content|TabPane#mainTabs|TabContentRegion|BorderPane)(?=/)", ""));
        }
    }

    /** Prints the parents with many children, and the subtrees of more than 60 nodes whose parent holds more. */
    private static void census(javafx.scene.Parent p, String path) {
        String here = path + "/" + p.getClass().getSimpleName() + (p.getId() == null ? "" : "#" + p.getId())
                + p.getStyleClass();
        if (p.getChildrenUnmodifiable().size() > 30) {
            System.out.println("census: " + p.getChildrenUnmodifiable().size() + " children, visible="
                    + p.isVisible() + " " + here);
        }
        int mine = nodes(p);
        if (mine > 60) {
            System.out.println("census: subtree of " + mine + " nodes, visible=" + p.isVisible() + " "
                    + (here.length() > 300 ? "..." + here.substring(here.length() - 300) : here));
        }
        for (javafx.scene.Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.Parent q) {
                census(q, here.length() > 400 ? "..." : here);
            }
        }
    }

    /** The repetitions after the first fifth (the warm-up). */
    private static double[] warm(double[] ms) {
        return Arrays.copyOfRange(ms, ms.length / 5, ms.length);
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n", what,
                pct(s, 0.5), pct(s, 0.9), pct(s, 0.99), s.length == 0 ? Double.NaN : s[s.length - 1], s.length);
    }

    private static String json(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "{\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"max\":%.2f,\"n\":%d}",
                pct(s, 0.5), pct(s, 0.9), pct(s, 0.99), s.length == 0 ? Double.NaN : s[s.length - 1], s.length);
    }

    /** The Prism pipeline in use ({@code sw} expected), read from the toolkit, or the requested order. */
    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "prism.order=" + System.getProperty("prism.order", "default");
        }
    }
}
