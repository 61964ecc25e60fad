package org.lstmlab.ui.training;

import static org.lstmlab.ui.TourScene.fx;
import static org.lstmlab.ui.TourScene.waitUntil;

import java.nio.file.Path;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.common.Screenshots;
import org.lstmlab.ui.common.Settings;

/**
 * A student's own CSV in the Train tab, for looking at what it shows: {@code CsvTour DIR FILE NAME [en|zh]
 * [WIDTHxHEIGHT]} chooses FILE, saves {@code NAME-loaded.png}, trains with the form as the file left it (or as
 * {@code -Dtour.columns}, {@code .target}, {@code .classes}, {@code .window}, {@code .lr}, {@code .clip},
 * {@code .epochs}, {@code .cell} say), saves {@code NAME-trained.png} and the tab scrolled to its checkup
 * ({@code NAME-checkup.png}); with {@code -Dtour.debugger=true} it then opens a sample in the debugger
 * ({@code NAME-debugger.png}). Run it with {@code docs/scripts/ui-bench.sh main org.lstmlab.ui.training.CsvTour ...}.
 */
public final class CsvTour {
    private CsvTour() {
    }

    public static void main(String[] args) {
        Tour.args = args;
        System.setProperty("lstmlab.home",
                System.getProperty("java.io.tmpdir") + "/lstmlab-csvtour-" + System.nanoTime());
        org.lstmlab.ui.common.Repaint.beforeToolkit();
        Application.launch(Tour.class);
    }

    /** The application: the main window, driven from a thread of its own. */
    public static final class Tour extends Application {
        static String[] args;
        private MainWindow window;
        private Scene scene;

        @Override
        public void start(Stage stage) {
            boolean zh = args.length > 3 && args[3].startsWith("zh");
            String[] size = (args.length > 4 ? args[4] : "1024x768").split("x");
            window = MainWindow.create(zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, Settings.inMemory());
            scene = new Scene(window.root(), Integer.parseInt(size[0]), Integer.parseInt(size[1]));
            stage.setScene(scene);
            stage.show();
            Thread t = new Thread(this::tour, "csv-tour");
            t.setDaemon(true);
            t.start();
        }

        private void tour() {
            Path dir = Path.of(args[0]);
            Path file = Path.of(args[1]);
            String name = args[2];
            try {
                TrainingViewModel train = window.trainingView().viewModel();
                TrainingForm form = train.form();
                fx(() -> {
                    window.selectTab("train");
                    set(form.columns, "tour.columns");
                    set(form.target, "tour.target");
                    form.classes.set(Boolean.getBoolean("tour.classes"));   // the target's numbers are classes
                    train.chooseDataFile(file);
                });
                waitUntil(() -> !train.messageProperty().get().startsWith("Reading")
                        && !train.messageProperty().get().startsWith("正在读取"), 60);
                Thread.sleep(1500);
                shot(dir.resolve(name + "-loaded.png"));
                System.out.println("message: " + train.messageProperty().get());
                System.out.println("details: " + train.detailsProperty().get());
                if (train.messageIsErrorProperty().get()) {
                    return;
                }
                fx(() -> {
                    if (Integer.getInteger("tour.window") != null) {
                        form.steps.set(Integer.getInteger("tour.window"));
                    }
                    set(form.learningRate, "tour.lr");
                    set(form.clipNorm, "tour.clip");
                    if (Integer.getInteger("tour.epochs") != null) {
                        form.epochs.set(Integer.getInteger("tour.epochs"));
                    }
                    if (System.getProperty("tour.cell") != null) {
                        form.cell.set(org.lstmlab.engine.nn.CellType.parse(System.getProperty("tour.cell")));
                    }
                    train.start();
                });
                Thread.sleep(1000);
                waitUntil(() -> train.stateProperty().get() != null && train.stateProperty().get().isOver(), 900);
                Thread.sleep(1500);
                shot(dir.resolve(name + "-trained.png"));
                System.out.println("message: " + train.messageProperty().get());
                System.out.println("verdict: " + train.verdictProperty().get());
                fx(() -> ((ScrollPane) scene.lookup(".training-scroll")).setVvalue(1));
                Thread.sleep(800);
                shot(dir.resolve(name + "-checkup.png"));
                if (Boolean.getBoolean("tour.debugger")) {
                    fx(train::openInDebugger);
                    Thread.sleep(5000);
                    shot(dir.resolve(name + "-debugger.png"));
                    System.out.println("message: " + train.messageProperty().get());
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
            Platform.runLater(window::shutdown);   // then the toolkit ends, in this order
            Platform.runLater(Platform::exit);
        }

        private static void set(javafx.beans.property.StringProperty p, String property) {
            if (System.getProperty(property) != null) {
                p.set(System.getProperty(property));
            }
        }

        private void shot(Path file) throws InterruptedException {
            fx(() -> Screenshots.save(scene, file));
            System.out.println("saved " + file);
        }
    }
}
