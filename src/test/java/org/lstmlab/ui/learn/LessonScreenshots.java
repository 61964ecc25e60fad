package org.lstmlab.ui.learn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.common.Screenshots;

/**
 * Takes docs/images' lesson screenshots as a student sees them: the lesson docked beside the debugger after "show
 * me", with an exercise answered. Run it under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp ... org.lstmlab.ui.learn.LessonScreenshots
 * docs/images LESSON STEP LANG [ANSWER]}, STEP counted from 0, ANSWER a number or a choice counted from 0, or
 * {@code sources} for the lesson's sources opened from that step ({@code lesson-ID-LANG-sources.png}). The lesson
 * guides' pictures are {@code one-step-by-hand 1 en 0.5624} and {@code squashed-cell 0 en 1} (and {@code zh}).
 * STEP {@code all} walks the whole lesson instead: for each step, {@code lesson-ID-LANG-sN.png} after "show me" and,
 * when the step has an exercise, {@code lesson-ID-LANG-sNa.png} after "Show the answer". The window is 1600×1000
 * unless {@code -Dlstmlab.shot.size=1024x768} says otherwise (the screen of xvfb-run must be at least as large);
 * {@code -Dlstmlab.shot.zoom=150} zooms the window first (the names then end in {@code -zoom150}).
 * STEP {@code fit} walks the lesson too, answering each exercise right (the engine's number, the correct choice or
 * prediction), and prints the dock's overflow before and after the answer, one line a step:
 * {@code fit lesson-ID LANG step N: before fits (12 px to spare); right: scrolls 84 px, feedback 301..577 of 592 in
 * view} (where the verdict and what follows it lie in the dock's view), with the pictures before and after the answer
 * as {@code lesson-ID-LANG-sN.png} and {@code lesson-ID-LANG-sNr.png}; {@code fit LANG N} stops after step N. STEP
 * {@code fit-wrong} answers each exercise wrong first (each wrong choice, {@code -sNwK.png}, or a wrong number), then
 * right; a prediction, made once, only wrong (the wrong choice that says the most). LESSON may be a teacher's file
 * instead ({@code docs/examples/gru-update-gate.yaml}), opened as File ▸ Open lesson… does.
 */
public final class LessonScreenshots {
    private LessonScreenshots() {
    }

    public static void main(String[] args) {
        Shot.dir = Path.of(args[0]);
        Shot.lesson = args[1];
        Shot.all = args[2].equals("all");
        Shot.fit = args[2].startsWith("fit");
        Shot.wrong = args[2].equals("fit-wrong");
        Shot.step = Shot.all || Shot.fit ? 0 : Integer.parseInt(args[2]);
        Shot.lang = args[3];
        Shot.answer = args.length > 4 ? args[4] : null;
        Shot.upTo = Shot.fit && Shot.answer != null ? Integer.parseInt(Shot.answer) : Integer.MAX_VALUE;
        Application.launch(Shot.class);
    }

    /** The JavaFX application that takes one screenshot. */
    public static final class Shot extends Application {
        static Path dir;
        static String lesson;
        static int step;
        static String lang;
        static String answer;
        static boolean all;
        static boolean fit;
        static boolean wrong;
        static int upTo;
        static final int ZOOM = Integer.getInteger("lstmlab.shot.zoom", 100);
        private MainWindow window;
        private Scene scene;

        @Override
        public void start(Stage stage) {
            // fit starts with no progress, as a student does: a solved exercise shows more before the answer
            System.setProperty("lstmlab.home", fit ? freshHome() : System.getProperty("java.io.tmpdir")
                    + "/lstmlab-shots-" + lang);
            window = MainWindow.create(I18n.bundle(lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH));
            window.setZoom(ZOOM);
            String[] size = System.getProperty("lstmlab.shot.size", "1600x1000").split("x");
            scene = new Scene(window.root(), Integer.parseInt(size[0]), Integer.parseInt(size[1]));
            scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            Thread t = new Thread(this::tour, "lesson-shot");
            t.setDaemon(true);
            t.start();
        }

        private static String freshHome() {
            try {
                return java.nio.file.Files.createTempDirectory("lstmlab-fit-" + lang).toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void tour() {
            try {
                LearnViewModel vm = window.learnView().viewModel();
                if (lesson.endsWith(".yaml")) {   // a teacher's file, as File ▸ Open lesson… opens it
                    fx(() -> vm.openFile(Path.of(lesson)));
                    lesson = Path.of(lesson).getFileName().toString().replace(".yaml", "");
                } else {
                    fx(() -> vm.open(lesson));
                }
                waitUntil(() -> vm.stepProperty().get() >= 0 && !vm.busyProperty().get());
                while (vm.stepProperty().get() > step) {
                    fx(vm::back);
                    waitUntil(() -> !vm.busyProperty().get());
                }
                while (vm.stepProperty().get() < step) {
                    fx(vm::next);
                    waitUntil(() -> !vm.busyProperty().get());
                }
                if (all) {
                    walk(vm);
                    return;
                }
                if (fit) {
                    fitWalk(vm);
                    return;
                }
                fx(vm::showMe);
                Thread.sleep(2500);
                boolean sources = "sources".equals(answer);   // the sources, as the link beside the position opens
                if (sources) {
                    fx(vm.sources()::toggle);
                } else if (answer != null) {
                    if (vm.exerciseProperty().get().kind() == org.lstmlab.engine.lessons.Exercise.Kind.NUMERIC) {
                        fx(() -> vm.checkNumber(answer));
                    } else {
                        fx(() -> vm.choose(Integer.parseInt(answer)));
                    }
                    waitUntil(() -> !vm.busyProperty().get() && vm.exerciseProperty().get().explanation() != null);
                }
                Thread.sleep(1500);
                String name = "lesson-" + lesson + "-" + lang + (sources ? "-sources" : "");
                fx(() -> Screenshots.save(scene, dir.resolve(name + ".png")));
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
                System.exit(0);
            }
        }

        private void walk(LearnViewModel vm) throws InterruptedException {
            int n = vm.lessonProperty().get().steps().size();
            for (int s = 0; s < n; s++) {
                showStep(vm, s);
                Thread.sleep(2500);
                String name = "lesson-" + lesson + "-" + lang + "-s" + s + (ZOOM == 100 ? "" : "-zoom" + ZOOM);
                fx(() -> Screenshots.save(scene, dir.resolve(name + ".png")));
                fx(() -> reportFit(name));
                if (vm.exerciseProperty().get() != null) {
                    fx(vm::reveal);
                    waitUntil(() -> !vm.busyProperty().get() && vm.exerciseProperty().get().explanation() != null);
                    Thread.sleep(1500);
                    fx(() -> Screenshots.save(scene, dir.resolve(name + "a.png")));
                    fx(() -> reportFit(name + "a"));
                }
            }
        }

        /**
         * Each step: "show me", the overflow, then the answers (each wrong choice in turn, a wrong number, or the wrong
         * prediction that says the most, with {@code fit-wrong}; the right one last), each with the overflow and where
         * the feedback (the verdict down to the explanation's end) sits in the dock's view.
         */
        private void fitWalk(LearnViewModel vm) throws InterruptedException {
            int n = Math.min(upTo, vm.lessonProperty().get().steps().size());
            for (int s = 0; s < n; s++) {
                showStep(vm, s);
                String line = "fit " + lesson + " " + lang + " step " + (s + 1) + ": before "
                        + describe(settledOverflow());
                String before = "lesson-" + lesson + "-" + lang + "-s" + s + ".png";
                fx(() -> Screenshots.save(scene, dir.resolve(before)));
                var ex = vm.lessonProperty().get().steps().get(s).exercise();
                if (ex == null) {
                    System.out.println(line + ", no exercise");
                    continue;
                }
                boolean predict = ex.kind() == org.lstmlab.engine.lessons.Exercise.Kind.PREDICT;
                List<Integer> answers = new ArrayList<>();   // choices in order, -1 the right one (or a wrong number)
                if (wrong) {
                    if (ex.kind() == org.lstmlab.engine.lessons.Exercise.Kind.NUMERIC) {
                        answers.add(-2);
                    } else {
                        int most = -1;
                        for (int k = 0; k < ex.choices().size(); k++) {
                            if (k != ex.correct() && !predict) {
                                answers.add(k);
                            } else if (k != ex.correct() && (most < 0
                                    || ex.feedback(k).in(lang).length() > ex.feedback(most).in(lang).length())) {
                                most = k;
                            }
                        }
                        if (predict) {
                            answers.add(most);
                        }
                    }
                }
                if (!(wrong && predict)) {
                    answers.add(-1);
                }
                for (int a : answers) {
                    String typed = vm.numericKey();
                    fx(() -> {
                        if (a == -2) {
                            vm.checkNumber(String.valueOf(Double.parseDouble(typed) * 3 + 7));
                        } else if (typed != null) {
                            vm.checkNumber(typed);
                        } else {
                            vm.choose(a == -1 ? ex.correct() : a);
                        }
                    });
                    waitUntil(() -> !vm.busyProperty().get() && vm.exerciseProperty().get().right() != null);
                    if (a == -1 && !Boolean.TRUE.equals(vm.exerciseProperty().get().right()) && !predict) {
                        throw new IllegalStateException("step " + (s + 1) + ": the right answer was refused");
                    }
                    String how = a == -1 ? "right" : a == -2 ? "wrong number" : "choice " + (a + 1);
                    line += "; " + how + ": " + describe(settledOverflow()) + ", " + feedbackInView();
                    String name = "lesson-" + lesson + "-" + lang + "-s" + s + (a < 0 ? "r" : "w" + a) + ".png";
                    fx(() -> Screenshots.save(scene, dir.resolve(name)));
                }
                System.out.println(line);
            }
        }

        /**
         * Where the feedback lies in the dock's view, from the verdict's top to the last line under it, in px from the
         * view's top: {@code feedback 301..577 of 590 in view}, or what is cut off.
         */
        private String feedbackInView() throws InterruptedException {
            String[] out = {"no feedback"};
            fx(() -> {
                javafx.scene.control.ScrollPane p = visibleDock();
                javafx.scene.Node top = p == null ? null : p.getContent().lookup("#feedback");
                if (top == null) {
                    return;
                }
                var box = (javafx.scene.layout.Pane) top.getParent();
                javafx.scene.Node last = box.getChildren().get(box.getChildren().size() - 1);
                javafx.scene.Node view = p.lookup(".viewport");
                double y0 = view.localToScene(view.getLayoutBounds()).getMinY();
                double h = view.getLayoutBounds().getHeight();
                long a = Math.round(top.localToScene(top.getLayoutBounds()).getMinY() - y0);
                long b = Math.round(last.localToScene(last.getLayoutBounds()).getMaxY() - y0);
                out[0] = "feedback " + a + ".." + b + " of " + Math.round(h) + (a < 0 ? ", top " + -a + " px above"
                        : "") + (b > h + 0.5 ? ", end " + Math.round(b - h) + " px below" : "")
                        + (a >= 0 && b <= h + 0.5 ? " in view" : "");
            });
            return out[0];
        }

        /** Moves on to step {@code s} (from the one before, unless it is the first) and does its "show me". */
        private static void showStep(LearnViewModel vm, int s) throws InterruptedException {
            if (s > 0) {
                fx(vm::next);
                waitUntil(() -> !vm.busyProperty().get());
            }
            fx(vm::showMe);
            waitUntil(() -> !vm.busyProperty().get());
        }

        private static String describe(double over) {
            return over > 0.5 ? "scrolls " + Math.round(over) + " px" : "fits (" + Math.round(-over) + " px to spare)";
        }

        /** The dock's overflow once it has stopped changing (the same for ten polls in a row, 100 ms apart). */
        private double settledOverflow() throws InterruptedException {
            double last = Double.NaN;
            int same = 0;
            for (int polls = 0; polls < 600 && same < 10; polls++) {
                double[] now = new double[1];
                fx(() -> now[0] = overflow());
                same = Math.abs(now[0] - last) < 0.5 ? same + 1 : 0;
                last = now[0];
                Thread.sleep(100);
            }
            return last;
        }

        /** How far the visible lesson dock's content overflows its viewport (negative: the room to spare). */
        private double overflow() {
            javafx.scene.control.ScrollPane p = visibleDock();
            return p == null ? Double.NaN
                    : p.getContent().getLayoutBounds().getHeight() - p.getViewportBounds().getHeight();
        }

        /** The lesson dock's scroll pane on show, or null. */
        private javafx.scene.control.ScrollPane visibleDock() {
            for (javafx.scene.Node n : scene.getRoot().lookupAll(".lesson-scroll")) {
                if (n instanceof javafx.scene.control.ScrollPane p && p.getContent() != null && p.getWidth() > 0
                        && p.getScene() != null && p.localToScene(p.getLayoutBounds()).getMinX() < scene.getWidth()
                        && p.isVisible()) {
                    return p;
                }
            }
            return null;
        }

        /**
         * Prints one line saying whether the lesson dock shows the step whole ({@code fits}) or scrolls, and by how
         * many pixels: {@code lesson-ID-LANG-sN scrolls 84 px}, {@code lesson-ID-LANG-sN fits, 12 px to spare}.
         */
        private void reportFit(String name) {
            double over = overflow();
            if (!Double.isNaN(over)) {
                System.out.println(name + (over > 0.5 ? " scrolls " + Math.round(over) + " px"
                        : " fits, " + Math.round(-over) + " px to spare"));
            }
        }

        private static void fx(Runnable r) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    r.run();
                } finally {
                    done.countDown();
                }
            });
            done.await(30, TimeUnit.SECONDS);
        }

        private static void waitUntil(BooleanSupplier c) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < end) {
                CountDownLatch done = new CountDownLatch(1);
                boolean[] ok = new boolean[1];
                Platform.runLater(() -> {
                    ok[0] = c.getAsBoolean();
                    done.countDown();
                });
                done.await(10, TimeUnit.SECONDS);
                if (ok[0]) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("timed out");
        }
    }
}
