package org.lstmlab.ui;

import static org.lstmlab.ui.TourScene.fx;
import static org.lstmlab.ui.TourScene.waitUntil;

import java.nio.file.Path;

import org.lstmlab.engine.math.KernelWarmup;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.compare.CompareViewModel;
import org.lstmlab.ui.training.TrainingViewModel;

/**
 * The Train and Compare tabs' pictures of {@link ScreenshotTour}, taken while they work: {@code train},
 * {@code checkup}, {@code charlm}, {@code poem} (the character model on "Jabberwocky"), {@code sine}, {@code walk},
 * {@code csv}, {@code csvclasses}, {@code compare},
 * {@code comparecsv} and {@code comparetext}, or
 * the user guides' set ({@code all}; in Chinese only zh-debugger.png, zh-train.png and zh-compare.png).
 */
final class TourTraining {
    private TourTraining() {
    }

    /** The pictures of the mode, in the order {@code all} takes them. */
    static void guides(TourScene s) throws Exception {
        boolean all = s.is("all");
        if (s.chinese() && all) {
            TourDebugger.chineseGuide(s);
        }
        TrainingViewModel train = s.window().trainingView().viewModel();
        if (all || s.is("train")) {
            start(s, train, "adding", () -> { });
            waitForEpochs(train, 2);
            Thread.sleep(1500);
            shots(s, s.chinese() ? "zh-train" : "train-run");
            fx(train::stop);
        }
        if (s.is("checkup")) {
            checkup(s, train);
        }
        if (all && !s.chinese() || s.is("charlm")) {
            start(s, train, "charlm", () -> train.form().layersProperty().set(2));
            waitForEpochs(train, 2);
            Thread.sleep(2000);
            s.shot(s.prefix() + "train-charlm.png");
            fx(train::stop);
        }
        if (s.is("poem")) {   // the character model on "Jabberwocky", 5 epochs: the lesson overfitting's run
            fx(() -> {
                s.window().selectTab("train");
                train.chooseTask(org.lstmlab.engine.tasks.CharLmTask.bundled("jabberwocky"));
                train.form().learningRateProperty().set("0.005");
                train.start();
            });
            waitUntil(() -> train.snapshotProperty().get() != null
                    && train.snapshotProperty().get().state().isOver(), 600);
            Thread.sleep(1500);
            shots(s, s.prefix() + "train-poem");
        }
        if (all && !s.chinese() || s.is("sine")) {
            start(s, train, "sine", () -> { });
            waitForEpochs(train, 8);
            Thread.sleep(2000);
            shots(s, s.prefix() + "train-sine");
            fx(train::stop);
        }
        if (s.is("walk")) {   // the random walk's one-step forecasts (lesson forecast-or-echo)
            start(s, train, "random-walk", () -> { });
            waitForEpochs(train, 8);
            Thread.sleep(2000);
            shots(s, s.prefix() + "train-random-walk");
            fx(train::stop);
        }
        if (s.is("padded")) {   // sine stretches zero-padded to one length, the head reading each real end
            start(s, train, "padded-sine", () -> { });
            waitForEpochs(train, 3);
            Thread.sleep(2000);
            shots(s, s.prefix() + "train-padded-sine");
            fx(train::stop);
        }
        if (all && !s.chinese() || s.is("csv")) {  // "all zh": only the guides' pictures
            csv(s, train);
        }
        if (s.is("csvclasses")) {
            csvClasses(s, train);
        }
        if (all || s.is("compare") || s.is("comparecsv") || s.is("comparetext")) {
            // a user looks around before comparing: the kernels are warm by then (KernelWarmup, started with the
            // app), and the cost line's seconds are not those of the plain loops running beside the compiler
            KernelWarmup.await(Precision.FLOAT64, (long) (KernelWarmup.MAX_SECONDS * 1000));
        }
        if (all || s.is("compare")) {
            compare(s);
        }
        if (s.is("comparecsv")) {
            compareCsv(s);
        }
        if (s.is("comparetext")) {
            compareText(s);
        }
    }

    /**
     * Saves the Train tab as {@code NAME.png} (NAME with its {@code zh-}); with {@code -Dtour.scroll} (0 to 1) also
     * scrolled down that far, as {@code NAME-SIZE-scrollX.png}: at 1024 × 768 the charts are below the fold.
     */
    private static void shots(TourScene s, String name) throws InterruptedException {
        s.shot(name + ".png");
        String scroll = System.getProperty("tour.scroll");
        if (scroll != null) {
            fx(() -> ((javafx.scene.control.ScrollPane) s.scene().lookup(".training-scroll"))
                    .setVvalue(Double.parseDouble(scroll)));
            Thread.sleep(500);
            s.shot(name + "-" + s.size() + "-scroll" + scroll + ".png");
        }
    }

    /** Chooses the task on the Train tab, sets what {@code form} sets, and presses Start. */
    private static void start(TourScene s, TrainingViewModel train, String task, Runnable form) {
        fx(() -> {
            s.window().selectTab("train");
            train.chooseTask(Tasks.byName(task));
            form.run();
            train.start();
        });
    }

    private static void waitForEpochs(TrainingViewModel train, int epochs) throws InterruptedException {
        waitUntil(() -> train.snapshotProperty().get() != null
                && train.snapshotProperty().get().epochMetrics().size() >= epochs, 600);
    }

    /** A simple RNN on adding problems of 100 steps ({@link TourCheckup}): the checkup's signs. */
    private static void checkup(TourScene s, TrainingViewModel train) throws InterruptedException {
        String variant = System.getProperty("tour.checkup", "");
        String data = System.getProperty("tour.checkup.data");   // a CSV file of the user's, read first
        if (data != null) {
            read(s, train, data, System.getProperty("tour.checkup.target", ""));
        }
        fx(() -> {
            s.window().selectTab("train");
            TourCheckup.setUp(train);
            String clip = System.getProperty("tour.checkup.clip");  // the clip norm, typed into its field
            if (clip != null) {
                ((javafx.scene.control.TextField) s.scene().lookup("#clipField")).setText(clip);
            }
            train.start();
        });
        waitUntil(() -> train.snapshotProperty().get() != null
                && train.snapshotProperty().get().state().isOver(), 600);
        int more = Integer.getInteger("tour.checkup.more", 0);   // then Train more, as many epochs
        if (more > 0) {
            int before = train.snapshotProperty().get().epochMetrics().size();
            fx(() -> {
                train.form().epochsProperty().set(more);
                train.trainMore();
            });
            waitUntil(() -> train.snapshotProperty().get().epochMetrics().size() == before + more
                    && train.snapshotProperty().get().state().isOver(), 600);
        }
        Thread.sleep(1500);
        s.shot(s.prefix() + "train-checkup" + (variant.isEmpty() ? "" : "-" + variant) + ".png");
    }

    /**
     * A CSV file of a time series, forecast two steps ahead from windows of 8; another with {@code
     * -Dtour.train.data=FILE} and {@code -Dtour.train.target=COLUMN}, also shown once read, before Start, with the
     * notes on it in the message ({@code train-csv-read-SIZE.png}).
     */
    private static void csv(TourScene s, TrainingViewModel train) throws InterruptedException {
        String data = System.getProperty("tour.train.data");
        if (data != null) {
            read(s, train, data, System.getProperty("tour.train.target", ""));
            Thread.sleep(1000);
            s.shot(s.prefix() + "train-csv-read-" + s.size() + ".png");
        }
        trainOnFile(s, train, data != null ? data : "src/test/resources/data/good/series.csv", () -> {
            train.form().stepsProperty().set(8);
            train.form().horizonProperty().set(2);
        });
        s.shot(s.prefix() + "train-csv.png");
        if (s.is("csv")) {   // then the sample in the debugger, whose inputs are standardised
            openSample(s, train, "debugger-csv-");
            fx(() -> {   // the input table, whose columns are the file's, and the x line, which names them too
                for (String pane : new String[] {"#setupPane", "#breakpointPane", "#watchPane"}) {
                    ((javafx.scene.control.TitledPane) s.scene().lookup(pane)).setExpanded(false);
                }
                ((javafx.scene.control.TitledPane) s.scene().lookup("#editPane")).setExpanded(true);
                ((javafx.scene.control.ScrollPane) s.scene().lookup("#equationPane")).setVvalue(1);
            });
            Thread.sleep(1500);
            s.shot(s.prefix() + "debugger-csv-inputs-" + s.size() + ".png");
        }
    }

    /** Types {@code target} into the Target column, chooses {@code data} and waits until it is read (or refused). */
    private static void read(TourScene s, TrainingViewModel train, String data, String target)
            throws InterruptedException {
        fx(() -> {
            s.window().selectTab("train");
            ((javafx.scene.control.TextField) s.scene().lookup("#targetField")).setText(target);
            train.chooseDataFile(Path.of(data));
        });
        waitUntil(() -> train.form().taskProperty().get().name().equals("csv"), 60);
    }

    /**
     * docs/data/activity.csv classified by the activity of each window's last row (windows of 20, 10 epochs), as in
     * the guide: the form, whose horizon does not apply, then the first validation sample in the debugger, whose line
     * names the predicted class and its probability ({@code train-csv-classes-SIZE.png},
     * {@code debugger-csv-classes-SIZE.png}).
     */
    private static void csvClasses(TourScene s, TrainingViewModel train) throws InterruptedException {
        fx(() -> ((javafx.scene.control.TextField) s.scene().lookup("#targetField")).setText("activity"));
        trainOnFile(s, train, "docs/data/activity.csv", () -> {
            train.form().stepsProperty().set(20);
            train.form().epochsProperty().set(10);
        });
        s.shot(s.prefix() + "train-csv-classes-" + s.size() + ".png");
        openSample(s, train, "debugger-csv-classes-");
    }

    /** Reads {@code file} in the Train tab, sets what {@code form} sets, trains, and waits for the end. */
    private static void trainOnFile(TourScene s, TrainingViewModel train, String file, Runnable form)
            throws InterruptedException {
        fx(() -> {
            s.window().selectTab("train");
            train.chooseDataFile(Path.of(file));
        });
        waitUntil(() -> train.form().taskProperty().get().name().equals("csv"), 60);
        fx(() -> {
            form.run();
            train.start();
        });
        waitUntil(() -> train.stateProperty().get() != null && train.stateProperty().get().isOver(), 600);
        Thread.sleep(1000);
    }

    /** "Open in debugger" on the run's first validation sample, saved as {@code NAME-SIZE.png}. */
    private static void openSample(TourScene s, TrainingViewModel train, String name) throws InterruptedException {
        String before = train.messageProperty().get();
        fx(train::openInDebugger);
        waitUntil(() -> !java.util.Objects.equals(before, train.messageProperty().get()), 60);
        Thread.sleep(2500);
        s.shot(s.prefix() + name + s.size() + ".png");
    }

    /**
     * The Compare tab run with its defaults; with {@code -Dtour.compare.choose}, a failed model's checkup; with
     * {@code -Dtour.compare.same=parameters}, the cells made alike in parameters ({@code compare-parameters-SIZE.png}).
     */
    private static void compare(TourScene s) throws InterruptedException {
        CompareViewModel cmp = s.window().compareView().viewModel();
        boolean parameters = System.getProperty("tour.compare.same", "units").equals("parameters");
        fx(() -> {
            s.window().selectTab("compare");
            if (parameters) {
                cmp.sizingProperty().set(org.lstmlab.engine.session.Comparison.Sizing.PARAMETERS);
            }
            cmp.start();   // the defaults, as a teacher presses the button
        });
        Thread.sleep(500);
        waitUntil(() -> !cmp.runningProperty().get(), 1800);
        String choose = System.getProperty("tour.compare.choose", "");  // e.g. SimpleRNN:10
        if (!choose.isEmpty()) {
            fx(() -> cmp.checkup().failed().stream()
                    .filter(p -> (p.cell().displayName() + ":" + p.seqLen()).equals(choose))
                    .findFirst().ifPresent(p -> cmp.checkup().chosenProperty().set(p)));
        }
        Thread.sleep(1000);
        s.shot(s.prefix() + "compare" + (parameters ? "-parameters" : "") + (choose.isEmpty() ? ""
                : "-" + choose.replace(':', '-')) + ".png");
    }

    /**
     * The Compare tab on the sample file docs/data/activity.csv, its activity column as the class target: every cell
     * on the same windows, beside always answering the most frequent activity.
     */
    private static void compareCsv(TourScene s) throws InterruptedException {
        CompareViewModel cmp = s.window().compareView().viewModel();
        String file = System.getProperty("tour.compare.data", "docs/data/activity.csv");   // another, or a bad one
        fx(() -> {
            s.window().selectTab("compare");
            cmp.data().fields().targetProperty().set(System.getProperty("tour.compare.target", "activity"));
            cmp.chooseDataFile(Path.of(file));
        });
        waitUntil(() -> cmp.taskProperty().get().name().equals("csv") || cmp.data().errorProperty().get(), 60);
        if (cmp.data().errorProperty().get()) {   // refused: the message, the problems and the fields kept
            Thread.sleep(1000);
            s.shot(s.prefix() + "compare-csv-refused-" + s.size() + ".png");
            return;
        }
        fx(cmp::start);
        Thread.sleep(500);
        waitUntil(() -> cmp.snapshotProperty().get().done(), 1800);
        Thread.sleep(1000);
        s.shot(s.prefix() + "compare-csv-" + s.size() + ".png");
    }

    /**
     * The Compare tab on the sonnets of the built-in character model, opened as the user's file (or on
     * {@code -Dtour.compare.data=FILE.txt}, docs/data/jabberwocky.txt: a text so short that every model learns it
     * by heart) with its defaults: every cell's character model on the same windows, beside the character
     * frequencies' entropy ({@code compare-text-SIZE.png}; a text refused: {@code compare-text-refused-SIZE.png}).
     * With {@code -Dtour.compare.text=jabberwocky} (or {@code sonnets}) the bundled text chosen in the task box, as
     * the Train tab offers it ({@code compare-text-jabberwocky-SIZE.png}).
     */
    private static void compareText(TourScene s) throws InterruptedException {
        CompareViewModel cmp = s.window().compareView().viewModel();
        String file = System.getProperty("tour.compare.data", "resources/org/lstmlab/datasets/sonnets.txt");
        String text = System.getProperty("tour.compare.text", "");
        fx(() -> {
            s.window().selectTab("compare");
            if (text.isEmpty()) {
                cmp.chooseDataFile(Path.of(file));
            } else {
                cmp.taskProperty().set(org.lstmlab.engine.tasks.CharLmTask.bundled(text));
            }
        });
        waitUntil(() -> cmp.taskProperty().get().name().equals("charlm") || cmp.data().errorProperty().get(), 60);
        if (cmp.data().errorProperty().get()) {
            Thread.sleep(1000);
            s.shot(s.prefix() + "compare-text-refused-" + s.size() + ".png");
            return;
        }
        fx(cmp::start);
        Thread.sleep(500);
        waitUntil(() -> cmp.snapshotProperty().get().done(), 1800);
        Thread.sleep(1000);
        s.shot(s.prefix() + "compare-text-" + (text.isEmpty() ? "" : text + "-") + s.size() + ".png");
    }
}
