package org.lstmlab.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.Screenshots;
import org.lstmlab.ui.common.Settings;
import org.lstmlab.ui.compare.CompareViewModel;
import org.lstmlab.ui.training.TrainingViewModel;

/**
 * Takes the user guide's screenshots of the Train and Compare tabs while they work: run it under Xvfb
 * ({@code xvfb-run -a -s "-screen 0 1400x900x24" java -cp ... org.lstmlab.ui.ScreenshotTour docs/images}), which
 * saves train-run.png, train-charlm.png, train-sine.png, train-csv.png and compare.png at 1400 × 900 (one of them
 * alone: {@code docs/images train}, {@code charlm}, {@code sine}, {@code csv} or {@code compare}).
 * It drives the view models as a user would through the buttons, waits, and saves the scene. With the arguments
 * {@code docs/images all zh 1024x768} it takes the Chinese guides' pictures instead (zh-debugger.png, zh-train.png,
 * zh-compare.png) at the size of a common projector; that needs a Chinese font.
 *
 * <p>For the classroom checks: {@code docs/images debugger en 1024x768} saves the Debugger tab stepped to the cell
 * state as {@code debugger-1024x768.png}, {@code presenter} the same in presenter mode ({@code presenter-...png}),
 * {@code heatmap} the heatmaps with the pointer over one (at timestep {@code -Dtour.t}, from 1, if given),
 * {@code learnerror} the Learn tab after a teacher's lesson failed while it ran, {@code lesson} the first lesson
 * docked beside the debugger after "Show me" (another with
 * {@code -Dtour.lesson=squashed-cell -Dtour.step=3}, from 1), {@code lessonpresenter} the same in presenter mode,
 * {@code predict} a lesson's step after "Show me", then
 * again after choice {@code -Dtour.choice} (from 1) or the number {@code -Dtour.answer} of its exercise
 * ({@code lesson-ID-STEP-before-…png} and {@code -after-…png}); {@code -Dtour.zoom=150} zooms first (the name gets
 * {@code -zoom150}), with {@code -Dtour.cell=GRU} (and {@code -Dtour.direction=backward}, {@code
 * -Dtour.equation=N}) {@code presenter} steps that cell's equations up to N ({@code presenter-gru-backward-N-…png};
 * {@code debugger} the same outside presenter mode, with {@code -Dtour.beside=RNN_TANH} a cell beside),
 * {@code tabs} the Train, Compare and Learn tabs as they open (scrolled down with {@code -Dtour.scroll=0.5}, from
 * 0 to 1), and {@code zh} puts {@code zh-} in front of the names.
 * {@code checkup} trains a SimpleRNN on adding problems of 100 steps for 2 epochs and shows its checkup; another run's
 * with {@code -Dtour.checkup=NAME} (the file's suffix) and {@code -Dtour.checkup.task}, {@code .cell}, {@code .steps},
 * {@code .epochs}, {@code .layers}, {@code .units}, {@code .lr}. {@code compare} runs the Compare tab's defaults
 * and shows the newest failure's checkup, or with {@code -Dtour.compare.choose=SimpleRNN:10} that model's.
 * {@code menus} opens File ▸ Export and then a chart's context menu (Save as PNG), {@code windows} each Help window
 * and Debug ▸ Jump's dialog ({@code window-….png}); they and {@code explain} (a gate's and an equation's explanation)
 * capture the screen, popups included, so they need Xvfb.
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
                TrainingViewModel train = window.trainingView().viewModel();
                String prefix = chinese ? "zh-" : "";
                String size = width + "x" + height + (ZOOM == 100 ? "" : "-zoom" + ZOOM);
                if (only.equals("learnerror")) {  // a teacher's lesson that fails while it runs: the error line
                    java.nio.file.Path bad = java.nio.file.Files.createTempFile("lesson-", ".yaml");
                    java.nio.file.Files.writeString(bad, String.join("\n", "id: t", "title: {en: T, zh: 题}",
                            "steps:", "  - text: {en: \"a\", zh: \"甲\"}", "    actions:",
                            "      - set-weight: {name: W_if, row: 9, value: 1}", ""));
                    fx(() -> window.selectTab("learn"));
                    Thread.sleep(1000);
                    fx(() -> window.learnView().viewModel().openFile(bad));
                    Thread.sleep(2500);
                    shot(prefix + "learn-error-" + size + ".png");
                    return;
                }
                if (only.equals("lesson") || only.equals("predict") || only.equals("lessonpresenter")) {
                    var learn = window.learnView().viewModel();  // a lesson's step docked beside the debugger,
                    String id = System.getProperty("tour.lesson", "one-step-by-hand");  // after "Show me"
                    fx(() -> window.selectTab("learn"));
                    Thread.sleep(1000);
                    fx(() -> learn.open(id));
                    waitUntil(() -> learn.stepProperty().get() == 0 && !learn.busyProperty().get(), 60);
                    for (int k = 1; k < Integer.getInteger("tour.step", 1); k++) {
                        int next = k;
                        fx(learn::next);  // a step left behind performs its prediction's run
                        waitUntil(() -> learn.stepProperty().get() == next && !learn.busyProperty().get(), 600);
                    }
                    fx(learn::showMe);
                    Thread.sleep(3000);
                    String name = !only.equals("predict") && !System.getProperties().containsKey("tour.lesson")
                            ? "lesson-" : "lesson-" + id + "-" + Integer.getInteger("tour.step", 1) + "-";
                    if (only.equals("lessonpresenter")) {
                        fx(() -> window.setPresenting(true));
                        Thread.sleep(1500);
                        shot(prefix + "lessonpresenter-" + size + ".png");
                        return;
                    }
                    if (only.equals("lesson")) {
                        shot(prefix + name + size + ".png");
                        return;
                    }
                    shot(prefix + name + "before-" + size + ".png");
                    // the answer: choice tour.choice (from 1), or the number tour.answer; then what it shows
                    String number = System.getProperty("tour.answer");
                    fx(() -> {
                        if (number != null) {
                            learn.checkNumber(number);
                        } else {
                            learn.choose(Integer.getInteger("tour.choice", 1) - 1);
                        }
                    });
                    waitUntil(() -> learn.exerciseProperty().get() != null  // a verdict: a wrong choice has
                            && learn.exerciseProperty().get().right() != null && !learn.busyProperty().get(),
                            600);  // no explanation yet, only why it is wrong
                    Thread.sleep(3000);
                    shot(prefix + name + "after-" + size + ".png");
                    return;
                }
                if (only.equals("tabs")) {  // the Train and Compare tabs as they open: forms, buttons, chart labels
                    String scroll = System.getProperty("tour.scroll");  // 0 to 1: the tab scrolled down that far
                    for (String tab : new String[] {"train", "compare", "learn"}) {
                        fx(() -> window.selectTab(tab));
                        Thread.sleep(1500);
                        if (scroll != null) {
                            for (String pane : new String[] {".training-scroll", ".compare-scroll"}) {
                                fx(() -> ((javafx.scene.control.ScrollPane) scene.lookup(pane))
                                        .setVvalue(Double.parseDouble(scroll)));
                            }
                            Thread.sleep(500);
                        }
                        shot(prefix + tab + "-" + size + (scroll == null ? "" : "-scroll" + scroll) + ".png");
                    }
                    return;
                }
                if (only.equals("windows")) {  // Help's windows and Debug ▸ Jump's dialog (when the field is folded)
                    var bar = (javafx.scene.control.MenuBar) scene.lookup(".menu-bar");
                    waitUntil(() -> window.debugger().viewModel().trace() != null, 120);
                    for (String id : new String[] {"guideItem", "shortcutsItem", "glossaryItem", "aboutItem", "jump"}) {
                        Platform.runLater(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                                .filter(i -> id.equals(i.getId()) || id.equals("jump") && i.getAccelerator() != null
                                        && i.getAccelerator().getName().endsWith("G")).findFirst().orElseThrow()
                                .fire());
                        Thread.sleep(id.equals("guideItem") ? 6000 : 2500);  // the guide's pictures load
                        javafx.stage.Window[] w = new javafx.stage.Window[1];
                        fx(() -> w[0] = javafx.stage.Window.getWindows().stream().filter(x -> x.isShowing()
                                && x instanceof Stage st && st.getOwner() == scene.getWindow()).findFirst()
                                .orElse(null));
                        if (w[0] != null) {
                            capture(prefix + "window-" + id.replace("Item", "") + "-" + size + ".png", w[0]);
                            fx(() -> ((Stage) w[0]).close());
                        }
                    }
                    return;
                }
                if (only.equals("menus")) {  // File ▸ Export open, and a chart's context menu: popups, so the screen
                    fx(() -> window.selectTab("train"));
                    Thread.sleep(1000);
                    fx(() -> {
                        var bar = (javafx.scene.control.MenuBar) scene.lookup(".menu-bar");
                        bar.getMenus().get(0).show();
                    });
                    Thread.sleep(800);
                    pointAt(popupItem("exportMenu"));
                    Thread.sleep(1500);
                    capture(prefix + "menu-export-" + size + ".png");
                    fx(() -> ((javafx.scene.control.MenuBar) scene.lookup(".menu-bar")).getMenus().get(0).hide());
                    fx(() -> {
                        train.chooseTask(Tasks.byName("sine"));
                        train.start();
                    });
                    waitUntil(() -> train.snapshotProperty().get() != null
                            && train.snapshotProperty().get().epochMetrics().size() >= 3, 600);
                    fx(train::pause);
                    Thread.sleep(1500);
                    fx(() -> {
                        javafx.scene.Node chart = scene.lookup("#lossChart");
                        var b = chart.localToScreen(chart.getBoundsInLocal());
                        var robot = new javafx.scene.robot.Robot();
                        robot.mouseMove(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
                        robot.mouseClick(javafx.scene.input.MouseButton.SECONDARY);
                    });
                    Thread.sleep(1500);
                    capture(prefix + "menu-chart-png-" + size + ".png");
                    fx(train::stop);
                    return;
                }
                if (only.equals("debugger") || only.equals("presenter") || only.equals("heatmap")
                        || only.equals("explain")) {
                    var debug = window.debugger().viewModel();
                    waitUntil(() -> debug.trace() != null, 120);
                    String cell = System.getProperty("tour.cell");
                    if (!only.equals("heatmap") && !only.equals("explain") && cell != null) {  // another cell,
                        presentAt(debug, org.lstmlab.engine.nn.CellType.valueOf(cell));  // direction, equation
                        shot(prefix + only + "-" + cell.toLowerCase(Locale.ROOT) + "-" + System.getProperty(
                                "tour.direction", "forward") + "-" + Integer.getInteger("tour.equation", 0) + "-"
                                + size + (System.getProperty("tour.beside") == null ? "" : "-beside") + ".png");
                        return;
                    }
                    for (int i = 0; i < 4; i++) {
                        fx(() -> debug.stepper().stepInto());  // to the cell-state equation
                    }
                    if (only.equals("presenter")) {
                        fx(() -> window.setPresenting(true));
                    }
                    String t = only.equals("heatmap") ? System.getProperty("tour.t") : null;
                    if (t != null) {  // another timestep (from 1): the name says it
                        fx(() -> debug.moves().jumpTo(t));
                    }
                    if (only.equals("heatmap")) {  // the pointer over the forget gate's map: its value shows
                        fx(() -> TourMouse.hover(scene.lookup("#heatmap-0-f"), 60, 30));
                    }
                    Thread.sleep(1500);
                    if (only.equals("explain")) {  // a real pointer over the forget gate: its tooltip is a window
                        pointAndCapture("#node-f", prefix + "explain-" + size + ".png");
                        pointAndCapture(".equation-row:current", prefix + "explain-equation-" + size + ".png");
                        return;
                    }
                    shot(prefix + only + "-" + size + (t == null ? "" : "-t" + t) + ".png");
                    return;
                }
                if (chinese && (only.equals("all") || only.equals("debugger"))) {
                    var debug = window.debugger().viewModel();
                    waitUntil(() -> debug.trace() != null, 120);
                    for (int i = 0; i < 4; i++) {
                        fx(() -> debug.stepper().stepInto());  // to the cell-state equation
                    }
                    Thread.sleep(1500);
                    shot("zh-debugger.png");
                }
                if (only.equals("all") || only.equals("train")) {
                    fx(() -> {
                        window.selectTab("train");
                        train.chooseTask(Tasks.byName("adding"));
                        train.start();
                    });
                    waitUntil(() -> train.snapshotProperty().get() != null
                            && train.snapshotProperty().get().epochMetrics().size() >= 2, 600);
                    Thread.sleep(1500);
                    shot(chinese ? "zh-train.png" : "train-run.png");
                    fx(train::stop);
                }
                if (only.equals("checkup")) {  // a simple RNN on adding problems of 100 steps: the checkup's signs
                    String variant = System.getProperty("tour.checkup", "");
                    fx(() -> {
                        window.selectTab("train");
                        TourCheckup.setUp(train);
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
                    shot((chinese ? "zh-" : "") + "train-checkup" + (variant.isEmpty() ? "" : "-" + variant) + ".png");
                }
                if (only.equals("all") && !chinese || only.equals("charlm")) {
                    fx(() -> {
                        window.selectTab("train");
                        train.chooseTask(Tasks.byName("charlm"));
                        train.form().layersProperty().set(2);
                        train.start();
                    });
                    waitUntil(() -> train.snapshotProperty().get() != null
                            && train.snapshotProperty().get().epochMetrics().size() >= 2, 600);
                    Thread.sleep(2000);
                    shot(prefix + "train-charlm.png");
                    fx(train::stop);
                }
                if (only.equals("all") && !chinese || only.equals("sine")) {
                    fx(() -> {
                        window.selectTab("train");
                        train.chooseTask(Tasks.byName("sine"));
                        train.start();
                    });
                    waitUntil(() -> train.snapshotProperty().get() != null
                            && train.snapshotProperty().get().epochMetrics().size() >= 8, 600);
                    Thread.sleep(2000);
                    shot(prefix + "train-sine.png");
                    fx(train::stop);
                }
                if (only.equals("all") && !chinese || only.equals("csv")) {  // "all zh": only the guides' pictures
                    fx(() -> {
                        window.selectTab("train");
                        train.chooseDataFile(Path.of("src/test/resources/data/good/series.csv"));
                    });
                    waitUntil(() -> train.form().taskProperty().get().name().equals("csv"), 60);
                    fx(() -> {
                        train.form().stepsProperty().set(8);
                        train.form().horizonProperty().set(2);
                        train.start();
                    });
                    waitUntil(() -> train.stateProperty().get() != null && train.stateProperty().get().isOver(), 600);
                    Thread.sleep(1000);
                    shot(prefix + "train-csv.png");
                }
                if (only.equals("all") || only.equals("compare")) {
                    CompareViewModel cmp = window.compareView().viewModel();
                    fx(() -> {
                        window.selectTab("compare");
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
                    shot(prefix + "compare" + (choose.isEmpty() ? "" : "-" + choose.replace(':', '-')) + ".png");
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

        /**
         * Presenter mode (or not, for {@code debugger}) on {@code cell} ({@code -Dtour.cell=GRU}), backward or not, at
         * timestep 3, stepped through the equations up to {@code -Dtour.equation} (from 0) as a teacher would.
         */
        private void presentAt(org.lstmlab.ui.debugger.DebuggerViewModel debug,
                               org.lstmlab.engine.nn.CellType cell) throws InterruptedException {
            fx(() -> debug.setupCommands().chooseCell(cell));
            waitUntil(() -> debug.trace() != null && debug.trace().cell() == cell && !debug.busyProperty().get(),
                    120);
            var d = System.getProperty("tour.direction", "forward").equals("backward")
                    ? org.lstmlab.engine.trace.Direction.BACKWARD : org.lstmlab.engine.trace.Direction.FORWARD;
            fx(() -> {  // -Dtour.beside=RNN_TANH,GRU: cells beside, their gradients plotted too
                java.util.Arrays.stream(System.getProperty("tour.beside", "").split(",")).filter(c -> !c.isEmpty())
                        .forEach(c -> debug.beside().add(org.lstmlab.engine.nn.CellType.valueOf(c)));
                window.setPresenting(only.equals("presenter"));
                debug.stepper().setDirection(d);
            });
            for (int k = 0; k <= Integer.getInteger("tour.equation", 0); k++) {
                var at = new org.lstmlab.ui.debugger.Cursor(d, 2, 0, k);
                fx(() -> debug.stepper().goTo(at));
                Thread.sleep(700);
            }
            Thread.sleep(1000);
        }

        /** The node of a menu item with this id in an open popup menu (a popup is a window of its own). */
        private javafx.scene.Node popupItem(String id) throws InterruptedException {
            javafx.scene.Node[] found = new javafx.scene.Node[1];
            fx(() -> {
                for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                    if (w instanceof javafx.stage.PopupWindow && w.getScene() != null) {
                        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>();
                        todo.add(w.getScene().getRoot());
                        while (!todo.isEmpty()) {
                            javafx.scene.Node n = todo.poll();
                            if (n.getProperties().get(javafx.scene.control.MenuItem.class) instanceof
                                    javafx.scene.control.MenuItem item && id.equals(item.getId())) {
                                found[0] = n;
                            }
                            if (n instanceof javafx.scene.Parent p) {
                                todo.addAll(p.getChildrenUnmodifiable());
                            }
                        }
                    }
                }
            });
            if (found[0] == null) {
                throw new IllegalStateException("no open menu item " + id);
            }
            return found[0];
        }

        /**
         * Moves the real pointer to the middle of a node, in two steps (a tooltip waits for a move inside its node),
         * with the window focused (a tooltip shows only in the focused window).
         */
        private static void pointAt(javafx.scene.Node n) throws InterruptedException {
            fx(() -> {
                if (n.getScene().getWindow() instanceof javafx.stage.Stage stage) {
                    stage.requestFocus();
                }
            });
            Thread.sleep(300);
            for (int k = 4; k >= 0; k -= 4) {
                int d = k;
                fx(() -> {
                    var b = n.localToScreen(n.getBoundsInLocal());
                    new javafx.scene.robot.Robot().mouseMove(b.getMinX() + b.getWidth() / 2 - d,
                            b.getMinY() + b.getHeight() / 2 - d);
                });
                Thread.sleep(200);
            }
        }

        /** Saves the screen under the stage: popups (menus, tooltips) included, unlike a snapshot of the scene. */
        private void capture(String name) throws InterruptedException {
            capture(name, scene.getWindow());
        }

        private void capture(String name, javafx.stage.Window w) throws InterruptedException {
            fx(() -> {
                var img = new javafx.scene.robot.Robot().getScreenCapture(null, w.getX(), w.getY(), w.getWidth(),
                        w.getHeight());
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                            dir.resolve(name).toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.out.println("saved " + dir.resolve(name));
        }

        /** Moves the real pointer onto a node, waits for its tooltip, and saves the whole screen under the stage. */
        private void pointAndCapture(String query, String name) throws InterruptedException {
            javafx.scene.Node[] n = new javafx.scene.Node[1];
            // a lookup ignores pseudo-classes: ".equation-row:current" is the equation row in that state
            fx(() -> n[0] = !query.endsWith(":current") ? scene.lookup(query) : scene.getRoot()
                    .lookupAll(query.substring(0, query.length() - ":current".length())).stream()
                    .filter(r -> r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("current")))
                    .findFirst().orElseThrow());
            pointAt(n[0]);
            Thread.sleep(2500);
            capture(name);
        }

        private void shot(String name) throws InterruptedException {
            fx(() -> Screenshots.save(scene, dir.resolve(name)));
            System.out.println("saved " + dir.resolve(name));
        }

        public static void fx(Runnable r) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    r.run();
                } finally {
                    done.countDown();
                }
            });
            done.await();
        }

        public static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                boolean[] ok = new boolean[1];
                fx(() -> ok[0] = condition.getAsBoolean());
                if (ok[0]) {
                    return;
                }
                Thread.sleep(200);
            }
            System.out.println("gave up waiting after " + seconds + " s");
        }
    }
}
