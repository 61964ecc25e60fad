package org.lstmlab.ui.debugger.tools;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.SetupForm;

/**
 * How long one step takes to render at H = 256, T = 1000 (an LSTM, one layer, two watches), in the real main
 * window: the FX-thread time of the step itself (view model and every view's update), and the CSS and layout
 * passes of the pulse that follows (measured between the scene's pre- and post-layout pulse listeners). Painting
 * happens on the render thread; run with {@code -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0} to
 * see it. A benchmark, not a test: run it by hand (see docs/debugger.md) and read the medians.
 *
 * <p>Arguments: {@code [hidden] [steps] [repetitions]}.
 */
public final class StepRenderBenchmark {
    private StepRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int h = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        AtomicReference<Scene> scene = new AtomicReference<>();
        long[] pre = new long[1];
        double[] layoutMs = new double[1];
        Platform.runLater(() -> {
            MainWindow w = MainWindow.create(I18n.bundle(Locale.ENGLISH));
            Scene s = new Scene(w.root(), 1280, 800);
            s.getStylesheets().add(Resources.url("theme.css").toExternalForm());
            s.addPreLayoutPulseListener(() -> pre[0] = System.nanoTime());
            s.addPostLayoutPulseListener(() -> layoutMs[0] = (System.nanoTime() - pre[0]) / 1e6);
            Stage stage = new Stage();
            stage.setScene(s);
            stage.show();
            window.set(w);
            scene.set(s);
            DebuggerViewModel vm = w.debugger().viewModel();
            vm.form().text(SetupForm.HIDDEN_SIZE).set(Integer.toString(h));
            vm.form().text(SetupForm.STEPS).set(Integer.toString(steps));
            vm.applySetup();
            vm.addWatch("c[0]");
            vm.addWatch("max(abs(c))");
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
        double[] handler = new double[reps];
        double[] pulse = new double[reps];
        Thread.sleep(1000);
        for (int r = 0; r < reps; r++) {
            int k = r;
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                long a = System.nanoTime();
                if (k % 7 == 6) {
                    model.stepper().stepOver();
                } else {
                    model.stepper().stepInto();
                }
                handler[k] = (System.nanoTime() - a) / 1e6;
                layoutMs[0] = -1;
                done.countDown();
            });
            done.await(10, TimeUnit.SECONDS);
            Thread.sleep(60);  // the next pulse lays out (and the render thread paints) this step
            pulse[k] = layoutMs[0];
        }
        report("step on the FX thread (view model + every view)", handler);
        report("CSS + layout of the pulse after the step", pulse);
        double[] sum = new double[reps];
        for (int k = 0; k < reps; k++) {
            sum[k] = handler[k] + Math.max(0, pulse[k]);
        }
        report("FX-thread total per step", sum);
        Platform.runLater(() -> {
            window.get().shutdown();
            Platform.exit();
        });
    }

    private static void report(String what, double[] ms) {
        double[] warm = Arrays.copyOfRange(ms, ms.length / 5, ms.length);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "%s: median %.2f ms, p90 %.2f ms, max %.2f ms (n=%d after warm-up)%n", what,
                warm[warm.length / 2], warm[(int) (warm.length * 0.9)], warm[warm.length - 1], warm.length);
    }
}
