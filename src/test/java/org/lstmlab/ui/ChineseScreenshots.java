package org.lstmlab.ui;

import java.nio.file.Path;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.Screenshots;
import org.lstmlab.ui.common.Settings;
import org.lstmlab.ui.compare.CompareViewModel;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.training.TrainingViewModel;

/**
 * Takes the Chinese guides' screenshots at 1024×768 (a common projector): the Debugger, Train and Compare tabs in
 * Chinese, while they work. Run it under Xvfb with a Chinese font installed
 * ({@code xvfb-run -a -s "-screen 0 1280x1024x24" java -cp ... org.lstmlab.ui.ChineseScreenshots docs/images}).
 */
public final class ChineseScreenshots {
    private static void fx(Runnable r) throws InterruptedException {
        ScreenshotTour.Tour.fx(r);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds)
            throws InterruptedException {
        ScreenshotTour.Tour.waitUntil(condition, seconds);
    }

    private ChineseScreenshots() {
    }

    public static void main(String[] args) {
        Tour.dir = Path.of(args.length > 0 ? args[0] : "docs/images");
        Application.launch(Tour.class);
    }

    /** The JavaFX application of the tour. */
    public static final class Tour extends Application {
        static Path dir;
        private MainWindow window;
        private Scene scene;

        @Override
        public void start(Stage stage) {
            window = MainWindow.create(Locale.SIMPLIFIED_CHINESE, Settings.inMemory());
            scene = new Scene(window.root(), 1024, 768);
            stage.setScene(scene);
            stage.titleProperty().bind(window.titleProperty());
            stage.show();
            Thread t = new Thread(this::tour, "screenshot-tour");
            t.setDaemon(true);
            t.start();
        }

        private void tour() {
            try {
                DebuggerViewModel debug = window.debugger().viewModel();
                waitUntil(() -> debug.trace() != null, 120);
                for (int i = 0; i < 4; i++) {
                    fx(() -> debug.stepper().stepInto());
                }
                Thread.sleep(1500);
                shot("zh-debugger.png");

                TrainingViewModel train = window.trainingView().viewModel();
                fx(() -> {
                    window.selectTab("train");
                    train.chooseTask(Tasks.byName("adding"));
                    train.start();
                });
                waitUntil(() -> train.snapshotProperty().get() != null
                        && train.snapshotProperty().get().epochMetrics().size() >= 2, 1200);
                Thread.sleep(1500);
                shot("zh-train.png");
                fx(train::stop);

                CompareViewModel cmp = window.compareView().viewModel();
                fx(() -> {
                    window.selectTab("compare");
                    cmp.lengthsProperty().set("10, 25, 50");
                    cmp.epochsProperty().set(2);
                    cmp.samplesProperty().set(4000);
                    cmp.start();
                });
                Thread.sleep(500);
                waitUntil(() -> !cmp.runningProperty().get(), 2400);
                Thread.sleep(1000);
                shot("zh-compare.png");
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(() -> {
                    window.shutdown();
                    Platform.exit();
                });
            }
        }

        private void shot(String name) throws InterruptedException {
            fx(() -> Screenshots.save(scene, dir.resolve(name)));
            System.out.println("saved " + dir.resolve(name));
        }
    }
}
