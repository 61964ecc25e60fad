package org.lstmlab.ui;

import java.nio.file.Path;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.lstmlab.ui.common.Settings;

/**
 * Takes the user guide's screenshots of the Train and Compare tabs while they work: run it under Xvfb
 * ({@code xvfb-run -a -s "-screen 0 1400x900x24" java -cp ... org.lstmlab.ui.ScreenshotTour docs/images}), which
 * saves train-run.png, train-charlm.png, train-sine.png, train-csv.png and compare.png at 1400 × 900 (one of them
 * alone: {@code docs/images train}, {@code charlm}, {@code sine}, {@code csv} or {@code compare}; {@code walk}
 * takes train-random-walk.png, the random walk's one-step forecasts, only when asked ({@code padded}:
 * train-padded-sine.png, the padded sine after 3 epochs), {@code poem}
 * train-poem.png, the character model after 5 epochs on "Jabberwocky" (its validation loss rising), and
 * {@code csvclasses} the classes of docs/data/activity.csv and a sample of them in the debugger; {@code train},
 * {@code poem}, {@code sine} and {@code walk} with {@code -Dtour.scroll=1} also save the tab scrolled down, as
 * NAME-SIZE-scroll1.png).
 * It drives the view models as a user would through the buttons, waits, and saves the scene. With the arguments
 * {@code docs/images all zh 1024x768} it takes the Chinese guides' pictures instead (zh-debugger.png, zh-train.png,
 * zh-compare.png) at the size of a common projector; that needs a Chinese font.
 *
 * <p>For the classroom checks: {@code docs/images debugger en 1024x768} saves the Debugger tab stepped to the cell
 * state as {@code debugger-1024x768.png}, {@code presenter} the same in presenter mode ({@code presenter-...png}),
 * {@code heatmap} the heatmaps with the pointer over one (at timestep {@code -Dtour.t}, from 1, if given),
 * {@code learnerror} the Learn tab after a teacher's lesson failed while it ran, {@code learnreset} after "Reset
 * progress" (its message with Undo beside it), {@code learnexamples} with its Example lessons menu open,
 * {@code lesson} the first lesson
 * docked beside the debugger after "Show me" (another with
 * {@code -Dtour.lesson=squashed-cell -Dtour.step=3}, from 1), {@code lessonpresenter} the same in presenter mode,
 * {@code predict} a lesson's step after "Show me", then
 * again after choice {@code -Dtour.choice} (from 1) or the number {@code -Dtour.answer} of its exercise
 * ({@code lesson-ID-STEP-before-…png} and {@code -after-…png}); {@code -Dtour.zoom=150} zooms first (the name gets
 * {@code -zoom150}), with {@code -Dtour.cell=GRU} (and {@code -Dtour.direction=backward}, {@code
 * -Dtour.equation=N}) {@code presenter} steps that cell's equations up to N ({@code presenter-gru-backward-N-…png};
 * {@code debugger} the same outside presenter mode, with {@code -Dtour.beside=RNN_TANH} a cell beside, with
 * {@code -Dtour.layers=2 -Dtour.layer=1} in the top layer of a stack),
 * {@code tabs} the Train, Compare and Learn tabs as they open (scrolled down with {@code -Dtour.scroll=0.5}, from
 * 0 to 1; the lesson list with the lesson that far down on top), and {@code zh} puts {@code zh-} in front of the
 * names.
 * {@code checkup} trains a simple RNN on adding problems of 100 steps for 2 epochs and shows its checkup; another run's
 * with {@code -Dtour.checkup=NAME} (the file's suffix) and {@code -Dtour.checkup.task}, {@code .cell}, {@code .steps},
 * {@code .epochs}, {@code .layers}, {@code .units}, {@code .lr}, {@code .clip}. {@code compare} runs the Compare
 * tab's defaults and shows the newest failure's checkup, or with {@code -Dtour.compare.choose=SimpleRNN:10} that
 * model's; {@code comparecsv} compares the cells on docs/data/activity.csv ({@code compare-csv-SIZE.png}), or on
 * {@code -Dtour.compare.data=FILE} with {@code -Dtour.compare.target=COLUMN} (a file refused:
 * {@code compare-csv-refused-SIZE.png}); {@code comparetext} on the bundled sonnets opened as a file, a text for the
 * character model ({@code compare-text-SIZE.png}), or on {@code -Dtour.compare.data=FILE.txt}, or on a bundled text
 * chosen in the task box with {@code -Dtour.compare.text=jabberwocky} ({@code compare-text-jabberwocky-SIZE.png}).
 * {@code menus} opens File ▸ Export, a chart's context menu (Save as PNG), and File again with a paused run
 * (Save code and data…, {@code menu-save-code-SIZE.png}); {@code slides} the debugger's picture menus (a right click
 * on the cell diagram and on the current equation, the menu key on the diagram); {@code windows} each Help window,
 * Debug ▸ Jump's dialog and the notes of a training checkpoint opened as a model file ({@code window-….png}); they
 * and {@code explain} (a gate's and an equation's explanation; in presenter mode with {@code -Dtour.presenter=true},
 * {@code explain-presenter-….png}) capture the screen, popups included, so they need Xvfb.
 *
 * <p>This class starts the window and picks the mode; {@link TourLearn}, {@link TourDebugger}, {@link TourTraining}
 * and {@link TourScreen} take the pictures, with what {@link TourScene} shares.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        Tour.dir = Path.of(args.length > 0 ? args[0] : "docs/images");
        // lesson progress in a fresh folder: every lesson starts at its first step, and the user's is not touched
        System.setProperty("lstmlab.home",
                System.getProperty("java.io.tmpdir") + "/lstmlab-tour-" + System.nanoTime());
        Tour.only = args.length > 1 ? args[1] : "all";
        Tour.chinese = args.length > 2 && args[2].startsWith("zh");
        String[] size = (args.length > 3 ? args[3] : "1400x900").split("x");
        Tour.width = Integer.parseInt(size[0]);
        Tour.height = Integer.parseInt(size[1]);
        org.lstmlab.ui.common.Repaint.beforeToolkit();  // as the app does
        Application.launch(Tour.class);
    }

    /** The JavaFX application of the tour. */
    public static final class Tour extends Application {
        static Path dir;
        static String only;
        static boolean chinese;
        static int width;
        static int height;
        static final int ZOOM = Integer.getInteger("tour.zoom", 100);
        private MainWindow window;
        private Scene scene;

        @Override
        public void start(Stage stage) {
            window = MainWindow.create(chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, Settings.inMemory());
            window.setZoom(ZOOM);
            scene = new Scene(window.root(), width, height);
            stage.setScene(scene);
            stage.setTitle("LSTM Lab");
            stage.show();
            Thread t = new Thread(this::tour, "screenshot-tour");
            t.setDaemon(true);
            t.start();
        }

        private void tour() {
            try {
                TourScene s = new TourScene(window, scene, dir, only, chinese,
                        width + "x" + height + (ZOOM == 100 ? "" : "-zoom" + ZOOM));
                switch (only) {
                    case "learnerror" -> TourLearn.error(s);
                    case "learnreset" -> TourLearn.reset(s);
                    case "learnexamples" -> TourLearn.examples(s);
                    case "lesson", "predict", "lessonpresenter" -> TourLearn.lesson(s);
                    case "tabs" -> tabs(s);
                    case "windows" -> TourScreen.windows(s);
                    case "menus" -> TourScreen.menus(s);
                    case "slides" -> TourScreen.slides(s);
                    case "debugger", "presenter", "heatmap", "explain" -> TourDebugger.debugger(s);
                    // all, train, checkup, charlm, poem, sine, walk, padded, csv, compare, comparecsv, comparetext
                    default -> TourTraining.guides(s);
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(() -> {
                    window.shutdown();
                    Platform.exit();
                });
            }
        }

        /** The Train, Compare and Learn tabs as they open: forms, buttons, chart labels. */
        private static void tabs(TourScene s) throws InterruptedException {
            String scroll = System.getProperty("tour.scroll");  // 0 to 1: the tab scrolled down that far
            for (String tab : new String[] {"train", "compare", "learn"}) {
                TourScene.fx(() -> s.window().selectTab(tab));
                Thread.sleep(1500);
                if (scroll != null) {
                    for (String pane : new String[] {".training-scroll", ".compare-scroll"}) {
                        TourScene.fx(() -> ((ScrollPane) s.scene().lookup(pane))
                                .setVvalue(Double.parseDouble(scroll)));
                    }
                    TourScene.fx(() -> {   // the lesson list: the lesson that far down at its top
                        ListView<?> list = (ListView<?>) s.scene().lookup("#lessonList");
                        list.scrollTo((int) Math.round(Double.parseDouble(scroll) * (list.getItems().size() - 1)));
                    });
                    Thread.sleep(500);
                }
                s.shot(s.prefix() + tab + "-" + s.size() + (scroll == null ? "" : "-scroll" + scroll) + ".png");
            }
        }
    }
}
